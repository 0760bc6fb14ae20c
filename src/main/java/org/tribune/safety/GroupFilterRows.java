package org.tribune.safety;

import static org.tribune.platform.Sql.instant;
import static org.tribune.platform.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code safety_group_filter} table. */
@Repository
class GroupFilterRows {
    private static final String COLUMNS = "id, group_id, phrase, action, created_at";

    private final JdbcClient db;

    GroupFilterRows(JdbcClient db) {
        this.db = db;
    }

    private static GroupFilter filter(ResultSet rs, int row) throws SQLException {
        return new GroupFilter(rs.getLong("id"), rs.getLong("group_id"), rs.getString("phrase"),
                GroupFilter.Action.valueOf(rs.getString("action")), instant(rs, "created_at"));
    }

    void insert(GroupFilter f) {
        db.sql("insert into safety_group_filter (" + COLUMNS + ") values (?, ?, ?, ?, ?)")
                .params(f.id(), f.groupId(), f.phrase(), f.action().name(), ts(f.createdAt())).update();
    }

    boolean delete(long groupId, long id) {
        return db.sql("delete from safety_group_filter where id = ? and group_id = ?").params(id, groupId).update() == 1;
    }

    /** The group's filters, newest first. */
    List<GroupFilter> of(long groupId) {
        return db.sql("select " + COLUMNS + " from safety_group_filter where group_id = ? order by id desc").param(groupId)
                .query(GroupFilterRows::filter).list();
    }

    long count(long groupId) {
        return db.sql("select count(*) from safety_group_filter where group_id = ?").param(groupId).query(Long.class).single();
    }
}
