package org.tribune.donation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code donation}, {@code donation_payment} and {@code donor_preference} tables. */
@Repository
class Donations {
    private static final String COLUMNS = "id, account_id, amount, currency, donation_interval, status, method, test, "
            + "subscription, checkout_url, donor_name, note, created_at, failed_at, cancelled_at";
    private static final String PAYMENT_COLUMNS = "id, donation_id, amount, refunded, currency, live, paid_at";
    private static final RowMapper<Donation> DONATION = Donations::donation;
    private static final RowMapper<Payment> PAYMENT = (rs, n) -> new Payment(rs.getLong("id"), rs.getLong("donation_id"),
            rs.getLong("amount"), rs.getLong("refunded"), rs.getString("currency"), rs.getBoolean("live"), instant(rs, "paid_at"));

    /** What an Idempotency-Key already holds: the hash of the request that used it, and its answer once made. */
    record Claimed(long donationId, String requestHash, String response) {
    }

    private final JdbcClient db;

    Donations(JdbcClient db) {
        this.db = db;
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static String month(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString().substring(0, 7);
    }

    private static Donation donation(ResultSet rs, int row) throws SQLException {
        long account = rs.getLong("account_id");
        return new Donation(rs.getLong("id"), rs.wasNull() ? null : account, rs.getLong("amount"), rs.getString("currency"),
                DonationInterval.valueOf(rs.getString("donation_interval")), DonationStatus.valueOf(rs.getString("status")),
                rs.getString("method"), rs.getBoolean("test"), rs.getString("subscription"), rs.getString("checkout_url"),
                rs.getString("donor_name"), rs.getString("note"), instant(rs, "created_at"), instant(rs, "failed_at"),
                instant(rs, "cancelled_at"));
    }

    void insert(Donation d, String idempotencyKey, String requestHash) {
        db.sql("insert into donation (id, account_id, amount, currency, donation_interval, status, method, test, donor_name, "
                        + "note, idempotency_key, request_hash, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(d.id(), d.accountId(), d.amount(), d.currency(), d.interval().name(), d.status().name(), d.method(),
                        d.test(), d.donorName(), d.note(), idempotencyKey, requestHash, ts(d.createdAt()))
                .update();
    }

    Optional<Claimed> claimed(long accountId, String idempotencyKey) {
        return db.sql("select id, request_hash, response from donation where account_id = ? and idempotency_key = ?")
                .params(accountId, idempotencyKey)
                .query((rs, n) -> new Claimed(rs.getLong("id"), rs.getString("request_hash"), rs.getString("response")))
                .optional();
    }

    void saveCheckout(long id, String checkoutUrl, String response) {
        db.sql("update donation set checkout_url = ?, response = ? where id = ?").params(checkoutUrl, response, id).update();
    }

    Optional<Donation> byId(long id) {
        return db.sql("select " + COLUMNS + " from donation where id = ?").param(id).query(DONATION).optional();
    }

    Optional<Donation> bySubscription(String subscription) {
        return db.sql("select " + COLUMNS + " from donation where subscription = ?").param(subscription).query(DONATION).optional();
    }

    /** An account's donations, newest first, keyset-paginated. */
    List<Donation> ofAccount(long accountId, long beforeId, int limit) {
        return db.sql("select " + COLUMNS + " from donation where account_id = ? and id < ? order by id desc limit ?")
                .params(accountId, beforeId, limit).query(DONATION).list();
    }

    /** Every donation, newest first, for treasurers. */
    List<Donation> newest(long beforeId, int limit) {
        return db.sql("select " + COLUMNS + " from donation where id < ? order by id desc limit ?")
                .params(beforeId, limit).query(DONATION).list();
    }

    void attachCheckout(long id, String session, String subscription) {
        db.sql("update donation set checkout_session = coalesce(?, checkout_session), subscription = coalesce(?, subscription) where id = ?")
                .params(session, subscription, id).update();
    }

    /** Moves to {@code status} unless the donation is already cancelled or refunded. */
    void advance(long id, DonationStatus status) {
        db.sql("update donation set status = ? where id = ? and status not in ('CANCELLED', 'REFUNDED')")
                .params(status.name(), id).update();
    }

    void markFailed(long id, Instant at) {
        db.sql("update donation set status = 'FAILED', failed_at = ? where id = ? and status not in ('CANCELLED', 'REFUNDED')")
                .params(ts(at), id).update();
    }

    /** True if this call cancelled it; a cancelled or refunded donation stays as it is. */
    boolean markCancelled(long id, Instant at) {
        return db.sql("update donation set status = 'CANCELLED', cancelled_at = ? where id = ? and status not in ('CANCELLED', 'REFUNDED')")
                .params(ts(at), id).update() == 1;
    }

    void markRefunded(long id) {
        db.sql("update donation set status = 'REFUNDED' where id = ?").param(id).update();
    }

    /** Records a payment once: false if its reference is already known. */
    boolean insertPayment(long id, long donationId, String reference, String charge, String paymentIntent, long amount,
            String currency, boolean live, Instant paidAt) {
        return db.sql("insert into donation_payment (id, donation_id, reference, charge, payment_intent, amount, refunded, "
                        + "currency, live, paid_at, paid_month) select ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ? "
                        + "where not exists (select 1 from donation_payment where reference = ?)")
                .params(id, donationId, reference, charge, paymentIntent, amount, currency, live, ts(paidAt), month(paidAt), reference)
                .update() == 1;
    }

    /** The payment a refund names, by charge or payment intent. */
    Optional<Payment> paymentOf(String charge, String paymentIntent) {
        return db.sql("select " + PAYMENT_COLUMNS + " from donation_payment where charge = ? or payment_intent = ? "
                        + "or reference = ? order by id limit 1")
                .params(charge, paymentIntent, paymentIntent).query(PAYMENT).optional();
    }

    /** Refunds only grow: the provider sends the total refunded so far, and an older event must not lower it. */
    void setRefunded(long paymentId, long refunded) {
        db.sql("update donation_payment set refunded = greatest(refunded, ?) where id = ?").params(refunded, paymentId).update();
    }

    List<Payment> payments(long donationId) {
        return db.sql("select " + PAYMENT_COLUMNS + " from donation_payment where donation_id = ? order by paid_at desc, id desc limit 500")
                .param(donationId).query(PAYMENT).list();
    }

    Optional<Instant> lastPaidAt(long donationId) {
        return Optional.ofNullable(db.sql("select max(paid_at) as last_paid from donation_payment where donation_id = ?")
                .param(donationId).query((rs, n) -> instant(rs, "last_paid")).single());
    }

    /** Whether the account has a payment that was not wholly refunded. */
    boolean hasGiven(long accountId) {
        return db.sql("select count(*) from donation_payment p join donation d on d.id = p.donation_id "
                        + "where d.account_id = ? and p.refunded < p.amount").param(accountId).query(Long.class).single() > 0;
    }

    record Preference(boolean showBadge, boolean listed) {
        static final Preference NONE = new Preference(false, false);
    }

    Preference preference(long accountId) {
        return db.sql("select show_badge, listed from donor_preference where account_id = ?").param(accountId)
                .query((rs, n) -> new Preference(rs.getBoolean("show_badge"), rs.getBoolean("listed"))).optional()
                .orElse(Preference.NONE);
    }

    void savePreference(long accountId, Preference preference) {
        if (db.sql("update donor_preference set show_badge = ?, listed = ? where account_id = ?")
                .params(preference.showBadge(), preference.listed(), accountId).update() == 0) {
            db.sql("insert into donor_preference (account_id, show_badge, listed) values (?, ?, ?)")
                    .params(accountId, preference.showBadge(), preference.listed()).update();
        }
    }

    /** Accounts that chose to be listed and gave real money, most recent gift first. */
    List<Long> listedDonors(int limit) {
        return db.sql("select d.account_id, max(p.paid_at) as last_paid from donation_payment p join donation d on d.id = p.donation_id "
                        + "join donor_preference f on f.account_id = d.account_id "
                        + "where f.listed = true and p.live = true and p.refunded < p.amount "
                        + "group by d.account_id order by last_paid desc limit ?")
                .param(limit).query((rs, n) -> rs.getLong("account_id")).list();
    }
}
