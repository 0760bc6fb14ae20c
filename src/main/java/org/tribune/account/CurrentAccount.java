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
 * ended; a changed role applies to this request at once. An account whose deletion is pending is frozen: on the web
 * it may only see the page that cancels the deletion (and sign out); through the API it is not signed in at all.
 */
class CurrentAccount extends OncePerRequestFilter {
    static final String CLOSING_PAGE = "/account/closing";
    private static final String READ = CurrentAccount.class.getName() + ".read";

    private final Accounts accounts;
    private final boolean web;

    CurrentAccount(Accounts accounts) {
        this(accounts, false);
    }

    CurrentAccount(Accounts accounts, boolean web) {
        this.accounts = accounts;
        this.web = web;
    }

    private static boolean allowedWhileClosing(String path) {
        return path.equals(CLOSING_PAGE) || path.startsWith(CLOSING_PAGE + "/") || path.equals("/logout")
                || path.equals("/error") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/img/") || path.equals("/favicon.ico");
    }

    /** The account an earlier filter of this request has just read, so that it is not read twice. */
    static void alreadyRead(HttpServletRequest request, Account account) {
        request.setAttribute(READ, account);
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
            Optional<Account> account = request.getAttribute(READ) instanceof Account read && read.id() == principal.accountId()
                    ? Optional.of(read) : accounts.byId(principal.accountId());
            if (web && account.isPresent() && account.get().state() == AccountState.CLOSING) {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                if (!allowedWhileClosing(path)) {
                    response.sendRedirect(request.getContextPath() + CLOSING_PAGE);
                    return;
                }
                request.setAttribute(Viewer.ATTRIBUTE, new AccountViewer(account.get()));
                chain.doFilter(request, response);
                return;
            }
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
