package org.tribune.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tribune.platform.Database;

/** The {@code search_document} table: what can be found, as both engines index it. */
@Repository
class SearchDocuments {
    private static final String COLUMNS = "kind, id, post_id, group_id, author_id, restricted, language, has_link, "
            + "title, body, name_words, created_at, generation";

    private final JdbcClient db;
    private final JdbcTemplate jdbc;
    private final SearchChanges changes;

    private final boolean postgres;

    SearchDocuments(JdbcClient db, JdbcTemplate jdbc, SearchChanges changes, Database database) {
        this.postgres = database.isPostgres();
        this.db = db;
        this.jdbc = jdbc;
        this.changes = changes;
    }

    /**
     * Writes these documents, new or not, in two batched statements (one round trip each, not two a document): the
     * inserts, then the updates of those that were there already. New things are indexed far more often than changed
     * ones, and a rebuild of a new index only inserts.
     */
    void putAll(List<SearchDocument> list) {
        int[] inserted = jdbc.batchUpdate("insert into search_document (" + COLUMNS + ") "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing", list.stream()
                .map(d -> new Object[] {d.kind().code(), d.id(), d.postId(), d.groupId(), d.authorId(), d.restricted(),
                        d.language().code, d.hasLink(), d.title(), d.body(), d.nameWords(), Timestamp.from(d.createdAt()),
                        d.generation()})
                .toList());
        List<Object[]> existing = new java.util.ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (inserted[i] == 0) {
                SearchDocument d = list.get(i);
                existing.add(new Object[] {d.postId(), d.groupId(), d.authorId(), d.restricted(), d.language().code,
                        d.hasLink(), d.title(), d.body(), d.nameWords(), Timestamp.from(d.createdAt()), d.generation(),
                        d.kind().code(), d.id()});
            }
        }
        if (!existing.isEmpty()) {
            jdbc.batchUpdate("update search_document set post_id = ?, group_id = ?, author_id = ?, restricted = ?, "
                    + "language = ?, has_link = ?, title = ?, body = ?, name_words = ?, created_at = ?, generation = ? "
                    + "where kind = ? and id = ?", existing);
        }
        changes.logged(list.stream().map(SearchDocument::key).toList());
    }

    /** Removes these documents, in one batched statement. */
    void removeAll(Collection<SearchDocument.Key> keys) {
        jdbc.batchUpdate("delete from search_document where kind = ? and id = ?",
                keys.stream().map(k -> new Object[] {k.kind().code(), k.id()}).toList());
        changes.logged(keys);
    }

    /** A post's document and its comments'. */
    List<SearchDocument.Key> ofPost(long postId) {
        return db.sql("select kind, id from search_document where post_id = ?").param(postId).query(SearchDocuments::key).list();
    }

    /** Posts and comments of a group, and the group itself. */
    List<SearchDocument> ofGroup(long groupId) {
        return db.sql("select " + COLUMNS + " from search_document where group_id = ?").param(groupId)
                .query(SearchDocuments::document).list();
    }

    /** Whatever someone wrote, and their own document as a person. */
    List<SearchDocument.Key> byAuthor(long authorId) {
        return db.sql("select kind, id from search_document where author_id = ?").param(authorId)
                .query(SearchDocuments::key).list();
    }

    /** Documents whose text may mention {@code handle} (case aside): for forgetting an erased person's mentions. */
    List<SearchDocument> mentioning(String handle) {
        String like = "%" + handle.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        return db.sql("select " + COLUMNS + " from search_document where kind in ('post', 'comment') "
                        + "and (lower(body) like ? escape '\\' or lower(title) like ? escape '\\')")
                .params(like, like).query(SearchDocuments::document).list();
    }

    long countByAuthor(long authorId) {
        return db.sql("select count(*) from search_document where author_id = ?").param(authorId).query(Long.class).single();
    }

    /** Makes a group's documents members-only or not, when its visibility changed. */
    void restrictPostsOf(long groupId, boolean restricted) {
        db.sql("update search_document set restricted = ? where group_id = ? and kind <> 'group'")
                .params(restricted, groupId).update();
        changes.loggedPostsOf(groupId);
    }

    /** The documents of these keys, in one query whatever their kinds (a page of hits holds posts and comments). */
    /**
     * Gives PostgreSQL's planner the table's size again (a rebuild calls it as the table grows): a table analysed when
     * it was nearly empty gets plans for a small one, and looking 1,000 documents up by key becomes a scan of millions
     * (seen with autovacuum off, or before it comes round).
     */
    void analyze() {
        if (postgres) {
            db.sql("analyze search_document").update();
        }
    }

    Map<SearchDocument.Key, SearchDocument> byKeys(Collection<SearchDocument.Key> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return db.sql("select " + COLUMNS + " from search_document where kind in (:kinds) and id in (:ids)")
                .param("kinds", keys.stream().map(k -> k.kind().code()).collect(Collectors.toSet()))
                .param("ids", keys.stream().map(SearchDocument.Key::id).collect(Collectors.toSet()))
                .query(SearchDocuments::document).list().stream()
                .filter(d -> keys.contains(d.key())) // another kind's document of the same id is not asked for
                .collect(Collectors.toMap(SearchDocument::key, d -> d));
    }

    /** Documents after {@code (kind, id)} in that order: for building a Lucene index from the table page by page. */
    List<SearchDocument> after(String kind, long id, int limit) {
        // A row comparison, which both databases read from the primary key's index, where "kind > ? or (kind = ?
        // and id > ?)" read it from its start at every page.
        return db.sql("select " + COLUMNS + " from search_document where (kind, id) > (?, ?) order by kind, id limit ?")
                .params(kind, id, limit).query(SearchDocuments::document).list();
    }

    long count() {
        return db.sql("select count(*) from search_document").query(Long.class).single();
    }

    /** Documents written before the build {@code generation}. */
    List<SearchDocument.Key> before(long generation, int limit) {
        return db.sql("select kind, id from search_document where generation < ? limit ?").params(generation, limit)
                .query(SearchDocuments::key).list();
    }

    private static SearchDocument.Key key(ResultSet rs, int row) throws SQLException {
        return new SearchDocument.Key(SearchDocument.Kind.of(rs.getString("kind")), rs.getLong("id"));
    }

    private static SearchDocument document(ResultSet rs, int row) throws SQLException {
        return new SearchDocument(SearchDocument.Kind.of(rs.getString("kind")), rs.getLong("id"),
                (Long) rs.getObject("post_id", Long.class), (Long) rs.getObject("group_id", Long.class),
                (Long) rs.getObject("author_id", Long.class), rs.getBoolean("restricted"),
                Language.ofCode(rs.getString("language")), rs.getBoolean("has_link"), rs.getString("title"),
                rs.getString("body"), rs.getString("name_words"), rs.getTimestamp("created_at").toInstant(),
                rs.getLong("generation"));
    }

}
