package org.tribune.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an API operation that needs a signed-in caller although its handler takes the {@link Viewer} rather than an
 * account (a feature that the account feature itself depends on cannot name the account type): the OpenAPI document
 * then lists it with its token requirement, like the operations that take an account.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SignedIn {
}
