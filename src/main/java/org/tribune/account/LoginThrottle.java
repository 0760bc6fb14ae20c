package org.tribune.account;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tribune.platform.Ids;
import org.tribune.platform.RateLimiter;

/**
 * Slows down password guessing: at most N failures an hour for one submitted address (counted in the database, so
 * all nodes agree, and counted whether or not the address exists) and M failures an hour from one client address.
 */
@Component
class LoginThrottle {
    private final LoginFailures failures;
    private final RateLimiter limiter;
    private final Ids ids;
    private final Clock clock;
    private final int perAccount;
    private final RateLimiter.Limit perAddress;

    LoginThrottle(LoginFailures failures, RateLimiter limiter, Ids ids, Clock clock,
            @Value("${tribune.limits.login-failures-per-account-hour:100}") int perAccount,
            @Value("${tribune.limits.login-failures-per-address-hour:300}") int perAddress) {
        this.failures = failures;
        this.limiter = limiter;
        this.ids = ids;
        this.clock = clock;
        this.perAccount = perAccount;
        this.perAddress = new RateLimiter.Limit("login-failures", perAddress, Duration.ofHours(1));
    }

    boolean allows(String email, String clientAddress) {
        return limiter.hasRoom(perAddress, clientAddress)
                && failures.countSince(Accounts.key(email), clock.instant().minus(Duration.ofHours(1))) < perAccount;
    }

    void recordFailure(String email, String clientAddress) {
        limiter.tryConsume(perAddress, clientAddress);
        failures.add(ids.next(), Accounts.key(email), clock.instant());
    }

}
