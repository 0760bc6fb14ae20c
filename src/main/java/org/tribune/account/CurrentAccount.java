package org.tribune.account;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tribune.platform.web.Viewer;

/**
 * Reads the signed-in account once per request. A session whose account was suspended or deleted meanwhile is
 * ended; a changed role applies to this request at once.
 */
class CurrentAccount extends OncePerRequestFilter {
    private final Accounts accounts;

    CurrentAccount(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The account signed in on this request, if any. */
    static Optional<Account> of(HttpServletRequest request) {
        return request.getAttribute(Viewer.ATTRIBUTE) instanceof AccountViewer viewer ? Optional.of(viewer.account())
                : Optional.empty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SecurityContext context = SecurityContextHolder.getContext();
        Authentication authentication = context.getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
            Optional<Account> account = accounts.byId(principal.accountId());
            boolean usable = account.isPresent() && switch (account.get().state()) {
                case ACTIVE, WAITING -> true;
                default -> false;
            };
            if (!usable) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
            } else {
                Account current = account.get();
                request.setAttribute(Viewer.ATTRIBUTE, new AccountViewer(current));
                if (current.role() != principal.role()) {
                    AccountPrincipal updated = new AccountPrincipal(current.id(), current.role(), null);
                    UsernamePasswordAuthenticationToken fresh = UsernamePasswordAuthenticationToken.authenticated(
                            updated, null, updated.getAuthorities());
                    fresh.setDetails(authentication.getDetails());
                    SecurityContext replaced = SecurityContextHolder.createEmptyContext();
                    replaced.setAuthentication(fresh);
                    SecurityContextHolder.setContext(replaced);
                }
            }
        }
        chain.doFilter(request, response);
    }
}
