package org.tribune.donation;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The open ledger's sums, and the {@code expense} table. Only real money counts: test payments are left out. */
@Repository
class Ledger {
    record MonthSum(String month, String currency, long amount, long donors) {
    }

    record CurrencySum(String currency, long amount, long donors) {
    }

    private final JdbcClient db;

    Ledger(JdbcClient db) {
        this.db = db;
    }

    /** "2026-11-03", or today when blank; null when it is not a date. */
    static LocalDate parseDay(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            return today;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Money received per month and currency, refunds deducted; a gift without account counts as one donor. */
    List<MonthSum> raisedByMonth() {
        return db.sql("select p.paid_month, p.currency, sum(p.amount - p.refunded) as raised, "
                        + "count(distinct coalesce(d.account_id, d.id)) as donors "
                        + "from donation_payment p join donation d on d.id = p.donation_id where p.live = true "
                        + "group by p.paid_month, p.currency")
                .query((rs, n) -> new MonthSum(rs.getString("paid_month"), rs.getString("currency"), rs.getLong("raised"),
                        rs.getLong("donors")))
                .list();
    }

    List<MonthSum> spentByMonth() {
        return db.sql("select spent_month, currency, sum(amount) as spent from expense group by spent_month, currency")
                .query((rs, n) -> new MonthSum(rs.getString("spent_month"), rs.getString("currency"), rs.getLong("spent"), 0))
                .list();
    }

    List<CurrencySum> donorsByCurrency() {
        return db.sql("select p.currency, count(distinct coalesce(d.account_id, d.id)) as donors "
                        + "from donation_payment p join donation d on d.id = p.donation_id "
                        + "where p.live = true and p.refunded < p.amount group by p.currency")
                .query((rs, n) -> new CurrencySum(rs.getString("currency"), 0, rs.getLong("donors"))).list();
    }

    long donors() {
        return db.sql("select count(distinct coalesce(d.account_id, d.id)) from donation_payment p "
                        + "join donation d on d.id = p.donation_id where p.live = true and p.refunded < p.amount")
                .query(Long.class).single();
    }

    void insertExpense(long id, String description, long amount, String currency, LocalDate spentOn, long recordedBy, Instant at) {
        db.sql("insert into expense (id, description, amount, currency, spent_on, spent_month, recorded_by, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, description, amount, currency, Date.valueOf(spentOn), spentOn.toString().substring(0, 7),
                        recordedBy, Donations.ts(at))
                .update();
    }

    /** Newest first, keyset-paginated on (day, id). */
    List<Transparency.Expense> expenses(int limit) {
        return db.sql("select id, description, amount, currency, spent_on from expense order by spent_on desc, id desc limit ?")
                .param(limit)
                .query((rs, n) -> new Transparency.Expense(rs.getLong("id"), rs.getString("description"),
                        new Money(rs.getLong("amount"), rs.getString("currency")), rs.getDate("spent_on").toLocalDate()))
                .list();
    }
}
