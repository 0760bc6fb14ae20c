package org.tribune.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.AccountState;
import org.tribune.account.Members;

/** A waiting person who donates is admitted as soon as the payment is confirmed. */
@IntegrationTest
class DonorAdmissionTest {
    @LocalServerPort
    int port;
    @Autowired
    AdmissionService admission;
    @Autowired
    Members members;

    @AfterEach
    void openGates() {
        admission.setDailyQuota(null, 0);
    }

    @Test
    void aConfirmedDonationLetsAWaitingDonorIn() {
        admission.setDailyQuota(0, 0);
        Account waiting = members.verified("donor");
        assertThat(waiting.state()).isEqualTo(AccountState.WAITING);
        WebClient browser = new WebClient(port);
        browser.login(waiting.email(), Members.PASSWORD);

        WebClient.Response form = browser.get("/donate?interval=ONE_TIME&currency=USD&amount=13");
        assertThat(form.status()).as("a waiting person may donate").isEqualTo(200);
        assertThat(form.body()).contains("Continue to the test payment");
        String key = Pattern.compile("name=\"key\" value=\"([^\"]+)\"").matcher(form.body()).results().findFirst().orElseThrow().group(1);
        WebClient.Response started = browser.post("/donate", "amount", "13", "currency", "USD", "interval", "ONE_TIME", "key", key);
        assertThat(members.reload(waiting).state()).isEqualTo(AccountState.WAITING);
        assertThat(started.location()).matches("/donate/\\d+");
        assertThat(browser.get(started.location()).body()).contains("Pay (test, no money moves)");
        WebClient.Response paid = browser.post(started.location() + "/test-payment");
        assertThat(paid.location()).isEqualTo(started.location());

        assertThat(members.reload(waiting).state()).isEqualTo(AccountState.ACTIVE);
        assertThat(browser.get(started.location()).body()).as("told where they look that they are in")
                .contains("you are in, and the home feed is yours");
        assertThat(browser.get("/").status()).as("the home feed, not the waiting list").isEqualTo(200);
    }
}
