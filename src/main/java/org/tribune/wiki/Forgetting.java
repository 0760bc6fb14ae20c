package org.tribune.wiki;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The only statements that change wiki records in place, and only to forget a person who asked for their content
 * to be deleted. Revisions stay append-only in every other sense: the database's trigger lets an update through
 * only when it blanks a revision's text and leaves everything else (who, when, which document, which change) as it
 * was, and nothing may delete a revision.
 */
@Component
class Forgetting {
    private final JdbcClient db;

    Forgetting(JdbcClient db) {
        this.db = db;
    }

    /**
     * Blanks every revision of the posts this person wrote (their post is deleted with their content): the first
     * revision is the post as they wrote it, and later ones by others still quote it.
     */
    void blankRevisionsOfPostsBy(long authorId) {
        db.sql("update wiki_revision set summary = '', title = '', body = '', link_url = null, link_summary = null, "
                        + "content_warning = null "
                        + "where kind = ? and document_id in (select c.document_id from wiki_revision c "
                        + "where c.kind = ? and c.change_type = ? and c.editor_id = ?)")
                .params(PostDocuments.KIND, PostDocuments.KIND, Change.CREATE.name(), authorId).update();
    }

    void forgetMoveSummariesBy(long moverId) {
        db.sql("update wiki_move set summary = '' where mover_id = ?").param(moverId).update();
    }
}
