package org.tribune.post;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tribune.platform.cluster.NodeCache;
import org.tribune.platform.cluster.NodeCaches;

/**
 * The newest live post ids of each group and of each author (at most {@link #window} per source), on this node: a feed
 * page is a merge of its sources' lists, answered without the database whenever the lists reach far enough back to
 * give exactly what {@link Posts#newest} would. {@link Posts} evicts a source on each publish, deletion and move.
 */
@Component
class NewestPosts {
    /** One live post as a feed's merge needs it: where it is and who wrote it (group 0: on the author's profile). */
    record Entry(long id, long authorId, long groupId) {
    }

    /**
     * A source's newest posts, newest first, as three arrays of primitives (the i-th post is {@code ids[i]}, by
     * {@code authorIds[i]}, in {@code groupIds[i]}): a node holds hundreds of thousands of entries, and an object with
     * a boxed list for each weighed twice as much and gave the collector a million more objects to trace.
     * {@code complete} when the source holds no others.
     */
    record Newest(long[] ids, long[] authorIds, long[] groupIds, boolean complete) {
        static Newest of(List<Entry> entries, boolean complete) {
            long[] ids = new long[entries.size()];
            long[] authors = new long[entries.size()];
            long[] groups = new long[entries.size()];
            for (int i = 0; i < entries.size(); i++) {
                ids[i] = entries.get(i).id();
                authors[i] = entries.get(i).authorId();
                groups[i] = entries.get(i).groupId();
            }
            return new Newest(ids, authors, groups, complete);
        }

        int size() {
            return ids.length;
        }

        long floor() {
            return ids.length == 0 ? Long.MAX_VALUE : ids[ids.length - 1];
        }

        /** About its bytes on the heap: the record and three arrays of 8 bytes an entry. */
        int weight() {
            return 32 + 3 * (16 + 8 * ids.length);
        }
    }

    /** Which entries of a list a feed keeps (by their index in it). */
    private interface Kept {
        boolean test(Newest newest, int at);
    }

    private final JdbcClient db;
    private final int window;
    private final NodeCache<Newest> inGroup;
    private final NodeCache<Newest> byAuthor;

    NewestPosts(JdbcClient db, NodeCaches caches, @Value("${tribune.cache.newest-window:60}") int window) {
        this.db = db;
        this.window = window;
        this.inGroup = caches.create("newest-in-group", 32, Newest::weight);
        this.byAuthor = caches.create("newest-by-author", 64, Newest::weight);
    }

    void forgetGroup(Long groupId) {
        if (groupId != null) {
            inGroup.evict(groupId);
        }
    }

    void forgetAuthor(long authorId) {
        byAuthor.evict(authorId);
    }

    /** Posts changed behind the feed's back (an erased account's, everywhere): forget every list. */
    void forgetAll() {
        inGroup.evictAll();
        byAuthor.evictAll();
    }

    /**
     * The ids {@link Posts#newest} gives for these sources, newest first, when the cached lists answer it exactly;
     * empty when one of them does not reach back far enough (the caller asks the database).
     */
    Optional<List<Long>> newest(Collection<Long> groupIds, Collection<Long> profileAuthorIds,
            Collection<Long> anyPostAuthorIds, Set<Long> hiddenAuthors, long before, int limit) {
        if (!inGroup.answers() || !byAuthor.answers()) {
            return Optional.empty(); // lists read and thrown away would cost more than the feed's own statement
        }
        // Lists not held are read together, a few statements for a whole feed rather than one per source.
        Map<Long, Newest> groups = inGroup.getAll(groupIds, missing -> loadAll("group_id", missing));
        Set<Long> authorIds = new java.util.HashSet<>(profileAuthorIds);
        authorIds.addAll(anyPostAuthorIds);
        Map<Long, Newest> authors = byAuthor.getAll(authorIds, missing -> loadAll("author_id", missing));
        List<Cursor> cursors = new ArrayList<>(groupIds.size() + profileAuthorIds.size() + anyPostAuthorIds.size());
        for (Long group : groupIds) {
            cursors.add(new Cursor(groups.get(group), before, (n, at) -> !hiddenAuthors.contains(n.authorIds()[at])));
        }
        for (Long author : profileAuthorIds) {
            cursors.add(new Cursor(authors.get(author), before, (n, at) -> n.groupIds()[at] == 0));
        }
        for (Long author : anyPostAuthorIds) {
            cursors.add(new Cursor(authors.get(author), before, (n, at) -> true));
        }
        List<Long> newest = merge(cursors, limit);
        // Below the floor of a list cut short, its source may hold posts we do not know: the page must reach no lower.
        long reached = newest.size() == limit ? newest.getLast() : Long.MIN_VALUE;
        for (Cursor cursor : cursors) {
            if (!cursor.newest.complete() && reached < cursor.newest.floor()) {
                return Optional.empty();
            }
        }
        return Optional.of(newest);
    }

