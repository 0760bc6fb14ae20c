package org.tribune.trust;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tribune.platform.Ids;
import org.tribune.platform.Sql;
import org.tribune.platform.cluster.NodeCache;
import org.tribune.platform.cluster.NodeCaches;

/** Everyone's current trust level, as other features ask for it (edit rights, flag weight, limits). */
@Service
public class TrustLevels {
    private final JdbcClient db;
    private final Clock clock;
    private final Ids ids;
    /** Each person's level, on this node: every signed-in page asks for the viewer's; evicted by each write below. */
    private final NodeCache<TrustLevel> byAccount;

    TrustLevels(JdbcClient db, Clock clock, Ids ids, NodeCaches caches) {
        this.db = db;
        this.clock = clock;
        this.ids = ids;
        this.byAccount = caches.create("trust-levels", 4, level -> 16);
    }

    /** Called by moderation when a flag against this person's content is upheld; it weighs on the regular level. */
    @Transactional
    public void flagUpheldAgainst(long accountId) {
        db.sql("insert into trust_upheld_flag (id, account_id, upheld_at) values (?, ?, ?)")
                .params(ids.next(), accountId, Sql.ts(clock.instant())).update();
    }

    public TrustLevel of(long accountId) {
        return byAccount.get(accountId, id -> db.sql("select level from trust_level where account_id = ?").param(id)
                .query(Integer.class).optional().map(TrustLevel::of).orElse(TrustLevel.NEW));
    }

    /** The person's level is gone with their data (erasure). */
    void erase(long accountId) {
        db.sql("delete from trust_level where account_id = ?").param(accountId).update();
        byAccount.evict(accountId);
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

    /** A level and whether an administrator gave it (the computation leaves those alone). */
    public record Standing(TrustLevel level, boolean grantedByAdmin) {
    }

    /** Standings of many accounts; accounts without a row are new and not granted. */
    public Map<Long, Standing> standings(Collection<Long> accountIds) {
        Map<Long, Standing> standings = new HashMap<>();
        accountIds.forEach(id -> standings.put(id, new Standing(TrustLevel.NEW, false)));
        if (!accountIds.isEmpty()) {
            db.sql("select account_id, level, granted_by_admin from trust_level where account_id in (:ids)")
                    .param("ids", accountIds)
                    .query((rs, n) -> standings.put(rs.getLong(1), new Standing(TrustLevel.of(rs.getInt(2)), rs.getBoolean(3))))
                    .list();
        }
        return standings;
    }

    /** Accounts an administrator made leaders, newest first. */
    public List<Long> leaders(int limit) {
        return db.sql("select account_id from trust_level where granted_by_admin and level = 4 "
                        + "order by changed_at desc, account_id limit ?").param(limit).query(Long.class).list();
    }

    /** Makes someone a leader; only administrators call this (see {@link TrustAdministration}). */
    @Transactional
    void grantLeader(long accountId) {
        int changed = db.sql("update trust_level set level = 4, granted_by_admin = true, changed_at = ? where account_id = ?")
                .params(Sql.ts(clock.instant()), accountId).update();
        if (changed == 0) {
            db.sql("insert into trust_level (account_id, level, granted_by_admin, changed_at) values (?, 4, true, ?)")
                    .params(accountId, Sql.ts(clock.instant())).update();
        }
        byAccount.evict(accountId);
    }

    /** Takes an administrator's grant back; the level becomes {@code earned} and is computed again from now on. */
    @Transactional
    void removeLeader(long accountId, TrustLevel earned) {
        db.sql("update trust_level set level = ?, granted_by_admin = false, changed_at = ? where account_id = ?")
                .params(earned.number(), Sql.ts(clock.instant()), accountId).update();
        byAccount.evict(accountId);
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
        byAccount.evict(accountId);
    }
}
