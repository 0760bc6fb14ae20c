package org.tribune.account;

import org.springframework.security.core.AuthenticationException;

/** Why a correct or throttled login is still refused; {@code code} is a message key shown on the login page. */
class LoginRefusal extends AuthenticationException {
    private final String code;

    LoginRefusal(String code) {
        super(code);
        this.code = code;
    }

    String code() {
        return code;
    }
}
