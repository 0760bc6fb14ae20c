package org.tribune.account;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.tribune.platform.web.Viewer;

/** Lets a handler take the signed-in {@link Account} as an argument; only for pages that require sign-in. */
@Configuration(proxyBeanMethods = false)
class AccountArguments implements WebMvcConfigurer, HandlerMethodArgumentResolver {
    static {
        // The signed-in account comes from the session or token: the API document must not list it as a parameter.
        org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(Account.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Account.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binders) {
        if (request.getAttribute(Viewer.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof AccountViewer viewer) {
            return viewer.account();
        }
        throw new AuthenticationCredentialsNotFoundException("sign-in required");
    }
}
