package org.tribune.wiki;

import static org.tribune.platform.Sql.instant;
import static org.tribune.platform.Sql.ts;

import java.util.List;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code wiki_move}: the log of recategorisations, append-only like the revisions. */
@Repository
class Moves {
    private static final RowMapper<Move> MOVE = (rs, n) -> new Move(rs.getLong("id"), rs.getLong("post_id"),
            rs.getLong("from_group_id"), rs.getLong("to_group_id"), rs.getLong("mover_id"), rs.getString("summary"),
            instant(rs, "moved_at"));

    private final JdbcClient db;

    Moves(JdbcClient db) {
        this.db = db;
    }

    void insert(Move m) {
        db.sql("insert into wiki_move (id, post_id, from_group_id, to_group_id, mover_id, summary, moved_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(m.id(), m.postId(), m.fromGroupId(), m.toGroupId(), m.moverId(), m.summary(), ts(m.movedAt())).update();
    }

    List<Move> ofPost(long postId) {
        return db.sql("select * from wiki_move where post_id = ? order by id desc limit 100").param(postId).query(MOVE).list();
    }

    List<Move> byMover(long moverId) {
        return db.sql("select * from wiki_move where mover_id = ? order by id").param(moverId).query(MOVE).list();
    }

    long countByMover(long moverId) {
        return db.sql("select count(*) from wiki_move where mover_id = ?").param(moverId).query(Long.class).single();
    }

    /** The reasons a person gave for their moves, which are their own words; the moves themselves stay in history. */
}
