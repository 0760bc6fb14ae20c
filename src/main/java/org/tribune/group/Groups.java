package org.tribune.group;

import static org.tribune.platform.Sql.instant;
import static org.tribune.platform.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tribune.platform.cluster.HeapBytes;
import org.tribune.platform.cluster.NodeCache;
import org.tribune.platform.cluster.NodeCaches;

/** The {@code topic_group} table. */
@Repository
class Groups {
    static final String COLUMNS = "g.id, g.slug, g.name, g.description, g.language, g.visibility, g.join_policy, "
            + "g.join_questions, g.moderators_only_posting, g.is_default, g.member_count, g.created_at, g.last_activity_at";
    static final RowMapper<Group> GROUP = Groups::group;

    private final JdbcClient db;
    /** Groups by id, on this node: every feed reads them, few change (evicted by each write below). */
    private final NodeCache<Group> byId;

    /**
     * Group ids by slug key, on this node: every group page and feed is addressed by its slug. A group keeps its slug
     * and is never deleted, so an entry never goes stale; the group itself is then read from {@link #byId}'s cache, and
     * checked to still bear that slug. Only slugs found are kept (a group made on another node later is found then).
     */
    private final com.github.benmanes.caffeine.cache.Cache<String, Long> idsBySlug =
            org.tribune.platform.cluster.LocalCaches.newBuilder().maximumSize(100_000).build();

    Groups(JdbcClient db, NodeCaches caches) {
        this.db = db;
        this.byId = caches.create("groups", 16, Groups::weight);
    }

    /** About the bytes a group holds on the heap. */
    static int weight(Group g) {
        return 160 + HeapBytes.of(g.slug(), g.name(), g.description()) + HeapBytes.of(g.joinQuestions().toArray(String[]::new));
    }

    static String key(String slug) {
        return slug.trim().toLowerCase(Locale.ROOT);
    }

    private static Group group(ResultSet rs, int row) throws SQLException {
        String questions = rs.getString("join_questions");
        return new Group(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("description"),
                rs.getString("language"), Visibility.valueOf(rs.getString("visibility")),
                JoinPolicy.valueOf(rs.getString("join_policy")),
                questions.isEmpty() ? List.of() : Arrays.asList(questions.split("\n")),
                rs.getBoolean("moderators_only_posting"), rs.getBoolean("is_default"), rs.getInt("member_count"),
                instant(rs, "created_at"), instant(rs, "last_activity_at"));
    }

    void insert(Group group, long createdBy) {
        db.sql("insert into topic_group (id, slug, slug_key, name, description, language, visibility, join_policy, "
                        + "join_questions, moderators_only_posting, is_default, member_count, created_by, created_at, "
                        + "last_activity_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)")
                .params(group.id(), group.slug(), key(group.slug()), group.name(), group.description(), group.language(),
                        group.visibility().name(), group.joinPolicy().name(), String.join("\n", group.joinQuestions()),
                        group.moderatorsOnlyPosting(), group.isDefault(), createdBy, ts(group.createdAt()),
                        ts(group.lastActivityAt()))
                .update();
        recentlyActive = null;
        firstListed = null;
    }

    void update(Group group) {
        db.sql("update topic_group set name = ?, description = ?, language = ?, visibility = ?, join_policy = ?, "
                        + "join_questions = ?, moderators_only_posting = ? where id = ?")
                .params(group.name(), group.description(), group.language(), group.visibility().name(),
                        group.joinPolicy().name(), String.join("\n", group.joinQuestions()),
                        group.moderatorsOnlyPosting(), group.id())
                .update();
        changed(group.id());
    }

    void setDefault(long id, boolean isDefault) {
        db.sql("update topic_group set is_default = ? where id = ?").params(isDefault, id).update();
        changed(id);
    }

    /** Groups changed behind this class (an erased account leaving every group): forget them all. */
    void forgetAll() {
        byId.evictAll();
        recentlyActive = null;
        firstListed = null;
    }

