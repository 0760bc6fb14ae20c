package org.tribune.post;

import static org.tribune.platform.Sql.instant;
import static org.tribune.platform.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tribune.platform.cluster.HeapBytes;
import org.tribune.platform.cluster.NodeCache;
import org.tribune.platform.cluster.NodeCaches;

/** The {@code post} table. Deleted posts stay as rows without text, so ids and counts stay consistent. */
@Repository
class Posts {
    static final String COLUMNS = "id, group_id, author_id, title, body, body_html, link_url, created_at, edited_at, "
            + "comment_count, like_count, last_comment_at, link_summary, content_warning";
    static final RowMapper<Post> POST = Posts::post;
    private static final String P_COLUMNS = COLUMNS.replaceAll("(^|, )", "$1p.");

    private final JdbcClient db;
    /** Live posts by id, with their counts, on this node: every feed shows them (evicted by each write below). */
    private final NodeCache<Post> byId;
    private final NewestPosts newest;

    Posts(JdbcClient db, NodeCaches caches, NewestPosts newest) {
        this.db = db;
        this.newest = newest;
        this.byId = caches.create("posts", 96, Posts::weight);
    }

    /**
     * About the bytes a post holds on the heap: the record with its boxed group and times, and its texts (the source
     * and the rendered HTML both).
     */
    static int weight(Post p) {
        return 160 + HeapBytes.of(p.title(), p.body(), p.bodyHtml(), p.linkUrl(), p.linkSummary(), p.contentWarning());
    }

    /**
     * The post changed (called after the write: evicting before it would let a reader put back the old row between
     * the two): forget it, and the lists of newest posts it is in (it may have come, gone or moved). */
    private void changed(long id, boolean inLists) {
        byId.evict(id);
        if (inLists) {
            db.sql("select group_id, author_id from post where id = ?").param(id).query((rs, n) -> {
                long group = rs.getLong("group_id");
                newest.forgetGroup(rs.wasNull() ? null : group);
                newest.forgetAuthor(rs.getLong("author_id"));
                return id;
            }).list();
        }
    }

    /** Posts changed behind this class (an erased account's): forget every cached post and list. */
    void forgetAll() {
        byId.evictAll();
        newest.forgetAll();
    }

    private static Post post(ResultSet rs, int row) throws SQLException {
        long group = rs.getLong("group_id");
        Long groupId = rs.wasNull() ? null : group; // read before any other column: wasNull speaks of the last one
        return new Post(rs.getLong("id"), groupId, rs.getLong("author_id"), rs.getString("title"),
                rs.getString("body"), rs.getString("body_html"), rs.getString("link_url"), instant(rs, "created_at"),
                instant(rs, "edited_at"), rs.getInt("comment_count"), rs.getInt("like_count"),
                instant(rs, "last_comment_at"), rs.getString("link_summary"), rs.getString("content_warning"));
    }

    void insert(Post post) {
        db.sql("insert into post (id, group_id, author_id, title, body, body_html, link_url, created_at, content_warning) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(post.id(), post.groupId(), post.authorId(), post.title(), post.body(), post.bodyHtml(),
                        post.linkUrl(), ts(post.createdAt()), post.contentWarning())
                .update();
        newest.forgetGroup(post.groupId());
        newest.forgetAuthor(post.authorId());
    }

    /** Sets or changes the post's content warning (a moderator adding one); true if the post is live. */
    boolean warn(long id, String warning) {
        boolean result = db.sql("update post set content_warning = ? where id = ? and deleted_at is null").params(warning, id).update() == 1;
        changed(id, false);
        return result;
    }

    Optional<Post> live(long id) {
        return Optional.ofNullable(byId.get(id, key -> db.sql("select " + COLUMNS + " from post where id = ? and deleted_at is null")
                .param(key).query(POST).optional().orElse(null)));
    }

    /** Live posts with ids above {@code afterId}, in id order: for rebuilding the search index page by page. */
    List<Post> liveAfter(long afterId, int limit) {
        return db.sql("select " + COLUMNS + " from post where id > ? and deleted_at is null order by id limit ?")
                .params(afterId, limit).query(POST).list();
    }

    List<Post> live(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return List.copyOf(byId.getAll(ids, missing -> db.sql("select " + COLUMNS + " from post where id in (:ids) and deleted_at is null")
                .param("ids", missing).query(POST).list().stream()
                .collect(java.util.stream.Collectors.toMap(Post::id, p -> p))).values());
    }

    void update(long id, String title, String body, String bodyHtml, String linkUrl, String linkSummary, Instant at) {
        db.sql("update post set title = ?, body = ?, body_html = ?, link_url = ?, link_summary = ?, edited_at = ? "
                        + "where id = ? and deleted_at is null")
                .params(title, body, bodyHtml, linkUrl, linkSummary, ts(at), id).update();
        changed(id, false);
    }

    void moveTo(long id, long groupId) {
        Optional<Post> before = live(id);
        db.sql("update post set group_id = ? where id = ? and deleted_at is null").params(groupId, id).update();
        before.ifPresent(p -> newest.forgetGroup(p.groupId())); // the group it left
        changed(id, true);
    }

