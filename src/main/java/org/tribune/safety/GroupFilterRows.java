package org.tribune.safety;

import static org.tribune.platform.Sql.instant;
import static org.tribune.platform.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tribune.platform.cluster.HeapBytes;
import org.tribune.platform.cluster.NodeCache;
import org.tribune.platform.cluster.NodeCaches;

/** The {@code safety_group_filter} table. */
@Repository
class GroupFilterRows {
    private static final String COLUMNS = "id, group_id, phrase, action, created_at";

    private final JdbcClient db;
    /** Each group's filters, on this node: every post and comment in the group is screened by them. */
    private final NodeCache<List<GroupFilter>> byGroup;

    GroupFilterRows(JdbcClient db, NodeCaches caches) {
        this.db = db;
        this.byGroup = caches.create("group-filters", 4,
                list -> 32 + list.stream().mapToInt(f -> 100 + HeapBytes.of(f.phrase())).sum());
    }

    private static GroupFilter filter(ResultSet rs, int row) throws SQLException {
        return new GroupFilter(rs.getLong("id"), rs.getLong("group_id"), rs.getString("phrase"),
                GroupFilter.Action.valueOf(rs.getString("action")), instant(rs, "created_at"));
    }

    void insert(GroupFilter f) {
        db.sql("insert into safety_group_filter (" + COLUMNS + ") values (?, ?, ?, ?, ?)")
                .params(f.id(), f.groupId(), f.phrase(), f.action().name(), ts(f.createdAt())).update();
        byGroup.evict(f.groupId());
    }

    boolean delete(long groupId, long id) {
        boolean result = db.sql("delete from safety_group_filter where id = ? and group_id = ?").params(id, groupId).update() == 1;
        byGroup.evict(groupId);
        return result;
    }

    /** The group's filters, newest first. */
    List<GroupFilter> of(long groupId) {
        return byGroup.get(groupId, id -> List.copyOf(db.sql("select " + COLUMNS
                + " from safety_group_filter where group_id = ? order by id desc").param(id).query(GroupFilterRows::filter).list()));
    }

    long count(long groupId) {
        return db.sql("select count(*) from safety_group_filter where group_id = ?").param(groupId).query(Long.class).single();
    }
}
