package org.tribune.donation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.platform.Forbidden;
import org.tribune.platform.Ids;
import org.tribune.platform.InvalidInput;

/**
 * The open ledger: money raised per month, donors, expenses and balance, each per currency. Amounts of different
 * currencies are never added together.
 */
@Service
public class Transparency {
    static final int EXPENSES_SHOWN = 100;
    static final int LISTED_SHOWN = 200;

    @Schema(name = "LedgerExpense")
    public record Expense(long id, String description, Money money, LocalDate spentOn) {
    }

    /** One month in one currency. */
    @Schema(name = "LedgerMonth")
    public record Month(String month, String currency, long raised, long spent, long net, long donors) {
        Month(String month, String currency, long raised, long spent, long donors) {
            this(month, currency, raised, spent, raised - spent, donors);
        }
    }

    /** All time in one currency. */
    @Schema(name = "LedgerTotal")
    public record Total(String currency, long raised, long spent, long balance, long donors) {
        Total(String currency, long raised, long spent, long donors) {
            this(currency, raised, spent, raised - spent, donors);
        }
    }

    @Schema(name = "LedgerDonor")
    public record ListedDonor(String handle, String displayName) {
    }

    @Schema(name = "Ledger")
    public record Report(List<Month> months, List<Total> totals, long donors, List<ListedDonor> listed, List<Expense> expenses) {
    }

    private final Ledger ledger;
    private final Donations donations;
    private final AccountService accounts;
    private final Ids ids;
    private final Clock clock;

    Transparency(Ledger ledger, Donations donations, AccountService accounts, Ids ids, Clock clock) {
        this.ledger = ledger;
        this.donations = donations;
        this.accounts = accounts;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Report report() {
        Map<String, long[]> byKey = new TreeMap<>(Comparator.reverseOrder()); // "month|currency" -> raised, spent, donors
        for (Ledger.MonthSum m : ledger.raisedByMonth()) {
            long[] row = byKey.computeIfAbsent(m.month() + "|" + m.currency(), k -> new long[3]);
            row[0] += m.amount();
            row[2] += m.donors();
        }
        for (Ledger.MonthSum m : ledger.spentByMonth()) {
            byKey.computeIfAbsent(m.month() + "|" + m.currency(), k -> new long[3])[1] += m.amount();
        }
        List<Month> months = new ArrayList<>();
        Map<String, long[]> totals = new TreeMap<>();
        byKey.forEach((key, row) -> {
            String[] parts = key.split("\\|");
            months.add(new Month(parts[0], parts[1], row[0], row[1], row[2]));
            long[] total = totals.computeIfAbsent(parts[1], k -> new long[3]);
            total[0] += row[0];
            total[1] += row[1];
        });
        for (Ledger.CurrencySum c : ledger.donorsByCurrency()) {
            totals.computeIfAbsent(c.currency(), k -> new long[3])[2] = c.donors();
        }
        months.sort(Comparator.comparing(Month::month).reversed().thenComparing(Month::currency));
        List<Total> totalList = totals.entrySet().stream()
                .map(e -> new Total(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
        List<Long> listedIds = donations.listedDonors(LISTED_SHOWN);
        Map<Long, Account> named = accounts.byIds(listedIds);
        List<ListedDonor> listed = listedIds.stream().map(named::get).filter(a -> a != null && a.isActive())
                .map(a -> new ListedDonor(a.handle(), a.displayName())).toList();
        return new Report(months, totalList, ledger.donors(), listed, ledger.expenses(EXPENSES_SHOWN));
    }

    /** An expense, entered by a treasurer or an admin: what, how much, when. */
    @Transactional
    public void recordExpense(Account treasurer, String description, String amount, String currency, String spentOn) {
        if (!DonationService.isTreasurer(treasurer)) {
            throw new Forbidden("donation.treasurers-only");
        }
        InvalidInput.Collector problems = new InvalidInput.Collector();
        String what = description == null ? "" : description.strip();
        if (what.isEmpty() || what.length() > 200) {
            problems.add("description", "expense.description.invalid");
        }
        Long minor = Money.parseMajor(amount);
        if (minor == null || minor < 1 || minor > Money.MAX_MINOR) {
            problems.add("expenseAmount", "donation.amount.invalid");
        }
        if (!Money.accepted(currency)) {
            problems.add("expenseCurrency", "donation.currency.invalid");
        }
        LocalDate day = Ledger.parseDay(spentOn, LocalDate.now(clock));
        if (day == null) {
            problems.add("spentOn", "donation.date.invalid");
        }
        problems.throwIfAny();
        ledger.insertExpense(ids.next(), what, minor, currency, day, treasurer.id(), clock.instant());
    }

    /** The ledger as CSV: one line per month and currency, then one total line per currency. Amounts in major units. */
    public String csv() {
        Report report = report();
        StringBuilder out = new StringBuilder("month,currency,raised,expenses,net,donors\n");
        for (Month m : report.months()) {
            out.append(m.month()).append(',').append(m.currency()).append(',').append(new Money(m.raised(), m.currency()).plain())
                    .append(',').append(new Money(m.spent(), m.currency()).plain()).append(',')
                    .append(new Money(m.net(), m.currency()).plain()).append(',').append(m.donors()).append('\n');
        }
        for (Total t : report.totals()) {
            out.append("total,").append(t.currency()).append(',').append(new Money(t.raised(), t.currency()).plain())
                    .append(',').append(new Money(t.spent(), t.currency()).plain()).append(',')
                    .append(new Money(t.balance(), t.currency()).plain()).append(',').append(t.donors()).append('\n');
        }
        return out.toString();
    }
}
