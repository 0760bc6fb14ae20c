package org.tribune.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tribune.platform.Database;

/** The search index table: one row per live post, with its accepted title and body. */
@Repository
class SearchEntries {
    /** A post that matched, and the group that decides who may read it (null: a profile post). */
    record Match(long postId, Long groupId) {
    }

    private final JdbcClient db;
    private final boolean fullText;

    SearchEntries(JdbcClient db, Database database) {
        this.db = db;
        this.fullText = database.isPostgres();
    }

    void put(long postId, Long groupId, long authorId, String title, String body) {
        String words = (title + " " + body).toLowerCase(Locale.ROOT);
        // New posts are indexed far more often than edited ones: try the insert first.
        int inserted = db.sql("insert into search_entry (post_id, group_id, author_id, title, body, words) values (?, ?, ?, ?, ?, ?) "
                        + "on conflict do nothing")
                .params(postId, groupId, authorId, title, body, words).update();
        if (inserted == 0) {
            db.sql("update search_entry set group_id = ?, author_id = ?, title = ?, body = ?, words = ? where post_id = ?")
                    .params(groupId, authorId, title, body, words, postId).update();
        }
    }

    void remove(long postId) {
        db.sql("delete from search_entry where post_id = ?").param(postId).update();
    }

    /** Posts matching every word of {@code query}, newest first, with ids below {@code before}. */
    List<Match> matching(String query, long before, int limit) {
        return fullText ? matchingFullText(query, before, limit) : matchingWords(SearchQuery.words(query), before, limit);
    }

    private List<Match> matchingFullText(String query, long before, int limit) {
        return db.sql("select post_id, group_id from search_entry "
                        + "where document @@ websearch_to_tsquery('simple', :query) and post_id < :before "
                        + "order by post_id desc limit :limit")
                .param("query", query).param("before", before).param("limit", limit)
                .query(Match.class).list();
    }

    /** The portable fallback: every word must appear in the text, as a word or part of one. */
    private List<Match> matchingWords(List<String> words, long before, int limit) {
        if (words.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("select post_id, group_id from search_entry where post_id < ?");
        List<Object> params = new ArrayList<>();
        params.add(before);
        for (String word : words) {
            sql.append(" and words like ? escape '\\'");
            params.add("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(" order by post_id desc limit ?");
        params.add(limit);
        return db.sql(sql.toString()).params(params).query(Match.class).list();
    }

    long countByAuthor(long authorId) {
        return db.sql("select count(*) from search_entry where author_id = ?").param(authorId).query(Long.class).single();
    }

    List<Long> postIdsByAuthor(long authorId) {
        return db.sql("select post_id from search_entry where author_id = ? order by post_id").param(authorId)
                .query(Long.class).list();
    }

    void removeByAuthor(long authorId) {
        db.sql("delete from search_entry where author_id = ?").param(authorId).update();
    }

    /**
     * Mentions of an erased person's handle in the indexed copies of anyone's posts become mentions of nobody, as the
     * post feature does in the posts themselves.
     */
    void forgetMentions(String handle, String replacement) {
        java.util.regex.Pattern mention = java.util.regex.Pattern.compile(
                "(?i)(?<![\\w.-])" + java.util.regex.Pattern.quote(handle) + "(?![\\w-])");
        String quoted = java.util.regex.Matcher.quoteReplacement(replacement);
        db.sql("select post_id, title, body from search_entry where words like ?")
                .param("%" + handle.toLowerCase(Locale.ROOT) + "%")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}).list()
                .forEach(row -> {
                    String title = mention.matcher((String) row[1]).replaceAll(quoted);
                    String body = mention.matcher((String) row[2]).replaceAll(quoted);
                    db.sql("update search_entry set title = ?, body = ?, words = ? where post_id = ?")
                            .params(title, body, (title + " " + body).toLowerCase(Locale.ROOT), row[0]).update();
                });
    }
}
