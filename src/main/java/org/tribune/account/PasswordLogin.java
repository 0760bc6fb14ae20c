package org.tribune.account;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * E-mail and password login, throttled. Unknown addresses are answered like wrong passwords, after hashing a dummy
 * password so the time taken is the same; the account's state is only looked at once the password is right. A
 * suspended account signs in, but only to read the decision and appeal it (see {@link CurrentAccount}).
 */
class PasswordLogin implements AuthenticationProvider {
    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final Accounts accounts;

    PasswordLogin(Accounts accounts, PasswordEncoder encoder, LoginThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
        UserDetailsService byEmail = email -> accounts.byEmail(email)
                .filter(a -> a.state() != AccountState.DELETED)
                .map(a -> new AccountPrincipal(a.id(), a.role(), accounts.passwordHash(a.id()).orElseThrow()))
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
        this.passwords = new DaoAuthenticationProvider(byEmail);
        this.passwords.setPasswordEncoder(encoder);
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String email = attempt.getName() == null ? "" : attempt.getName().trim();
        Object credentials = attempt.getCredentials();
        if (email.isEmpty() || email.length() > 254 || credentials == null
                || credentials.toString().length() > AccountRules.PASSWORD_MAX) {
            throw new BadCredentialsException("bad credentials");
        }
        String address = clientAddress(attempt);
        if (!throttle.allows(email, address)) {
            throw new LoginRefusal("login.throttled");
        }
        Authentication result;
        try {
            result = passwords.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, credentials));
        } catch (BadCredentialsException e) {
            throw failure(email, address, e);
        }
        AccountPrincipal principal = (AccountPrincipal) result.getPrincipal();
        Account account = accounts.byId(principal.accountId()).orElseThrow(() -> new BadCredentialsException("gone"));
        switch (account.state()) {
            case UNVERIFIED -> throw new LoginRefusal("login.unverified");
            case DELETED -> throw new BadCredentialsException("bad credentials");
            default -> { }
        }
        UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(
                principal.withoutPassword(), null, principal.getAuthorities());
        signedIn.setDetails(attempt.getDetails());
        return signedIn;
    }

    private BadCredentialsException failure(String email, String address, BadCredentialsException e) {
        throttle.recordFailure(email, address);
        return e;
    }

    private static String clientAddress(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                ? details.getRemoteAddress() : "unknown";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
