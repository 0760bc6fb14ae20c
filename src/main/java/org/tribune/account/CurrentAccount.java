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
 * Reads the signed-in account once per request. A session whose account was deleted meanwhile is ended; a changed
 * role applies to this request at once. An account whose deletion is pending is frozen: on the web it may only see
 * the page that cancels the deletion (and sign out); through the API it is not signed in at all. A suspended account
 * may only read the moderation decisions about it and appeal them, on the web ({@value #SUSPENDED_PAGE}; every other
 * page leads there) and through the API (every other request is refused with a problem saying why).
 */
class CurrentAccount extends OncePerRequestFilter {
    static final String CLOSING_PAGE = "/account/closing";
    private static final String READ = CurrentAccount.class.getName() + ".read";
    static final String SUSPENDED_PAGE = "/moderation/mine";
    /** An appeal of one decision, on the web and through the API. */
    private static final java.util.regex.Pattern APPEAL = java.util.regex.Pattern.compile(
            "(/api/v1)?/moderation/actions/[0-9]{1,19}/appeal");

    private final Accounts accounts;
    private final boolean web;
    private final ApiFailures failures;

    CurrentAccount(Accounts accounts, ApiFailures failures) {
        this.accounts = accounts;
        this.web = false;
        this.failures = failures;
    }

    CurrentAccount(Accounts accounts, boolean web) {
        this.accounts = accounts;
        this.web = web;
        this.failures = null;
    }

    private static boolean allowedWhileClosing(String path) {
        return path.equals(CLOSING_PAGE) || path.startsWith(CLOSING_PAGE + "/") || alwaysAllowed(path);
    }

    private static boolean alwaysAllowed(String path) {
        return path.equals("/logout") || path.equals("/error") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/img/") || path.equals("/favicon.ico");
    }

    /** The account an earlier filter of this request has just read, so that it is not read twice. */
    static void alreadyRead(HttpServletRequest request, Account account) {
        request.setAttribute(READ, account);
    }

    /**
     * What a suspended person may reach: the decisions about them, their appeal, the rules they are said to break,
     * and the public sign-in page (to sign in as someone else).
     */
    static boolean allowedWhileSuspended(String method, String path) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        boolean post = method.equals("POST");
        return (read && (path.equals(SUSPENDED_PAGE) || path.equals("/api/v1" + SUSPENDED_PAGE)
                        || path.equals("/conduct") || path.equals("/login")))
                || (post && APPEAL.matcher(path).matches())
                || alwaysAllowed(path);
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
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (web && account.isPresent() && account.get().state() == AccountState.CLOSING) {
                if (!allowedWhileClosing(path)) {
                    response.sendRedirect(request.getContextPath() + CLOSING_PAGE);
                    return;
                }
                request.setAttribute(Viewer.ATTRIBUTE, new AccountViewer(account.get()));
                chain.doFilter(request, response);
                return;
            }
            if (account.isPresent() && account.get().state() == AccountState.SUSPENDED) {
                if (!allowedWhileSuspended(request.getMethod(), path)) {
                    if (web) {
                        response.sendRedirect(request.getContextPath() + SUSPENDED_PAGE);
                    } else {
                        failures.forbidden(request, response, "login.suspended");
                    }
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
