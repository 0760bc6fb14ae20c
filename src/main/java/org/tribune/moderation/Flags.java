package org.tribune.moderation;

import static org.tribune.platform.Sql.instant;
import static org.tribune.platform.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tribune.platform.Database;

/** The {@code flag}, {@code flagger_record} and {@code flag_hidden_target} tables. */
@Repository
class Flags {
    static final String COLUMNS = "id, target_kind, target_id, post_id, group_id, author_id, flagger_id, reason, created_at, outcome";
    static final RowMapper<Flag> FLAG = Flags::flag;

    private final JdbcClient db;
    private final boolean postgres;

    Flags(JdbcClient db, Database database) {
        this.db = db;
        this.postgres = database.isPostgres();
    }

    private static Flag flag(ResultSet rs, int row) throws SQLException {
        long group = rs.getLong("group_id");
        Long groupId = rs.wasNull() ? null : group;
        return new Flag(rs.getLong("id"), TargetKind.valueOf(rs.getString("target_kind")), rs.getLong("target_id"),
                rs.getLong("post_id"), groupId, rs.getLong("author_id"), rs.getLong("flagger_id"),
                FlagReason.valueOf(rs.getString("reason")), instant(rs, "created_at"), rs.getString("outcome"));
    }

    void insert(Flag flag) {
        db.sql("insert into flag (id, target_kind, target_id, post_id, group_id, author_id, flagger_id, reason, created_at, outcome) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(flag.id(), flag.targetKind().name(), flag.targetId(), flag.postId(), flag.groupId(), flag.authorId(),
                        flag.flaggerId(), flag.reason().name(), ts(flag.createdAt()), flag.outcome())
                .update();
    }

    long countSince(long flaggerId, Instant since) {
        return db.sql("select count(*) from flag where flagger_id = ? and created_at >= ?").params(flaggerId, ts(since))
                .query(Long.class).single();
    }

    boolean hasOpen(long flaggerId, TargetKind kind, long targetId) {
        return db.sql("select count(*) from flag where flagger_id = ? and target_kind = ? and target_id = ? and outcome is null")
                .params(flaggerId, kind.name(), targetId).query(Long.class).single() > 0;
    }

    /** Open abuse flags on one target. */
    List<Flag> open(TargetKind kind, long targetId) {
        return db.sql("select " + COLUMNS + " from flag where target_kind = ? and target_id = ? and outcome is null order by id")
                .params(kind.name(), targetId).query(FLAG).list();
    }

    /** Open abuse flags in these groups (and on profiles when {@code profiles}), oldest first, at most {@code limit}. */
    List<Flag> openIn(Collection<Long> groupIds, boolean everywhere, int limit) {
        if (everywhere) {
            return db.sql("select " + COLUMNS + " from flag where outcome is null order by id limit ?").param(limit)
                    .query(FLAG).list();
        }
        if (groupIds.isEmpty()) {
            return List.of();
        }
        return db.sql("select " + COLUMNS + " from flag where outcome is null and group_id in (:groups) order by id limit :limit")
                .param("groups", groupIds).param("limit", limit).query(FLAG).list();
    }

    /** Closes the open flags of a target; returns the flaggers. */
    List<Long> decide(TargetKind kind, long targetId, String outcome, Instant at) {
        List<Long> flaggers = db.sql("select distinct flagger_id from flag where target_kind = ? and target_id = ? and outcome is null")
                .params(kind.name(), targetId).query(Long.class).list();
        db.sql("update flag set outcome = ?, decided_at = ? where target_kind = ? and target_id = ? and outcome is null")
                .params(outcome, ts(at), kind.name(), targetId).update();
        return flaggers;
    }

    /**
     * How much these people's flags weigh together: each flag by its flagger's accuracy so far. One query for the whole
     * set, since the queue asks this for every flagged item; a flagger with no record yet weighs as {@code (0, 0)}.
     */
    double weightOf(Collection<Long> flaggerIds) {
        if (flaggerIds.isEmpty()) {
            return 0;
        }
        Map<Long, int[]> records = new HashMap<>();
        db.sql("select account_id, upheld, rejected from flagger_record where account_id in (:ids)")
                .param("ids", Set.copyOf(flaggerIds))
                .query(rs -> {
                    records.put(rs.getLong(1), new int[] {rs.getInt(2), rs.getInt(3)});
                });
        return flaggerIds.stream().mapToDouble(id -> {
            int[] r = records.getOrDefault(id, NO_RECORD);
            return FlagService.weight(r[0], r[1]);
        }).sum();
    }

    private static final int[] NO_RECORD = {0, 0};

    /** upheld and rejected counts of a flagger. */
    int[] record(long accountId) {
        return db.sql("select upheld, rejected from flagger_record where account_id = ?").param(accountId)
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).optional().orElse(NO_RECORD.clone());
    }

    /**
     * Counts one more upheld or rejected flag of this flagger, as one statement. PostgreSQL's upsert is safe when two
     * decisions count the same new flagger at once; H2 has no {@code on conflict ... do update}, and one H2 node is
     * the only writer, so a MERGE does there.
     */
    void count(long accountId, boolean upheld) {
        if (accountId == FilterActions.FILTER) {
            return; // a group's filter is no flagger with a record
        }
        int up = upheld ? 1 : 0;
        int down = upheld ? 0 : 1;
        if (postgres) {
            db.sql("insert into flagger_record (account_id, upheld, rejected) values (?, ?, ?) on conflict (account_id) "
                            + "do update set upheld = flagger_record.upheld + excluded.upheld, "
                            + "rejected = flagger_record.rejected + excluded.rejected")
                    .params(accountId, up, down).update();
        } else {
            db.sql("merge into flagger_record t using (values (cast(? as bigint), cast(? as int), cast(? as int))) "
                            + "as s(account_id, upheld, rejected) on t.account_id = s.account_id "
                            + "when matched then update set upheld = t.upheld + s.upheld, rejected = t.rejected + s.rejected "
                            + "when not matched then insert (account_id, upheld, rejected) values (s.account_id, s.upheld, s.rejected)")
                    .params(accountId, up, down).update();
        }
    }

    void hidden(TargetKind kind, long targetId, Instant at) {
        int updated = db.sql("update flag_hidden_target set hidden_at = ? where target_kind = ? and target_id = ?")
                .params(ts(at), kind.name(), targetId).update();
        if (updated == 0) {
            db.sql("insert into flag_hidden_target (target_kind, target_id, hidden_at) values (?, ?, ?) on conflict do nothing")
                    .params(kind.name(), targetId, ts(at)).update();
        }
    }

    Optional<Instant> lastHidden(TargetKind kind, long targetId) {
        return db.sql("select hidden_at from flag_hidden_target where target_kind = ? and target_id = ?")
                .params(kind.name(), targetId).query((rs, n) -> instant(rs, "hidden_at")).optional();
    }

    List<Flag> byFlagger(long flaggerId) {
        return db.sql("select " + COLUMNS + " from flag where flagger_id = ? order by id").param(flaggerId).query(FLAG).list();
    }

    void deleteByFlagger(long flaggerId) {
        db.sql("delete from flag where flagger_id = ?").param(flaggerId).update();
        db.sql("delete from flagger_record where account_id = ?").param(flaggerId).update();
    }
}
