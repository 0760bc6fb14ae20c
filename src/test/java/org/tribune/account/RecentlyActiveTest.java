package org.tribune.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tribune.platform.Sql.ts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tribune.IntegrationTest;
import org.tribune.platform.SecretTokens;
import org.tribune.platform.cluster.NodeCache;
import org.tribune.platform.cluster.NodeCaches;

/** Who used Tribune lately (a token, a session), for the warmers of a starting node; and their tokens warmed. */
@IntegrationTest
class RecentlyActiveTest {
    @Autowired
    RecentlyActive active;
    @Autowired
    TokenService tokens;
    @Autowired
    ApiTokens apiTokens;
    @Autowired
    Members members;
    @Autowired
    JdbcClient db;
    @Autowired
    NodeCaches caches;
    @Autowired
    Clock clock;

    @Test
    void peopleWhoUsedATokenOrASessionLatelyComeMostRecentFirstOnceEachAndNoOneElse() {
        Account byToken = members.active("rat");
        Account bySession = members.active("ras");
        Account both = members.active("rab");
        Account longAgo = members.active("ral");
        Account never = members.active("ran");
        Instant now = clock.instant();
        tokens.createFor(never.id(), "unused");
        used(tokens.createFor(byToken.id(), "t"), now.minusSeconds(10));
        used(tokens.createFor(longAgo.id(), "t"), now.minus(Duration.ofDays(3)));
        used(tokens.createFor(both.id(), "t"), now.minusSeconds(300));
        session(bySession, now.minusSeconds(60));
        session(both, now.minusSeconds(30));
        session(longAgo, now.minus(Duration.ofDays(4)));

        assertThat(active.within(RecentlyActive.WINDOW, 10_000))
                .containsSubsequence(byToken.id(), both.id(), bySession.id())
                .doesNotContain(longAgo.id(), never.id())
                .doesNotHaveDuplicates();
        assertThat(active.within(Duration.ofSeconds(45), 10_000)).contains(byToken.id(), both.id()).doesNotContain(bySession.id());
        assertThat(active.within(RecentlyActive.WINDOW, 2)).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void theOwnersOfRecentlyUsedTokensAreWarmedAndARevokedTokenIsNot() {
        Account owner = members.active("rtw");
        Instant now = clock.instant();
        String kept = tokens.createFor(owner.id(), "kept");
        String revoked = tokens.createFor(owner.id(), "revoked");
        String old = tokens.createFor(owner.id(), "old");
        used(kept, now.minusSeconds(5));
        used(revoked, now.minusSeconds(5));
        used(old, now.minus(Duration.ofDays(3)));
        tokens.revoke(owner.id(), tokens.of(owner.id()).stream().filter(t -> t.name().equals("revoked")).findFirst().orElseThrow().id());
        caches.clearHere();

        assertThat(apiTokens.warmOwners(now.minusSeconds(60), 10_000)).isPositive();

        NodeCache<?> owners = caches.all().stream().filter(c -> c.name().equals("api-tokens")).findFirst().orElseThrow();
        assertThat(owners.peek(ApiTokens.key(SecretTokens.hash(kept)))).as("a token used lately").isNotNull();
        assertThat(owners.peek(ApiTokens.key(SecretTokens.hash(revoked)))).as("a revoked token").isNull();
        assertThat(owners.peek(ApiTokens.key(SecretTokens.hash(old)))).as("a token not used lately").isNull();
        assertThat(tokens.authenticate(kept)).map(Account::id).contains(owner.id());
        assertThat(tokens.authenticate(revoked)).isEmpty();
    }

    private void used(String token, Instant at) {
        db.sql("update api_token set last_used_at = ? where token_hash = ?").params(ts(at), SecretTokens.hash(token)).update();
    }

    private void session(Account account, Instant lastAccess) {
        db.sql("insert into spring_session (primary_id, session_id, creation_time, last_access_time, max_inactive_interval, "
                        + "expiry_time, principal_name) values (?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID().toString(), UUID.randomUUID().toString(), lastAccess.toEpochMilli(),
                        lastAccess.toEpochMilli(), 3600, lastAccess.plusSeconds(3600).toEpochMilli(), Long.toString(account.id()))
                .update();
    }
}
