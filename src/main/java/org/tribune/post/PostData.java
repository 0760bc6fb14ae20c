package org.tribune.post;

import static org.tribune.platform.Sql.instant;
import static org.tribune.platform.Sql.ts;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tribune.account.AccountService;
import org.tribune.platform.personaldata.DataCategory;
import org.tribune.platform.personaldata.Erasure;
import org.tribune.platform.personaldata.ExportWriter;
import org.tribune.platform.personaldata.PersonalData;

/**
 * What posts hold on a person: what they wrote (posts and comments, as ActivityStreams Notes, or Articles when they
 * have a title) and what they liked. On erasure their likes go; their posts and comments go too when they chose so,
 * otherwise they stay and are shown as written by "former member". Either way, mentions of their handle in other
 * people's text become "@former-member", so the handle is found nowhere.
 */
@Component
class PostData implements PersonalData {
    static final DataCategory POSTS = new DataCategory("posts");
    static final DataCategory COMMENTS = new DataCategory("comments");
    static final DataCategory LIKES = new DataCategory("likes");
    static final String FORMER = "former-member";

    private final JdbcClient db;
    private final AccountService accounts;
    private final Clock clock;
    private final Posts posts;
    private final Likes likes;

    PostData(JdbcClient db, AccountService accounts, Clock clock, Posts posts, Likes likes) {
        this.likes = likes;
        this.posts = posts;
        this.db = db;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public List<DataCategory> categories() {
        return List.of(POSTS, COMMENTS, LIKES);
    }

    @Override
    public Map<String, Long> counts(long accountId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(POSTS.name(), count("select count(*) from post where author_id = ?", accountId));
        counts.put(COMMENTS.name(), count("select count(*) from post_comment where author_id = ?", accountId));
        counts.put(LIKES.name(), count("select count(*) from post_like where account_id = ?", accountId)
                + count("select count(*) from comment_like where account_id = ?", accountId));
        return counts;
    }

    private long count(String sql, long accountId) {
        return db.sql(sql).param(accountId).query(Long.class).single();
    }

    @Override
    public void export(long accountId, ExportWriter out) {
        out.records(POSTS.name(), db.sql("select id, group_id, title, body, link_url, created_at, edited_at, deleted_at "
                        + "from post where author_id = ? order by id").param(accountId)
                .query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    boolean deleted = rs.getTimestamp("deleted_at") != null;
                    String title = rs.getString("title");
                    row.put("type", deleted ? "Tombstone" : title.isEmpty() ? "Note" : "Article");
                    row.put("id", "/p/" + rs.getLong("id"));
                    row.put("name", title.isEmpty() ? null : title);
                    row.put("content", rs.getString("body"));
                    row.put("mediaType", "text/markdown");
                    row.put("url", rs.getString("link_url"));
                    long group = rs.getLong("group_id");
                    row.put("groupId", rs.wasNull() ? null : group);
                    row.put("published", instant(rs, "created_at"));
                    row.put("updated", instant(rs, "edited_at"));
                    row.put("deleted", instant(rs, "deleted_at"));
                    return row;
                }).list());
        out.records(COMMENTS.name(), db.sql("select id, post_id, parent_id, body, created_at, edited_at, deleted_at "
                        + "from post_comment where author_id = ? order by id").param(accountId)
                .query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    boolean deleted = rs.getTimestamp("deleted_at") != null;
                    row.put("type", deleted ? "Tombstone" : "Note");
                    row.put("id", "/p/" + rs.getLong("post_id") + "#comment-" + rs.getLong("id"));
                    long parent = rs.getLong("parent_id");
                    row.put("inReplyTo", rs.wasNull() ? "/p/" + rs.getLong("post_id")
                            : "/p/" + rs.getLong("post_id") + "#comment-" + parent);
                    row.put("content", rs.getString("body"));
                    row.put("mediaType", "text/markdown");
                    row.put("published", instant(rs, "created_at"));
                    row.put("updated", instant(rs, "edited_at"));
                    row.put("deleted", instant(rs, "deleted_at"));
                    return row;
                }).list());
        List<Map<String, Object>> likes = new java.util.ArrayList<>();
        likes.addAll(db.sql("select post_id, created_at from post_like where account_id = ? order by created_at")
                .param(accountId).query((rs, n) -> like("/p/" + rs.getLong("post_id"), instant(rs, "created_at"))).list());
        likes.addAll(db.sql("select l.comment_id, c.post_id, l.created_at from comment_like l "
                        + "join post_comment c on c.id = l.comment_id where l.account_id = ? order by l.created_at")
                .param(accountId).query((rs, n) -> like("/p/" + rs.getLong("post_id") + "#comment-" + rs.getLong("comment_id"),
                        instant(rs, "created_at"))).list());
        out.records(LIKES.name(), likes);
    }

    private static Map<String, Object> like(String object, java.time.Instant at) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("type", "Like");
        row.put("object", object);
        row.put("published", at);
        return row;
    }

    @Override
    public void erase(long accountId, Erasure erasure) {
        db.sql("update post set like_count = like_count - 1 where id in (select post_id from post_like where account_id = ?)")
                .param(accountId).update();
        db.sql("delete from post_like where account_id = ?").param(accountId).update();
        db.sql("update post_comment set like_count = like_count - 1 where id in "
                + "(select comment_id from comment_like where account_id = ?)").param(accountId).update();
        db.sql("delete from comment_like where account_id = ?").param(accountId).update();
        if (erasure.deleteContent()) {
            var now = ts(clock.instant());
            db.sql("update post set deleted_at = coalesce(deleted_at, ?), title = '', body = '', body_html = '', "
                    + "link_url = null where author_id = ?").params(now, accountId).update();
            db.sql("update post_comment set deleted_at = coalesce(deleted_at, ?), body = '', body_html = '' "
                    + "where author_id = ?").params(now, accountId).update();
        }
        accounts.byId(accountId).ifPresent(a -> forgetMentions(a.handle()));
        posts.forgetAll();
        likes.forget(accountId);
    }

    /** Mentions of the handle, in anyone's posts and comments, become mentions of nobody. */
    private void forgetMentions(String handle) {
        Pattern mention = Pattern.compile("(?i)(?<![\\w.-])" + Pattern.quote(handle) + "(?![\\w-])");
        String like = "%" + handle.toLowerCase(java.util.Locale.ROOT) + "%";
        for (String table : List.of("post", "post_comment")) {
            String title = table.equals("post") ? "title" : "''";
            db.sql("select id, " + title + " as title, body, body_html from " + table
                            + " where lower(body) like ? or lower(body_html) like ?" + (table.equals("post") ? " or lower(title) like ?" : ""))
                    .params(table.equals("post") ? new Object[] {like, like, like} : new Object[] {like, like})
                    .query((rs, n) -> new String[] {rs.getString("id"), rs.getString("title"), rs.getString("body"),
                            rs.getString("body_html")})
                    .list()
                    .forEach(row -> {
                        String body = replace(mention, row[2]);
                        String html = replace(mention, row[3]);
                        if (table.equals("post")) {
                            db.sql("update post set title = ?, body = ?, body_html = ? where id = ?")
                                    .params(replace(mention, row[1]), body, html, Long.parseLong(row[0])).update();
                        } else {
                            db.sql("update post_comment set body = ?, body_html = ? where id = ?")
                                    .params(body, html, Long.parseLong(row[0])).update();
                        }
                    });
        }
    }

    private static String replace(Pattern pattern, String text) {
        return text == null ? null : pattern.matcher(text).replaceAll(Matcher.quoteReplacement(FORMER));
    }
}