    /**
     * The first {@code limit} distinct ids of these lists, newest first: a merge that takes one id at a time from the
     * list whose next id is the newest, so a page costs about {@code limit} steps, however many sources there are.
     */
    private static List<Long> merge(List<Cursor> cursors, int limit) {
        java.util.PriorityQueue<Cursor> next = new java.util.PriorityQueue<>(Math.max(1, cursors.size()),
                (a, b) -> Long.compare(b.id(), a.id()));
        cursors.stream().filter(Cursor::more).forEach(next::add);
        List<Long> newest = new ArrayList<>(limit);
        while (newest.size() < limit && !next.isEmpty()) {
            Cursor top = next.poll();
            long id = top.id();
            if (newest.isEmpty() || newest.getLast() != id) { // a post in a group and on its author's list comes twice in a row
                newest.add(id);
            }
            top.advance();
            if (top.more()) {
                next.add(top);
            }
        }
        return newest;
    }

    /** A place in one source's list: at its next kept entry below the page's start. */
    private static final class Cursor {
        final Newest newest;
        private final Kept kept;
        private int at;

        Cursor(Newest newest, long before, Kept kept) {
            this.newest = newest;
            this.kept = kept;
            long[] ids = newest.ids();
            int low = 0;
            int high = ids.length;
            while (low < high) { // the first entry below before: the list is newest first
                int middle = (low + high) >>> 1;
                if (ids[middle] >= before) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            this.at = low;
            skipUnkept();
        }

        boolean more() {
            return at < newest.size();
        }

        long id() {
            return newest.ids()[at];
        }

        void advance() {
            at++;
            skipUnkept();
        }

        private void skipUnkept() {
            while (more() && !kept.test(newest, at)) {
                at++;
            }
        }
    }

    /** The newest live posts anywhere, newest first: where the first pages after start-up will look. */
    List<Entry> latest(int limit) {
        return db.sql("select id, author_id, group_id from post where deleted_at is null order by id desc limit ?").param(limit)
                .query((rs, n) -> {
                    long group = rs.getLong("group_id");
                    return new Entry(rs.getLong("id"), rs.getLong("author_id"), rs.wasNull() ? 0 : group);
                }).list();
    }

    /** Reads these groups' lists into the cache (those not held), a statement per {@link #SOURCES_PER_STATEMENT}. */
    void warmGroups(Collection<Long> groupIds) {
        inGroup.getAll(groupIds, missing -> loadAll("group_id", missing));
    }

    /** Reads these authors' lists into the cache (those not held). */
    void warmAuthors(Collection<Long> authorIds) {
        byAuthor.getAll(authorIds, missing -> loadAll("author_id", missing));
    }

    /** Sources read in one statement at most: each is a branch of a union, walked down its own index. */
    private static final int SOURCES_PER_STATEMENT = 64;

    /**
     * The newest lists of these sources ({@code column}: group_id or author_id), one statement per
     * {@link #SOURCES_PER_STATEMENT}: each source is its own branch, so each still walks its index backwards and
     * stops after {@link #window} rows, however many posts the source holds.
     */
    private Map<Long, Newest> loadAll(String column, Set<Long> sources) {
        Map<Long, List<Entry>> read = new HashMap<>();
        sources.forEach(source -> read.put(source, new ArrayList<>()));
        List<Long> ids = List.copyOf(sources);
        for (int from = 0; from < ids.size(); from += SOURCES_PER_STATEMENT) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + SOURCES_PER_STATEMENT));
            String branch = "(select id, author_id, group_id from post where " + column + " = ? and deleted_at is null "
                    + "order by " + column + " desc, id desc limit " + window + ")";
            List<Object> params = new ArrayList<>(chunk);
            db.sql(String.join(" union all ", java.util.Collections.nCopies(chunk.size(), branch)))
                    .params(params)
                    .query((rs, n) -> {
                        long group = rs.getLong("group_id");
                        Entry entry = new Entry(rs.getLong("id"), rs.getLong("author_id"), rs.wasNull() ? 0 : group);
                        read.get(column.equals("group_id") ? entry.groupId() : entry.authorId()).add(entry);
                        return entry;
                    }).list();
        }
        Map<Long, Newest> lists = new HashMap<>();
        read.forEach((source, entries) -> {
            entries.sort(java.util.Comparator.comparingLong(Entry::id).reversed());
            lists.put(source, Newest.of(entries, entries.size() < window));
        });
        return lists;
    }
}
