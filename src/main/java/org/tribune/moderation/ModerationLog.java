package org.tribune.moderation;

import static org.tribune.platform.Sql.instant;
import static org.tribune.platform.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code moderation_action}, {@code timed_sanction}, {@code appeal} and {@code final_removal} tables. */
@Repository
class ModerationLog {
    static final String COLUMNS = "id, action, target_kind, target_id, post_id, group_id, subject_id, moderator_id, role, "
            + "rule, reason, until_at, created_at, appeal_of";
    static final RowMapper<ModerationAction> ACTION = ModerationLog::action;
    static final String APPEAL_COLUMNS = "id, action_id, appellant_id, body, created_at, decided_by, decision, decided_at";
    static final RowMapper<Appeal> APPEAL = ModerationLog::appeal;

    private final JdbcClient db;

    ModerationLog(JdbcClient db) {
        this.db = db;
    }

    private static Long nullable(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static ModerationAction action(ResultSet rs, int row) throws SQLException {
        return new ModerationAction(rs.getLong("id"), ModerationAction.Action.valueOf(rs.getString("action")),
                TargetKind.valueOf(rs.getString("target_kind")), rs.getLong("target_id"), nullable(rs, "post_id"),
                nullable(rs, "group_id"), nullable(rs, "subject_id"), nullable(rs, "moderator_id"), rs.getString("role"),
                rs.getString("rule"), rs.getString("reason"), instant(rs, "until_at"), instant(rs, "created_at"),
                nullable(rs, "appeal_of"));
    }

    private static Appeal appeal(ResultSet rs, int row) throws SQLException {
        return new Appeal(rs.getLong("id"), rs.getLong("action_id"), rs.getLong("appellant_id"), rs.getString("body"),
                instant(rs, "created_at"), nullable(rs, "decided_by"), rs.getString("decision"), instant(rs, "decided_at"));
    }

    void insert(ModerationAction a) {
        db.sql("insert into moderation_action (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(a.id(), a.action().name(), a.targetKind().name(), a.targetId(), a.postId(), a.groupId(),
                        a.subjectId(), a.moderatorId(), a.role(), a.rule(), a.reason(), ts(a.until()), ts(a.createdAt()),
                        a.appealOf())
                .update();
    }

    Optional<ModerationAction> byId(long id) {
        return db.sql("select " + COLUMNS + " from moderation_action where id = ?").param(id).query(ACTION).optional();
    }

    /** The newest entries below {@code before}. */
    List<ModerationAction> newest(long before, int limit) {
        return db.sql("select " + COLUMNS + " from moderation_action where id < ? order by id desc limit ?")
                .params(before, limit).query(ACTION).list();
    }

    List<ModerationAction> about(long subjectId) {
        return db.sql("select " + COLUMNS + " from moderation_action where subject_id = ? order by id desc")
                .param(subjectId).query(ACTION).list();
    }

    void forgetSubject(long subjectId) {
        // the moderator's reason may name them: the public entry keeps its action and rule only
        db.sql("update moderation_action set subject_id = null, reason = '' where subject_id = ?").param(subjectId).update();
    }

    void sanction(long actionId, String kind, long subjectId, Long groupId, long moderatorId, Instant until) {
        db.sql("insert into timed_sanction (action_id, kind, subject_id, group_id, moderator_id, until_at) values (?, ?, ?, ?, ?, ?)")
                .params(actionId, kind, subjectId, groupId, moderatorId, ts(until)).update();
    }

    record Sanction(long actionId, String kind, long subjectId, Long groupId, long moderatorId) {
    }

    List<Sanction> dueSanctions(Instant now) {
        return db.sql("select action_id, kind, subject_id, group_id, moderator_id from timed_sanction where not lifted and until_at <= ?")
                .param(ts(now)).query((rs, n) -> new Sanction(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        nullable(rs, "group_id"), rs.getLong(5))).list();
    }

    Optional<Sanction> sanctionOf(long actionId) {
        return db.sql("select action_id, kind, subject_id, group_id, moderator_id from timed_sanction where action_id = ? and not lifted")
                .param(actionId).query((rs, n) -> new Sanction(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        nullable(rs, "group_id"), rs.getLong(5))).optional();
    }

    boolean lift(long actionId) {
        return db.sql("update timed_sanction set lifted = true where action_id = ? and not lifted").param(actionId).update() == 1;
    }

    /** Closes every suspension of this person still kept here (they were lifted elsewhere); how many there were. */
    int liftSuspensionsOf(long subjectId) {
        return db.sql("update timed_sanction set lifted = true where subject_id = ? and kind = 'SUSPEND' and not lifted")
                .param(subjectId).update();
    }

    /** Content removals made before {@code before}, never appealed and not yet final: their appeal window closed. */
    List<ModerationAction> removalsDue(Instant before, int limit) {
        return db.sql("select " + COLUMNS + " from moderation_action a where action = 'REMOVE' "
                        + "and target_kind in ('POST', 'COMMENT') and created_at < ? "
                        + "and not exists (select 1 from appeal p where p.action_id = a.id) "
                        + "and not exists (select 1 from final_removal f where f.action_id = a.id) order by id limit ?")
                .params(ts(before), limit).query(ACTION).list();
    }

    boolean markFinal(long actionId, Instant at) {
        return db.sql("insert into final_removal (action_id, final_at) values (?, ?) on conflict do nothing")
                .params(actionId, ts(at)).update() == 1;
    }

    boolean isFinal(long actionId) {
        return db.sql("select count(*) from final_removal where action_id = ?").param(actionId).query(Long.class)
                .single() > 0;
    }

    boolean insertAppeal(Appeal appeal) {
        return db.sql("insert into appeal (id, action_id, appellant_id, body, created_at) values (?, ?, ?, ?, ?) on conflict do nothing")
                .params(appeal.id(), appeal.actionId(), appeal.appellantId(), appeal.body(), ts(appeal.createdAt()))
                .update() == 1;
    }

    Optional<Appeal> appeal(long id) {
        return db.sql("select " + APPEAL_COLUMNS + " from appeal where id = ?").param(id).query(APPEAL).optional();
    }

    Optional<Appeal> appealOf(long actionId) {
        return db.sql("select " + APPEAL_COLUMNS + " from appeal where action_id = ?").param(actionId).query(APPEAL).optional();
    }

    List<Appeal> openAppeals(int limit) {
        return db.sql("select " + APPEAL_COLUMNS + " from appeal where decision is null order by id limit ?").param(limit)
                .query(APPEAL).list();
    }

    boolean decideAppeal(long id, long moderatorId, String decision, Instant at) {
        return db.sql("update appeal set decided_by = ?, decision = ?, decided_at = ? where id = ? and decision is null")
                .params(moderatorId, decision, ts(at), id).update() == 1;
    }

    List<Appeal> appealsBy(long appellantId) {
        return db.sql("select " + APPEAL_COLUMNS + " from appeal where appellant_id = ? order by id").param(appellantId)
                .query(APPEAL).list();
    }

    void deleteAppealsBy(long appellantId) {
        db.sql("delete from appeal where appellant_id = ?").param(appellantId).update();
    }
}
