package org.tribune.onboarding;

import static org.tribune.platform.Sql.instant;
import static org.tribune.platform.Sql.ts;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tribune.platform.cluster.NodeCache;
import org.tribune.platform.cluster.NodeCaches;

/** The {@code onboarding} table. */
@Repository
class Onboardings {
    private final JdbcClient db;
    /** Each person's onboarding (or its absence), on this node: every signed-in page asks; evicted by each write below. */
    private final NodeCache<Optional<Onboarding>> byAccount;

    Onboardings(JdbcClient db, NodeCaches caches) {
        this.db = db;
        this.byAccount = caches.create("onboardings", 8, o -> 120);
    }

    Optional<Onboarding> of(long accountId) {
        return byAccount.get(accountId, this::read);
    }

    private Optional<Onboarding> read(long accountId) {
        return db.sql("select account_id, step, started_at, seen_at, finished_at, conduct_agreed_at from onboarding "
                        + "where account_id = ?")
                .param(accountId)
                .query((rs, n) -> new Onboarding(rs.getLong("account_id"), Step.valueOf(rs.getString("step")),
                        instant(rs, "started_at"), instant(rs, "seen_at"), instant(rs, "finished_at"),
                        instant(rs, "conduct_agreed_at")))
                .optional();
    }

    /** Starts onboarding for this account unless it already has; true when it did. */
    boolean start(long accountId, Instant at) {
        boolean started = db.sql("insert into onboarding (account_id, step, started_at) select ?, ?, ? "
                        + "where not exists (select 1 from onboarding where account_id = ?)")
                .params(accountId, Step.LANGUAGE.name(), ts(at), accountId).update() > 0;
        byAccount.evict(accountId);
        return started;
    }

    /** Records that the person opened this screen: it becomes where they resume unless they were further on. */
    void reached(long accountId, Step step, Instant at) {
        Onboarding current = read(accountId).orElseThrow();
        Step furthest = step.compareTo(current.step()) > 0 ? step : current.step();
        db.sql("update onboarding set step = ?, seen_at = coalesce(seen_at, ?) where account_id = ?")
                .params(furthest.name(), ts(at), accountId).update();
        byAccount.evict(accountId);
    }

    void agreeToConduct(long accountId, Instant at) {
        db.sql("update onboarding set conduct_agreed_at = ? where account_id = ?").params(ts(at), accountId).update();
        byAccount.evict(accountId);
    }

    void finish(long accountId, Instant at) {
        db.sql("update onboarding set finished_at = coalesce(finished_at, ?), seen_at = coalesce(seen_at, ?) "
                        + "where account_id = ?")
                .params(ts(at), ts(at), accountId).update();
        byAccount.evict(accountId);
    }

    void delete(long accountId) {
        db.sql("delete from onboarding where account_id = ?").param(accountId).update();
        byAccount.evict(accountId);
    }
}
