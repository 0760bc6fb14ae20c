package org.tribune.account;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} for API clients. An unknown or revoked token is answered 401 at once rather
 * than treated as anonymous, so a client learns its token is no longer good.
 */
class TokenAuthentication extends OncePerRequestFilter {
    private final TokenService tokens;
    private final ApiFailures failures;

    TokenAuthentication(TokenService tokens, ApiFailures failures) {
        this.tokens = tokens;
        this.failures = failures;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            var account = tokens.authenticate(header.substring(7).trim());
            if (account.isEmpty()) {
                failures.unauthorized(request, response, "token.invalid");
                return;
            }
            AccountPrincipal principal = new AccountPrincipal(account.get().id(), account.get().role(), null);
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                    principal.getAuthorities()));
            SecurityContextHolder.setContext(context);
            CurrentAccount.alreadyRead(request, account.get());
        }
        chain.doFilter(request, response);
    }
}
