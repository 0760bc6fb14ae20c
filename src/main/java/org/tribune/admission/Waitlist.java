package org.tribune.admission;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code admission_queue} and {@code admission_donor} tables. The order is defined once, here, by
 * {@link #TIER} and {@link #AFTER}: the daily run walks it and a person's position counts the entries before them.
 */
@Repository
class Waitlist {
    static final String TIER = "(case when donor then 0 when invited then 1 else 2 end)";
    /** Entries after the one whose tier, verification time and id are the parameters, in queue order. */
    static final String AFTER = "(" + TIER + " > ? or (" + TIER + " = ? and verified_at > ?) or (" + TIER
            + " = ? and verified_at = ? and account_id > ?))";
    static final String BEFORE = "(" + TIER + " < ? or (" + TIER + " = ? and verified_at < ?) or (" + TIER
            + " = ? and verified_at = ? and account_id < ?))";
    static final String ORDER = " order by " + TIER + ", verified_at, account_id";
    private static final RowMapper<QueueEntry> ENTRY = Waitlist::entry;

    private final JdbcClient db;

    Waitlist(JdbcClient db) {
        this.db = db;
    }

    private static QueueEntry entry(ResultSet rs, int row) throws SQLException {
        return new QueueEntry(rs.getLong("account_id"), rs.getTimestamp("verified_at").toInstant(),
                rs.getBoolean("donor"), rs.getBoolean("invited"));
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** Adds a waiting account; false if it was already in the queue. */
    boolean add(QueueEntry entry) {
        return db.sql("insert into admission_queue (account_id, verified_at, donor, invited) values (?, ?, ?, ?) "
                        + "on conflict do nothing")
                .params(entry.accountId(), ts(entry.verifiedAt()), entry.donor(), entry.invited()).update() == 1;
    }

    boolean remove(long accountId) {
        return db.sql("delete from admission_queue where account_id = ?").param(accountId).update() == 1;
    }

    Optional<QueueEntry> of(long accountId) {
        return db.sql("select * from admission_queue where account_id = ?").param(accountId).query(ENTRY).optional();
    }

    /** The 1-based place of this entry: one more than the entries before it in queue order. */
    long position(QueueEntry entry) {
        return db.sql("select count(*) from admission_queue where " + BEFORE).params(keyOf(entry))
                .query(Long.class).single() + 1;
    }

    /** The first entries in queue order. */
    List<QueueEntry> first(int limit) {
        return db.sql("select * from admission_queue" + ORDER + " limit ?").param(limit).query(ENTRY).list();
    }

    /** The entries after {@code entry} in queue order. */
    List<QueueEntry> after(QueueEntry entry, int limit) {
        Object[] key = keyOf(entry);
        Object[] params = java.util.Arrays.copyOf(key, key.length + 1);
        params[key.length] = limit;
        return db.sql("select * from admission_queue where " + AFTER + ORDER + " limit ?").params(params)
                .query(ENTRY).list();
    }

    long size() {
        return db.sql("select count(*) from admission_queue").query(Long.class).single();
    }

    void markDonor(long accountId) {
        db.sql("update admission_queue set donor = true where account_id = ?").param(accountId).update();
    }

    void markInvited(long accountId) {
        db.sql("update admission_queue set invited = true where account_id = ?").param(accountId).update();
    }

    /** Remembers a donor who is not in the queue yet; false if already known. */
    boolean addDonor(long accountId, Instant at) {
        return db.sql("insert into admission_donor (account_id, marked_at) values (?, ?) on conflict do nothing")
                .params(accountId, ts(at)).update() == 1;
    }

    boolean isDonor(long accountId) {
        return db.sql("select count(*) from admission_donor where account_id = ?").param(accountId)
                .query(Long.class).single() > 0;
    }

    private static Object[] keyOf(QueueEntry e) {
        Timestamp at = ts(e.verifiedAt());
        return new Object[] {e.tier(), e.tier(), at, e.tier(), at, e.accountId()};
    }
}
