package org.tribune.trust;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The activity tables: bulk additions from the nodes' buffers, and the sums the level computation reads. */
@Repository
class ActivityStore {
    /** Rows per statement: one MERGE joins a whole chunk of day counts (9 parameters a row, far below any limit). */
    static final int CHUNK = 500;
    private static final String DAY_ROW = "(cast(? as bigint), cast(? as date), cast(? as boolean), cast(? as int), "
            + "cast(? as int), cast(? as int), cast(? as int), cast(? as int), cast(? as int))";
    private static final String ADD_DAYS = """
            merge into trust_activity_day t
            using (values %s)
                  as s(account_id, on_day, visited, posts_entered, posts_read, reading_seconds, likes_given, likes_received, replies)
            on t.account_id = s.account_id and t.on_day = s.on_day
            when matched then update set visited = t.visited or s.visited,
                posts_entered = t.posts_entered + s.posts_entered, posts_read = t.posts_read + s.posts_read,
                reading_seconds = t.reading_seconds + s.reading_seconds, likes_given = t.likes_given + s.likes_given,
                likes_received = t.likes_received + s.likes_received, replies = t.replies + s.replies
            when not matched then insert (account_id, on_day, visited, posts_entered, posts_read, reading_seconds,
                likes_given, likes_received, replies)
                values (s.account_id, s.on_day, s.visited, s.posts_entered, s.posts_read, s.reading_seconds,
                s.likes_given, s.likes_received, s.replies)""";
    /**
     * Makes the day rows exist before the MERGE adds to them: MERGE inserts without taking a lock on the missing key,
     * so two transactions adding the first counts of one person's day at once (two durable listeners) both insert
     * and one fails on the primary key. {@code on conflict do nothing} waits for the other insert instead.
     */
    private static final String ENSURE_DAY =
            "insert into trust_activity_day (account_id, on_day) values (?, ?) on conflict do nothing";
    private static final String ENSURE_LIKER =
            "insert into trust_liker (account_id, liker_id, last_day) values (?, ?, ?) on conflict do nothing";
    private static final String ADD_LIKERS = """
            merge into trust_liker t
            using (values (cast(? as bigint), cast(? as bigint), cast(? as date))) as s(account_id, liker_id, last_day)
            on t.account_id = s.account_id and t.liker_id = s.liker_id
            when matched then update set last_day = greatest(t.last_day, s.last_day)
            when not matched then insert (account_id, liker_id, last_day) values (s.account_id, s.liker_id, s.last_day)""";
    private static final String ADD_THREADS =
            "insert into trust_reply_thread (account_id, post_id, first_day) values (?, ?, ?) on conflict do nothing";
    private static final String ADD_PUBLISHED = """
            merge into trust_site_day t
            using (values (cast(? as date), cast(? as int))) as s(on_day, posts_published)
            on t.on_day = s.on_day
            when matched then update set posts_published = t.posts_published + s.posts_published
            when not matched then insert (on_day, posts_published) values (s.on_day, s.posts_published)""";

    private final JdbcTemplate jdbc;
    private final JdbcClient db;

    ActivityStore(JdbcTemplate jdbc, JdbcClient db) {
        this.jdbc = jdbc;
        this.db = db;
    }

    /**
     * Adds a buffer's counts in bulk: day counts as one MERGE per {@link #CHUNK} rows, the rest as one batch per
     * table. Rows go in key order, so two nodes flushing at once take their row locks in the same order.
     */
    void add(ActivityBuffer.Snapshot counts) {
        List<DayCounts> days = counts.days().values().stream()
                .sorted(java.util.Comparator.comparingLong(DayCounts::accountId).thenComparing(DayCounts::day)).toList();
        for (int from = 0; from < days.size(); from += CHUNK) {
            List<DayCounts> chunk = days.subList(from, Math.min(days.size(), from + CHUNK));
            List<Object> params = new ArrayList<>(chunk.size() * 9);
            for (DayCounts c : chunk) {
                params.addAll(java.util.Arrays.asList(c.accountId(), Date.valueOf(c.day()), c.visited(), c.postsEntered(),
                        c.postsRead(), c.readingSeconds(), c.likesGiven(), c.likesReceived(), c.replies()));
            }
            jdbc.batchUpdate(ENSURE_DAY, chunk.stream().map(c -> new Object[] {c.accountId(), Date.valueOf(c.day())}).toList());
            String rows = String.join(", ", java.util.Collections.nCopies(chunk.size(), DAY_ROW));
            jdbc.update(ADD_DAYS.formatted(rows), params.toArray());
        }
        if (!counts.likers().isEmpty()) {
            List<Object[]> rows = new ArrayList<>();
            counts.likers().forEach((k, day) -> rows.add(new Object[] {k.accountId(), k.other(), Date.valueOf(day)}));
            jdbc.batchUpdate(ENSURE_LIKER, rows);
            jdbc.batchUpdate(ADD_LIKERS, rows);
        }
        if (!counts.replyThreads().isEmpty()) {
            List<Object[]> rows = new ArrayList<>();
            counts.replyThreads().forEach((k, day) -> rows.add(new Object[] {k.accountId(), k.other(), Date.valueOf(day)}));
            jdbc.batchUpdate(ADD_THREADS, rows);
        }
        if (!counts.published().isEmpty()) {
            List<Object[]> rows = new ArrayList<>();
            counts.published().forEach((day, n) -> rows.add(new Object[] {Date.valueOf(day), n}));
            jdbc.batchUpdate(ADD_PUBLISHED, rows);
        }
    }

