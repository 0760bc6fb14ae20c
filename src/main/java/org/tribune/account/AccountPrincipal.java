package org.tribune.account;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Who is signed in, as kept in the session: only the account id and role. Everything else is read fresh on each
 * request, so a suspension or a new role takes effect at once.
 */
record AccountPrincipal(long accountId, Role role, String passwordHash) implements UserDetails, CredentialsContainer {
    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    /** The account id: sessions are indexed by it, so they survive a change of e-mail. */
    @Override
    public String getUsername() {
        return Long.toString(accountId);
    }

    @Override
    public void eraseCredentials() {
        // records are immutable; the hash is dropped by copying, see withoutPassword()
    }

    AccountPrincipal withoutPassword() {
        return new AccountPrincipal(accountId, role, null);
    }
}
