package org.tribune.wiki;

import static org.tribune.platform.Sql.instant;
import static org.tribune.platform.Sql.ts;

import java.util.List;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code wiki_talk}. */
@Repository
class Talks {
    private static final RowMapper<TalkMessage> MESSAGE = (rs, n) -> new TalkMessage(rs.getLong("id"),
            new Document(rs.getString("kind"), rs.getLong("document_id")), rs.getLong("author_id"), rs.getString("body"),
            rs.getString("body_html"), instant(rs, "created_at"));

    private final JdbcClient db;

    Talks(JdbcClient db) {
        this.db = db;
    }

    void insert(TalkMessage m) {
        db.sql("insert into wiki_talk (id, kind, document_id, author_id, body, body_html, created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(m.id(), m.document().kind(), m.document().id(), m.authorId(), m.body(), m.bodyHtml(), ts(m.createdAt()))
                .update();
    }

    /** Oldest first, after {@code afterId}. */
    List<TalkMessage> of(Document doc, long afterId, int limit) {
        return db.sql("select * from wiki_talk where kind = ? and document_id = ? and id > ? order by id limit ?")
                .params(doc.kind(), doc.id(), afterId, limit).query(MESSAGE).list();
    }

    List<TalkMessage> byAuthor(long authorId) {
        return db.sql("select * from wiki_talk where author_id = ? order by id").param(authorId).query(MESSAGE).list();
    }

    long countByAuthor(long authorId) {
        return db.sql("select count(*) from wiki_talk where author_id = ?").param(authorId).query(Long.class).single();
    }

    /** Only when a person leaving chose to take their words with them; revisions are never deleted. */
    void deleteByAuthor(long authorId) {
        db.sql("delete from wiki_talk where author_id = ?").param(authorId).update();
    }
}
