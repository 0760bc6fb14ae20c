package org.tribune.moderation;

import static org.tribune.platform.Sql.instant;
import static org.tribune.platform.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code flag}, {@code flagger_record} and {@code flag_hidden_target} tables. */
@Repository
class Flags {
    static final String COLUMNS = "id, target_kind, target_id, post_id, group_id, author_id, flagger_id, reason, created_at, outcome";
    static final RowMapper<Flag> FLAG = Flags::flag;

    private final JdbcClient db;

    Flags(JdbcClient db) {
        this.db = db;
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

    /** How much these people's flags weigh together: each flag by its flagger's accuracy so far. */
    double weightOf(Collection<Long> flaggerIds) {
        return flaggerIds.stream().mapToDouble(id -> {
            int[] r = record(id);
            return FlagService.weight(r[0], r[1]);
        }).sum();
    }

    /** upheld and rejected counts of a flagger. */
    int[] record(long accountId) {
        return db.sql("select upheld, rejected from flagger_record where account_id = ?").param(accountId)
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).optional().orElse(new int[] {0, 0});
    }

    void count(long accountId, boolean upheld) {
        db.sql("insert into flagger_record (account_id, upheld, rejected) values (?, 0, 0) on conflict do nothing")
                .param(accountId).update();
        db.sql(upheld ? "update flagger_record set upheld = upheld + 1 where account_id = ?"
                : "update flagger_record set rejected = rejected + 1 where account_id = ?").param(accountId).update();
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