    /** Deletes the text for good and hides the post; true only for the first deletion. */
    boolean delete(long id, Instant at) {
        boolean deleted = db.sql("update post set deleted_at = ?, title = '', body = '', body_html = '', link_url = null, "
                        + "link_summary = null where id = ? and deleted_at is null")
                .params(ts(at), id).update() == 1;
        changed(id, true); // the row keeps its group and author
        return deleted;
    }

    void addComments(long id, int delta, Instant at) {
        db.sql("update post set comment_count = comment_count + ?, last_comment_at = coalesce(?, last_comment_at) where id = ?")
                .params(delta, ts(at), id).update();
        changed(id, false);
    }

    void addLikes(long id, int delta) {
        db.sql("update post set like_count = like_count + ? where id = ?").params(delta, id).update();
        changed(id, false);
    }

    /**
     * The newest live posts below {@code before} from these groups and these authors' profiles, newest first. One
     * indexed, bounded walk per source (union all), merged and cut, then the rows of the few ids kept, all in one
     * statement: the cost depends on the number of sources and the page size, not on the size of the network.
     */
    List<Post> newest(Collection<Long> groupIds, Collection<Long> profileAuthorIds, Collection<Long> anyPostAuthorIds,
            long before, int limit) {
        return newest(groupIds, profileAuthorIds, anyPostAuthorIds, Set.of(), before, limit);
    }

    /**
     * As above, leaving out the posts of {@code hiddenAuthors} in the groups' walks (a reader's blocks and mutes),
     * so that a page is filled in one statement instead of rounds of pages thinned out afterwards. The list is
     * padded like the sources, for the same reason, and bound once (a {@code with} list every walk refers to), not
     * once per group.
     */
    List<Post> newest(Collection<Long> groupIds, Collection<Long> profileAuthorIds, Collection<Long> anyPostAuthorIds,
            Collection<Long> hiddenAuthors, long before, int limit) {
        Optional<List<Long>> remembered = newest.newest(groupIds, profileAuthorIds, anyPostAuthorIds, Set.copyOf(hiddenAuthors),
                before, limit);
        if (remembered.isPresent()) {
            List<Post> found = new ArrayList<>(live(remembered.get()));
            found.sort((a, b) -> Long.compare(b.id(), a.id()));
            return found;
        }
        return newestFromDatabase(groupIds, profileAuthorIds, anyPostAuthorIds, hiddenAuthors, before, limit);
    }

    /** {@link #newest}, always asked of the database: past the cached lists, and to prove the two agree. */
    List<Post> newestFromDatabase(Collection<Long> groupIds, Collection<Long> profileAuthorIds, Collection<Long> anyPostAuthorIds,
            Collection<Long> hiddenAuthors, long before, int limit) {
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        List<Long> hidden = padded(hiddenAuthors);
        String with = hidden.isEmpty() ? "" : "with hidden_author (id) as (values "
                + String.join(", ", java.util.Collections.nCopies(hidden.size(), "(cast(? as bigint))")) + ") ";
        params.addAll(hidden);
        String notHidden = hidden.isEmpty() ? "" : " and author_id not in (select id from hidden_author)";
        for (Long group : padded(groupIds)) {
            parts.add("(select id from post where group_id = ? and id < ? and deleted_at is null" + notHidden
                    + " order by group_id desc, id desc limit ?)");
            params.add(group);
            params.add(before);
            params.add(limit);
        }
        for (Long author : padded(profileAuthorIds)) {
            parts.add("(select id from post where author_id = ? and group_id is null and id < ? and deleted_at is null "
                    + "order by author_id desc, id desc limit ?)");
            params.add(author);
            params.add(before);
            params.add(limit);
        }
        for (Long author : padded(anyPostAuthorIds)) {
            parts.add("(select id from post where author_id = ? and id < ? and deleted_at is null order by author_id desc, id desc limit ?)");
            params.add(author);
            params.add(before);
            params.add(limit);
        }
        if (parts.isEmpty()) {
            return List.of();
        }
        params.add(limit);
        List<Post> found = new ArrayList<>(db.sql(with + "select " + P_COLUMNS + " from (select distinct id from ("
                        + String.join(" union all ", parts) + ") sourced order by id desc limit ?) newest join post p on p.id = newest.id")
                .params(params).query(POST).list());
        found.sort((a, b) -> Long.compare(b.id(), a.id()));
        return found;
    }

    /**
     * The sources, padded with ids that match nothing (-1) up to the next power of two. The query's text depends
     * only on how many sources there are, so padding keeps the number of different texts small: PostgreSQL then
     * plans each text a few times and reuses the plan, instead of planning a union of dozens of parts (which costs
     * more than running it) on almost every home feed. An extra part costs one descent of the index.
     */
    static List<Long> padded(Collection<Long> ids) {
        List<Long> list = new ArrayList<>(ids);
        int size = list.size() <= 1 ? list.size() : Integer.highestOneBit(list.size() - 1) << 1;
        while (list.size() < size) {
            list.add(-1L);
        }
        return list;
    }
}
