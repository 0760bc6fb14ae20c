package org.tribune.trust;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tribune.platform.Ids;
import org.tribune.platform.Sql;

/** Everyone's current trust level, as other features ask for it (edit rights, flag weight, limits). */
@Service
public class TrustLevels {
    private final JdbcClient db;
    private final Clock clock;
    private final Ids ids;

    TrustLevels(JdbcClient db, Clock clock, Ids ids) {
        this.db = db;
        this.clock = clock;
        this.ids = ids;
    }

    /** Called by moderation when a flag against this person's content is upheld; it weighs on the regular level. */
    @Transactional
    public void flagUpheldAgainst(long accountId) {
        db.sql("insert into trust_upheld_flag (id, account_id, upheld_at) values (?, ?, ?)")
                .params(ids.next(), accountId, Sql.ts(clock.instant())).update();
    }

    public TrustLevel of(long accountId) {
        return db.sql("select level from trust_level where account_id = ?").param(accountId)
                .query(Integer.class).optional().map(TrustLevel::of).orElse(TrustLevel.NEW);
    }

    /** Levels of many accounts at once; accounts without a row are {@link TrustLevel#NEW}. */
    public Map<Long, TrustLevel> of(Collection<Long> accountIds) {
        Map<Long, TrustLevel> levels = new HashMap<>();
        accountIds.forEach(id -> levels.put(id, TrustLevel.NEW));
        if (!accountIds.isEmpty()) {
            db.sql("select account_id, level from trust_level where account_id in (:ids)").param("ids", accountIds)
                    .query((rs, n) -> levels.put(rs.getLong(1), TrustLevel.of(rs.getInt(2)))).list();
        }
        return levels;
    }

    /** Sets a computed level; rows granted by an administrator are left as they are. */
    @Transactional
    void set(long accountId, TrustLevel level) {
        int changed = db.sql("update trust_level set level = ?, changed_at = ? "
                        + "where account_id = ? and level <> ? and not granted_by_admin")
                .params(level.number(), Sql.ts(clock.instant()), accountId, level.number()).update();
        if (changed == 0) {
            db.sql("insert into trust_level (account_id, level, granted_by_admin, changed_at) values (?, ?, false, ?) "
                            + "on conflict do nothing")
                    .params(accountId, level.number(), Sql.ts(clock.instant())).update();
        }
    }
}