    boolean slugTaken(String slug) {
        return db.sql("select count(*) from topic_group where slug_key = ?").param(key(slug)).query(Long.class).single() > 0;
    }

    Optional<Group> bySlug(String slug) {
        String key = key(slug);
        Long id = idsBySlug.getIfPresent(key);
        if (id != null) {
            Optional<Group> held = byId(id);
            if (held.isPresent() && key(held.get().slug()).equals(key)) {
                return held;
            }
        }
        Optional<Group> found = db.sql("select " + COLUMNS + " from topic_group g where g.slug_key = ?").param(key)
                .query(GROUP).optional();
        found.ifPresent(g -> idsBySlug.put(key, g.id()));
        return found;
    }

    Optional<Group> byId(long id) {
        return Optional.ofNullable(byId.get(id,
                key -> db.sql("select " + COLUMNS + " from topic_group g where g.id = ?").param(key).query(GROUP).optional()
                        .orElse(null)));
    }

    /** Groups with ids above {@code afterId}, in id order: for rebuilding the search index. */
    List<Group> after(long afterId, int limit) {
        return db.sql("select " + COLUMNS + " from topic_group g where g.id > ? order by g.id limit ?")
                .params(afterId, limit).query(GROUP).list();
    }

    List<Group> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return List.copyOf(byId.getAll(ids, missing -> db.sql("select " + COLUMNS + " from topic_group g where g.id in (:ids)")
                .param("ids", missing).query(GROUP).list().stream()
                .collect(java.util.stream.Collectors.toMap(Group::id, g -> g))).values());
    }

    void setCurated(long id, boolean curated) {
        db.sql("update topic_group set is_curated = ? where id = ?").params(curated, id).update();
    }

    boolean isCurated(long id) {
        return db.sql("select is_curated from topic_group where id = ?").param(id).query(Boolean.class).optional().orElse(false);
    }

    /** Curated groups that are listed (public or private, never hidden), most recently active first. */
    List<Group> curated(int limit) {
        return db.sql("select " + COLUMNS + " from topic_group g where g.is_curated = true and g.visibility <> 'HIDDEN' "
                        + "order by g.last_activity_at desc, g.id desc limit ?")
                .param(limit).query(GROUP).list();
    }

    /** Public groups with activity since {@code since}, most recently active first: where a quiet feed finds posts. */
    List<Long> activePublicIds(Instant since, int limit) {
        RecentlyActive recent = recentlyActive;
        if (recent == null || System.nanoTime() - recent.readAt() > RECENTLY_ACTIVE_KEPT_NANOS) {
            recent = new RecentlyActive(System.nanoTime(), db.sql("select g.id, g.last_activity_at from topic_group g "
                            + "where g.visibility = 'PUBLIC' order by g.last_activity_at desc, g.id desc limit ?")
                    .param(RECENTLY_ACTIVE).query((rs, n) -> new Active(rs.getLong("id"), instant(rs, "last_activity_at"))).list());
            recentlyActive = recent;
        }
        List<Long> ids = recent.groups().stream().filter(g -> !g.at().isBefore(since)).limit(limit).map(Active::id).toList();
        if (limit > RECENTLY_ACTIVE && ids.size() == RECENTLY_ACTIVE) {
            return db.sql("select g.id from topic_group g where g.visibility = 'PUBLIC' and g.last_activity_at >= ? "
                            + "order by g.last_activity_at desc, g.id desc limit ?")
                    .params(ts(since), limit).query(Long.class).list(); // more than this node keeps
        }
        return ids;
    }

    /**
     * The most recently active public groups, as this node last read them. Every quiet feed asks for them; they are read
     * again after a few seconds, or at once after a change made on this node. A change made elsewhere shows here a few
     * seconds late, which only delays a suggestion: what a reader is shown of a group is checked on its own.
     */
    private volatile RecentlyActive recentlyActive;
    private static final int RECENTLY_ACTIVE = 256;
    private static final long RECENTLY_ACTIVE_KEPT_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);

    private record Active(long id, Instant at) {
    }

    private record RecentlyActive(long readAt, List<Active> groups) {
    }

    private void changed(long id) {
        byId.evict(id);
        recentlyActive = null;
        firstListed = null;
    }

    List<Group> defaults() {
        return db.sql("select " + COLUMNS + " from topic_group g where g.is_default = true order by g.id").query(GROUP).list();
    }

    /** Listed groups (public and private), biggest first; keyset on (member_count, id). */
    List<Group> listedByMembers(String nameLike, int beforeCount, long beforeId, int limit) {
        return db.sql("select " + COLUMNS + " from topic_group g where g.visibility <> 'HIDDEN' "
                        + "and lower(g.name) like ? escape '\\' "
                        + "and (g.member_count < ? or (g.member_count = ? and g.id < ?)) "
                        + "order by g.member_count desc, g.id desc limit ?")
                .params(nameLike, beforeCount, beforeCount, beforeId, limit).query(GROUP).list();
    }

    /**
     * The first page of listed groups by activity, as {@link #listedByActivity} gives it: beside every home feed. The
     * ids are read again after a few seconds (or at once after a change on this node), the groups themselves always
     * from {@link #byIds}'s cache, kept true on every node, so a group hidden meanwhile is never shown.
     */
    List<Group> firstListedByActivity(int limit) {
        List<Long> ids = firstListedIds(limit);
        java.util.Map<Long, Group> now = byIds(ids).stream().collect(java.util.stream.Collectors.toMap(Group::id, g -> g));
        return ids.stream().map(now::get).filter(g -> g != null && g.visibility() != Visibility.HIDDEN).toList();
    }

    /**
     * The first {@code wanted} public groups of the directory's first page (by activity) whose ids {@code skipped}
     * leaves out, looked up one by one, as far as needed: beside every home feed, for a few suggestions.
     */
    List<Group> firstPublicByActivity(int pageSize, java.util.Set<Long> skipped, int wanted) {
        List<Group> found = new java.util.ArrayList<>(wanted);
        for (long id : firstListedIds(pageSize)) {
            if (found.size() == wanted) {
                break;
            }
            if (!skipped.contains(id)) {
                byId(id).filter(g -> g.visibility() == Visibility.PUBLIC).ifPresent(found::add);
            }
        }
        return found;
    }

    private List<Long> firstListedIds(int limit) {
        FirstListed first = firstListed;
        if (first == null || first.limit() != limit || System.nanoTime() - first.readAt() > RECENTLY_ACTIVE_KEPT_NANOS) {
            first = new FirstListed(System.nanoTime(), limit, listedByActivity("%", Instant.parse("9999-12-31T00:00:00Z"),
                    Long.MAX_VALUE, limit).stream().map(Group::id).toList());
            firstListed = first;
        }
        return first.ids();
    }

    private volatile FirstListed firstListed;

    private record FirstListed(long readAt, int limit, List<Long> ids) {
    }

    /** Listed groups, most recently active first; keyset on (last_activity_at, id). */
    List<Group> listedByActivity(String nameLike, Instant beforeActivity, long beforeId, int limit) {
        return db.sql("select " + COLUMNS + " from topic_group g where g.visibility <> 'HIDDEN' "
                        + "and lower(g.name) like ? escape '\\' "
                        + "and (g.last_activity_at < ? or (g.last_activity_at = ? and g.id < ?)) "
                        + "order by g.last_activity_at desc, g.id desc limit ?")
                .params(nameLike, ts(beforeActivity), ts(beforeActivity), beforeId, limit).query(GROUP).list();
    }

    void addMembers(long id, int delta) {
        db.sql("update topic_group set member_count = member_count + ? where id = ?").params(delta, id).update();
        byId.evict(id);
    }

    void touch(long id, Instant at) {
        db.sql("update topic_group set last_activity_at = ? where id = ? and last_activity_at < ?")
                .params(ts(at), id, ts(at)).update();
        changed(id);
    }
}
