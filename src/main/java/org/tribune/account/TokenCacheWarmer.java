package org.tribune.account;

import java.time.Clock;
import java.time.Instant;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tribune.platform.cluster.CacheWarmer;

/**
 * After start-up, reads whose each recently used API token is, so that the first calls of the people who were active
 * before the start do not each ask the database who they are.
 */
@Component
@Order(5)
class TokenCacheWarmer implements CacheWarmer {
    static final int TOKENS = 5_000;

    private final ApiTokens tokens;
    private final Clock clock;

    TokenCacheWarmer(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public int warm(Instant stopBy) {
        return Instant.now().isAfter(stopBy) ? 0 : tokens.warmOwners(clock.instant().minus(RecentlyActive.WINDOW), TOKENS);
    }
}
