package org.tribune.donation;

import static org.tribune.platform.Sql.instant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tribune.platform.personaldata.DataCategory;
import org.tribune.platform.personaldata.Erasure;
import org.tribune.platform.personaldata.ExportWriter;
import org.tribune.platform.personaldata.PersonalData;

/**
 * A person's donations and the payments made for them, and their donor preferences. Accounting must keep each
 * payment (amount, currency, date, the provider's reference), so erasure keeps those rows but cuts them loose from
 * the person: no account, no name, no note, no checkout address; the provider's stored events that concern them
 * lose their payload (which may hold the card holder's name and address).
 */
@Component
class DonationData implements PersonalData {
    static final DataCategory DONATIONS = new DataCategory("donations");

    private final JdbcClient db;

    DonationData(JdbcClient db) {
        this.db = db;
    }

    @Override
    public List<DataCategory> categories() {
        return List.of(DONATIONS);
    }

    @Override
    public Map<String, Long> counts(long accountId) {
        return Map.of(DONATIONS.name(), db.sql("select count(*) from donation where account_id = ?").param(accountId)
                .query(Long.class).single()
                + db.sql("select count(*) from donor_preference where account_id = ?").param(accountId).query(Long.class).single());
    }

    @Override
    public void export(long accountId, ExportWriter out) {
        List<Map<String, Object>> rows = new ArrayList<>(db.sql("select id, amount, currency, donation_interval, status, method, "
                        + "test, donor_name, note, created_at, failed_at, cancelled_at from donation where account_id = ? order by id")
                .param(accountId).query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("kind", "donation");
                    row.put("amountMinor", rs.getLong("amount"));
                    row.put("currency", rs.getString("currency"));
                    row.put("interval", rs.getString("donation_interval"));
                    row.put("status", rs.getString("status"));
                    row.put("method", rs.getString("method"));
                    row.put("test", rs.getBoolean("test"));
                    row.put("donorName", rs.getString("donor_name"));
                    row.put("note", rs.getString("note"));
                    row.put("published", instant(rs, "created_at"));
                    row.put("failedAt", instant(rs, "failed_at"));
                    row.put("cancelledAt", instant(rs, "cancelled_at"));
                    row.put("payments", db.sql("select amount, refunded, currency, paid_at from donation_payment "
                                    + "where donation_id = ? order by paid_at").param(rs.getLong("id"))
                            .query((p, m) -> {
                                Map<String, Object> payment = new LinkedHashMap<>();
                                payment.put("amountMinor", p.getLong("amount"));
                                payment.put("refundedMinor", p.getLong("refunded"));
                                payment.put("currency", p.getString("currency"));
                                payment.put("paidAt", instant(p, "paid_at"));
                                return payment;
                            }).list());
                    return row;
                }).list());
        rows.addAll(db.sql("select show_badge, listed from donor_preference where account_id = ?").param(accountId)
                .query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("kind", "preferences");
                    row.put("showBadge", rs.getBoolean("show_badge"));
                    row.put("listed", rs.getBoolean("listed"));
                    return row;
                }).list());
        out.records(DONATIONS.name(), rows);
    }

    @Override
    public void erase(long accountId, Erasure erasure) {
        List<String> references = new ArrayList<>();
        db.sql("select checkout_session, subscription from donation where account_id = ?").param(accountId)
                .query((rs, n) -> {
                    if (rs.getString("checkout_session") != null) {
                        references.add(rs.getString("checkout_session"));
                    }
                    if (rs.getString("subscription") != null) {
                        references.add(rs.getString("subscription"));
                    }
                    return n;
                }).list();
        for (String reference : references) {
            db.sql("update stripe_event set payload = '{}' where payload like ?").param("%" + reference + "%").update();
        }
        db.sql("update donation set account_id = null, donor_name = null, note = null, checkout_url = null, "
                + "idempotency_key = null, request_hash = null, response = null where account_id = ?").param(accountId).update();
        db.sql("delete from donor_preference where account_id = ?").param(accountId).update();
    }
}