    /** Accounts whose level may change: active in the window, or regulars who may lose it. Keyset by account id. */
    List<Long> candidates(LocalDate since, long afterId, int limit) {
        return db.sql("select account_id from (select account_id from trust_activity_day where on_day >= :since "
                        + "union select account_id from trust_level where level = 3 and not granted_by_admin) c "
                        + "where account_id > :after order by account_id limit :limit")
                .param("since", Date.valueOf(since)).param("after", afterId).param("limit", limit)
                .query(Long.class).list();
    }

    /** Sums per account since {@code since} (null: all time), with the reply threads, likers and flags of that span. */
    Map<Long, Activity> activity(Collection<Long> accountIds, LocalDate since) {
        Map<Long, Activity> result = new HashMap<>();
        if (accountIds.isEmpty()) {
            return result;
        }
        LocalDate from = since == null ? LocalDate.of(1970, 1, 1) : since;
        Map<Long, Long> threads = counts("select account_id, count(*) from trust_reply_thread "
                + "where account_id in (:ids) and first_day >= :since group by account_id", accountIds, Date.valueOf(from));
        Map<Long, Long> likers = counts("select account_id, count(*) from trust_liker "
                + "where account_id in (:ids) and last_day >= :since group by account_id", accountIds, Date.valueOf(from));
        Map<Long, Long> flags = counts("select account_id, count(*) from trust_upheld_flag "
                + "where account_id in (:ids) and upheld_at >= :since group by account_id", accountIds,
                Timestamp.from(from.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
        db.sql("select account_id, sum(case when visited then 1 else 0 end) as days, sum(posts_entered) as entered, "
                        + "sum(posts_read) as posts_read, sum(reading_seconds) as seconds, sum(likes_given) as given, "
                        + "sum(likes_received) as received, sum(replies) as replies from trust_activity_day "
                        + "where account_id in (:ids) and on_day >= :since group by account_id")
                .param("ids", accountIds).param("since", Date.valueOf(from))
                .query((rs, n) -> {
                    long id = rs.getLong("account_id");
                    result.put(id, new Activity(rs.getLong("days"), rs.getLong("entered"), rs.getLong("posts_read"),
                            rs.getLong("seconds"), rs.getLong("given"), rs.getLong("received"), rs.getLong("replies"),
                            threads.getOrDefault(id, 0L), likers.getOrDefault(id, 0L), flags.getOrDefault(id, 0L)));
                    return id;
                }).list();
        for (Long id : accountIds) {
            result.computeIfAbsent(id, k -> new Activity(0, 0, 0, 0, 0, 0, 0, threads.getOrDefault(k, 0L),
                    likers.getOrDefault(k, 0L), flags.getOrDefault(k, 0L)));
        }
        return result;
    }

    /** How many posts the whole site published since {@code since}. */
    long publishedSince(LocalDate since) {
        return db.sql("select coalesce(sum(posts_published), 0) from trust_site_day where on_day >= ?")
                .param(Date.valueOf(since)).query(Long.class).single();
    }

    private Map<Long, Long> counts(String sql, Collection<Long> ids, Object since) {
        Map<Long, Long> counts = new HashMap<>();
        db.sql(sql).param("ids", ids).param("since", since).query((ResultSet rs, int n) -> counts.put(rs.getLong(1), rs.getLong(2))).list();
        return counts;
    }

    // --- personal data

    List<DayCounts> days(long accountId) {
        return db.sql("select * from trust_activity_day where account_id = ? order by on_day").param(accountId)
                .query(ActivityStore::dayCounts).list();
    }

    long dayCount(long accountId) {
        return db.sql("select count(*) from trust_activity_day where account_id = ?").param(accountId).query(Long.class).single();
    }

    long threadCount(long accountId) {
        return db.sql("select count(*) from trust_reply_thread where account_id = ?").param(accountId).query(Long.class).single();
    }

    List<Map<String, Object>> threads(long accountId) {
        return db.sql("select post_id, first_day from trust_reply_thread where account_id = ? order by first_day, post_id")
                .param(accountId).query((rs, n) -> Map.<String, Object>of("postId", Long.toString(rs.getLong(1)),
                        "firstDay", rs.getDate(2).toLocalDate().toString())).list();
    }

    /** How many different people liked this person's words (who they are is theirs to tell, not ours). */
    long likerCount(long accountId) {
        return db.sql("select count(*) from trust_liker where account_id = ?").param(accountId).query(Long.class).single();
    }

    void erase(long accountId) {
        db.sql("delete from trust_activity_day where account_id = ?").param(accountId).update();
        db.sql("delete from trust_reply_thread where account_id = ?").param(accountId).update();
        db.sql("delete from trust_liker where account_id = ? or liker_id = ?").params(accountId, accountId).update();
    }

    private static DayCounts dayCounts(ResultSet rs, int row) throws SQLException {
        return new DayCounts(rs.getLong("account_id"), rs.getDate("on_day").toLocalDate(), rs.getBoolean("visited"),
                rs.getInt("posts_entered"), rs.getInt("posts_read"), rs.getInt("reading_seconds"),
                rs.getInt("likes_given"), rs.getInt("likes_received"), rs.getInt("replies"));
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }
}
