package org.tribune.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Unknown addresses cost the same work as known ones, so response time does not tell which exist. */
class PasswordLoginTest {

    /** Counts the hashing the login does; the hash itself is the real argon2id one. */
    static final class CountingEncoder implements PasswordEncoder {
        final PasswordEncoder real = new SecurityConfiguration().passwordEncoder();
        final AtomicInteger matches = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return real.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            matches.incrementAndGet();
            return real.matches(raw, encoded);
        }
    }

    /** One known account, no database. */
    static final class OneAccount extends Accounts {
        final Account ana = new Account(1, "ana", "ana@example.test", "Ana", "", "en", "UTC", AccountState.ACTIVE,
                Role.MEMBER, Instant.now(), Instant.now());
        final String hash;

        OneAccount(String hash) {
            super(null, org.tribune.platform.cluster.NodeCaches.none());
            this.hash = hash;
        }

        @Override
        Optional<Account> byEmail(String email) {
            return ana.email().equals(email) ? Optional.of(ana) : Optional.empty();
        }

        @Override
        Optional<Account> byId(long id) {
            return id == 1 ? Optional.of(ana) : Optional.empty();
        }

        @Override
        Optional<String> passwordHash(long id) {
            return Optional.of(hash);
        }
    }

    /** Never throttles, records nothing. */
    static final class NoThrottle extends LoginThrottle {
        NoThrottle() {
            super(null, null, null, Clock.systemUTC(), 100, 100);
        }

        @Override
        boolean allows(String email, String clientAddress) {
            return true;
        }

        @Override
        void recordFailure(String email, String clientAddress) {
        }
    }

    @Test
    void knownAndUnknownAddressesBothCostOnePasswordHash() {
        CountingEncoder encoder = new CountingEncoder();
        PasswordLogin login = new PasswordLogin(new OneAccount(encoder.encode("violet staple lantern 42")), encoder, new NoThrottle());

        assertThatThrownBy(() -> login.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("ana@example.test", "wrong one")))
                .isInstanceOf(BadCredentialsException.class);
        int known = encoder.matches.getAndSet(0);
        assertThatThrownBy(() -> login.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("nobody@example.test", "wrong one")))
                .isInstanceOf(BadCredentialsException.class);
        int unknown = encoder.matches.get();

        assertThat(known).isEqualTo(1);
        assertThat(unknown).isEqualTo(1);
    }

    @Test
    void longPasswordsAreNeverTruncated() {
        String sixtyFour = "a long passphrase that goes on and on and on and on until 64 ch!";
        assertThat(sixtyFour).hasSize(64);
        CountingEncoder encoder = new CountingEncoder();
        PasswordLogin login = new PasswordLogin(new OneAccount(encoder.encode(sixtyFour + " and more")), encoder, new NoThrottle());

        assertThatThrownBy(() -> login.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("ana@example.test", sixtyFour)))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(login.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("ana@example.test", sixtyFour + " and more"))
                .isAuthenticated()).isTrue();
    }
}
