package org.tribune.donation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.account.Role;
import org.tribune.platform.Forbidden;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import tools.jackson.databind.JsonNode;

@IntegrationTest
class TransparencyTest {

    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    DonationService service;
    @Autowired
    Transparency transparency;

    private static final java.util.concurrent.atomic.AtomicInteger NEXT_MONTH = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A month of the last century that no other test of this run uses (each call takes the next one; the database is
     * new for every run), so its rows are exactly what the test put there.
     */
    static String quietMonth() {
        int n = NEXT_MONTH.getAndIncrement() % 1200;
        return (1900 + n / 12) + "-" + String.format("%02d", 1 + n % 12);
    }

    static Transparency.Total total(Transparency.Report report, String currency) {
        return report.totals().stream().filter(t -> t.currency().equals(currency)).findFirst()
                .orElse(new Transparency.Total(currency, 0, 0, 0));
    }

    @Test
    void theLedgerAddsUpPerMonthAndPerCurrencyAndNeverMixesThem() {
        Account treasurer = members.withRole("tre", Role.TREASURER);
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        String month = quietMonth();
        Transparency.Report before = transparency.report();

        service.recordOffline(treasurer, ana.handle(), null, "50", "EUR", "BANK", month + "-03", null);
        service.recordOffline(treasurer, ana.handle(), null, "20.50", "EUR", "CASH", month + "-20", null);
        service.recordOffline(treasurer, bob.handle(), null, "30", "USD", "BANK", month + "-05", null);
        service.recordOffline(treasurer, "", "Someone at the fair", "5", "EUR", "CASH", month + "-06", null);
        transparency.recordExpense(treasurer, "Server rent", "12.25", "EUR", month + "-10");
        // test payments are not money: they are left out
        DonationService.Started test = service.start(bob, "9900", "EUR", "ONE_TIME", "k");
        service.payTest(bob, test.id());

        Transparency.Report after = transparency.report();
        List<Transparency.Month> rows = after.months().stream().filter(m -> m.month().equals(month)).toList();
        assertThat(rows).containsExactly(
                new Transparency.Month(month, "EUR", 7550, 1225, 2),
                new Transparency.Month(month, "USD", 3000, 0, 1));
        assertThat(total(after, "EUR").raised() - total(before, "EUR").raised()).isEqualTo(7550);
        assertThat(total(after, "EUR").spent() - total(before, "EUR").spent()).isEqualTo(1225);
        assertThat(total(after, "EUR").balance() - total(before, "EUR").balance()).isEqualTo(6325);
        assertThat(total(after, "USD").raised() - total(before, "USD").raised()).isEqualTo(3000);
        assertThat(after.donors() - before.donors()).isEqualTo(3);

        String csv = new WebClient(port).get("/transparency.csv").body();
        List<String> lines = Arrays.asList(csv.split("\n"));
        assertThat(lines.getFirst()).isEqualTo("month,currency,raised,expenses,net,donors");
        assertThat(lines).contains(month + ",EUR,75.50,12.25,63.25,2", month + ",USD,30.00,0.00,30.00,1");
        Transparency.Total eur = total(after, "EUR");
        assertThat(lines).contains("total,EUR," + new Money(eur.raised(), "EUR").plain() + "," + new Money(eur.spent(), "EUR").plain()
                + "," + new Money(eur.balance(), "EUR").plain() + "," + eur.donors());
    }

    @Test
    void theLedgerIsPublicAndNamesOnlyDonorsWhoOptedIn() {
        Account treasurer = members.withRole("tre", Role.TREASURER);
        Account shy = members.active("shy");
        Account proud = members.active("proud");
        service.recordOffline(treasurer, shy.handle(), null, "10", "USD", "BANK", quietMonth() + "-01", null);
        service.recordOffline(treasurer, proud.handle(), null, "10", "USD", "BANK", quietMonth() + "-01", null);
        service.savePreferences(proud, false, true);
        WebClient visitor = new WebClient(port);

        WebClient.Response page = visitor.get("/transparency");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.h1()).isEqualTo("Open ledger");
        assertThat(page.body()).contains("never added together").contains("/transparency.csv")
                .contains("@" + proud.handle().substring(0, 3)).contains("/@" + proud.handle())
                .doesNotContain(shy.handle()).doesNotContain(shy.displayName() + "<");
        assertThat(visitor.get("/transparency?lang=fr").h1()).isEqualTo("Comptes ouverts");
        WebClient.Response csv = visitor.get("/transparency.csv");
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment");

        JsonNode json = visitor.get("/api/v1/transparency").json();
        assertThat(json.get("totals").isArray()).isTrue();
        assertThat(json.get("totals").get(0).has("balance")).isTrue();
        assertThat(json.get("listed").toString()).contains(proud.handle()).doesNotContain(shy.handle());
    }

    @Test
    void onlyTreasurersAndAdminsRecordGiftsAndExpenses() {
        Account member = members.active("mem");
        assertThatThrownBy(() -> transparency.recordExpense(member, "Server", "10", "EUR", ""))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> service.recordOffline(member, "", "", "10", "EUR", "CASH", "", ""))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> service.all(member, null)).isInstanceOf(Forbidden.class);
        Account admin = members.admin("adm");
        transparency.recordExpense(admin, "Domain name", "15", "USD", "");
        assertThat(transparency.report().expenses()).extracting(Transparency.Expense::description).contains("Domain name");
    }
}
