package org.tribune.donation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.tribune.IntegrationTest;
import org.tribune.TestMail;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.account.Role;

@IntegrationTest
@RecordApplicationEvents
class DonationWebTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    DonationService service;
    @Autowired
    Donations donations;
    @Autowired
    ApplicationEvents events;

    WebClient signedIn(Account account) {
        WebClient browser = new WebClient(port);
        browser.login(account.email(), Members.PASSWORD);
        return browser;
    }

    static long idIn(String location) {
        Matcher m = Pattern.compile("/donate/(\\d+)").matcher(location);
        assertThat(m.find()).as(location).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void theDonatePageSaysEverythingIsFreeAndShowsTheSuggestedAmounts() {
        WebClient visitor = new WebClient(port);
        WebClient.Response page = visitor.get("/donate");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.h1()).isEqualTo("Support Tribune");
        assertThat(page.body()).contains("Every feature of Tribune is free for everyone")
                .contains("Offline mode.").contains("$13.00 a month").contains("$100.00 a year")
                .contains("€12.00 a month").contains("€90.00 a year").contains("£10.00 a month").contains("£80.00 a year")
                .contains("Sign in to donate");
        WebClient.Response french = visitor.get("/donate?lang=fr");
        assertThat(french.h1()).isEqualTo("Soutenir Tribune");
        assertThat(french.body()).contains("Toutes les fonctions de Tribune sont gratuites");
    }

    @Test
    void aNewcomerWalksTheTestPaymentFromFormToReceipt() {
        Account ana = members.active("ana");
        WebClient browser = signedIn(ana);
        WebClient.Response form = browser.get("/donate?interval=ONE_TIME&currency=EUR&amount=12");
        assertThat(form.body()).contains("name=\"key\"").contains("Continue to the test payment");
        String key = Pattern.compile("name=\"key\" value=\"([^\"]+)\"").matcher(form.body()).results().findFirst().orElseThrow().group(1);

        WebClient.Response started = browser.post("/donate", "amount", "12,50", "currency", "EUR", "interval", "ONE_TIME", "key", key);
        long id = idIn(started.location());
        // the same form sent twice makes one donation
        assertThat(idIn(browser.post("/donate", "amount", "12,50", "currency", "EUR", "interval", "ONE_TIME", "key", key).location())).isEqualTo(id);
        WebClient.Response pending = browser.get("/donate/" + id);
        assertThat(pending.h1()).isEqualTo("Your donation");
        assertThat(pending.body()).contains("Waiting for payment").contains("Pay (test, no money moves)").contains("€12.50");

        WebClient.Response paid = browser.post("/donate/" + id + "/test-payment");
        assertThat(paid.location()).isEqualTo("/donate/" + id);
        assertThat(browser.get("/donate/" + id).body()).contains("Paid").contains("Test payment done");

        TestMail.Mail receipt = TestMail.await(ana.email(), 2);
        assertThat(receipt.subject()).isEqualTo("Your receipt: €12.50 for Tribune");
        assertThat(receipt.body()).contains("test payment").contains("/settings/donations");
        assertThat(donations.byId(id).orElseThrow().status()).isEqualTo(DonationStatus.PAID);
        assertThat(browser.get("/settings/donations").body()).contains("€12.50").contains("Receipts");
        // paying twice is refused
        assertThat(browser.post("/donate/" + id + "/test-payment").status()).isEqualTo(409);
    }

    @Test
    void aTestPaymentPublishesDonationConfirmedAndAFrenchReceipt() {
        Account luc = members.active("luc");
        signedIn(luc).post("/settings/preferences", "locale", "fr", "timeZone", "Europe/Paris");
        Account french = members.reload(luc);
        DonationService.Started started = service.start(french, "1200", "EUR", "MONTHLY", "k");

        service.payTest(french, started.id());

        assertThat(events.stream(DonationEvents.DonationConfirmed.class))
                .contains(new DonationEvents.DonationConfirmed(started.id(), french.id()));
        assertThat(donations.byId(started.id()).orElseThrow().status()).isEqualTo(DonationStatus.ACTIVE);
        TestMail.Mail receipt = TestMail.await(french.email(), 2);
        assertThat(receipt.subject()).startsWith("Votre reçu").contains("12,00");
        assertThat(receipt.body()).contains("Chaque mois");
    }

    @Test
    void aTestSubscriptionRenewsThroughTheWebhookWithAReceiptEachTime() {
        Account ana = members.active("ana");
        DonationService.Started started = service.start(ana, "10000", "USD", "YEARLY", "k");
        WebClient browser = signedIn(ana);
        assertThat(browser.post("/donate/" + started.id() + "/test-renewal").status()).isEqualTo(409);
        browser.post("/donate/" + started.id() + "/test-payment");
        assertThat(browser.get("/donate/" + started.id()).body()).contains("Play the next payment (test)");

        assertThat(browser.post("/donate/" + started.id() + "/test-renewal").location()).isEqualTo("/donate/" + started.id());

        assertThat(donations.payments(started.id())).hasSize(2);
        assertThat(TestMail.await(ana.email(), 3).subject()).isEqualTo("Your receipt: $100.00 for Tribune");
        Account eve = members.active("eve");
        assertThat(signedIn(eve).post("/donate/" + started.id() + "/test-renewal").status()).isEqualTo(404);
    }

    @Test
    void aMonthlyDonationIsCancelledInOneClick() {
        Account ana = members.active("ana");
        DonationService.Started started = service.start(ana, "1300", "USD", "MONTHLY", "k");
        service.payTest(ana, started.id());
        WebClient browser = signedIn(ana);
        WebClient.Response settings = browser.get("/settings/donations");
        assertThat(settings.h1()).isEqualTo("Your donations");
        assertThat(settings.body()).contains("action=\"/settings/donations/" + started.id() + "/cancel\"");

        WebClient.Response cancelled = browser.post("/settings/donations/" + started.id() + "/cancel");

        assertThat(cancelled.location()).isEqualTo("/settings/donations");
        assertThat(donations.byId(started.id()).orElseThrow().status()).isEqualTo(DonationStatus.CANCELLED);
        assertThat(browser.get("/settings/donations").body()).contains("Cancelled")
                .doesNotContain("action=\"/settings/donations/" + started.id() + "/cancel\"");
    }

    @Test
    void aMemberCannotSeeOrTouchSomeoneElsesDonation() {
        Account ana = members.active("ana");
        Account eve = members.active("eve");
        DonationService.Started started = service.start(ana, "1300", "USD", "MONTHLY", "k");
        WebClient eves = signedIn(eve);

        assertThat(eves.get("/donate/" + started.id()).status()).isEqualTo(404);
        assertThat(eves.post("/donate/" + started.id() + "/test-payment").status()).isEqualTo(404);
        assertThat(eves.post("/settings/donations/" + started.id() + "/cancel").status()).isEqualTo(404);
        assertThat(eves.get("/settings/donations").body()).doesNotContain(Long.toString(started.id()));
        assertThat(new WebClient(port).get("/donate/" + started.id()).location()).isEqualTo("/login");
        assertThat(donations.byId(started.id()).orElseThrow().status()).isEqualTo(DonationStatus.PENDING);
        // a treasurer may look, but not pay or cancel in the donor's place
        WebClient treasurer = signedIn(members.withRole("tre", Role.TREASURER));
        assertThat(treasurer.get("/donate/" + started.id()).status()).isEqualTo(200);
        assertThat(treasurer.post("/settings/donations/" + started.id() + "/cancel").status()).isEqualTo(404);
    }

    @Test
    void onlyTreasurersAndAdminsUseTheTreasury() {
        Account member = members.active("mem");
        Account moderator = members.withRole("mod", Role.MODERATOR);
        for (Account refused : new Account[] {member, moderator}) {
            WebClient browser = signedIn(refused);
            assertThat(browser.get("/treasury").status()).isEqualTo(403);
            assertThat(browser.post("/treasury/donations", "amount", "50", "currency", "EUR", "method", "BANK").status()).isEqualTo(403);
            assertThat(browser.post("/treasury/expenses", "description", "Server", "expenseAmount", "20", "expenseCurrency", "EUR").status()).isEqualTo(403);
        }
        assertThat(new WebClient(port).get("/treasury").location()).isEqualTo("/login");
        assertThat(service.all(members.admin("adm"), null)).isNotNull();
        for (Account allowed : new Account[] {members.withRole("tre", Role.TREASURER), members.admin("adm")}) {
            WebClient browser = signedIn(allowed);
            WebClient.Response page = browser.get("/treasury");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.h1()).isEqualTo("Treasury");
        }
    }

    @Test
    void aTreasurerRecordsABankTransferAndTheDonorGetsAReceipt() {
        Account treasurer = members.withRole("tre", Role.TREASURER);
        Account donor = members.active("don");
        WebClient browser = signedIn(treasurer);

        WebClient.Response bad = browser.post("/treasury/donations", "donor", "@nobody_here_at_all", "amount", "0.5", "currency", "JPY", "method", "GOLD");
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("No account has this handle").contains("Enter an amount").contains("Choose US dollars")
                .contains("Choose bank transfer or cash");
        WebClient.Response recorded = browser.post("/treasury/donations", "donor", "@" + donor.handle(), "amount", "50",
                "currency", "GBP", "method", "BANK", "receivedOn", "2026-03-02", "note", "ref 42");

        assertThat(recorded.location()).isEqualTo("/treasury");
        Donation gift = donations.ofAccount(donor.id(), Long.MAX_VALUE, 5).getFirst();
        assertThat(gift.method()).isEqualTo("BANK");
        assertThat(gift.status()).isEqualTo(DonationStatus.PAID);
        assertThat(gift.money()).isEqualTo(new Money(5000, "GBP"));
        assertThat(TestMail.await(donor.email(), 2).subject()).isEqualTo("Your receipt: £50.00 for Tribune");
        assertThat(browser.get("/treasury").body()).contains("£50.00").contains("Bank transfer");
    }

    @Test
    void theDonorBadgeIsOffByDefaultAndShownWhenChosen() {
        Account ana = members.active("ana");
        DonationService.Started started = service.start(ana, "1300", "USD", "ONE_TIME", "k");
        service.payTest(ana, started.id());
        WebClient visitor = new WebClient(port);
        assertThat(visitor.get("/@" + ana.handle()).body()).doesNotContain("class=\"badge\">Donor");

        signedIn(ana).post("/settings/donations/preferences", "showBadge", "true");

        assertThat(visitor.get("/@" + ana.handle()).body()).contains("class=\"badge\">Donor");
        assertThat(service.preferences(ana.id())).isEqualTo(new DonationService.Preferences(true, false));
        // someone who never gave shows no badge, whatever they tick
        Account bob = members.active("bob");
        signedIn(bob).post("/settings/donations/preferences", "showBadge", "true");
        assertThat(visitor.get("/@" + bob.handle()).body()).doesNotContain("class=\"badge\">Donor");
    }
}
