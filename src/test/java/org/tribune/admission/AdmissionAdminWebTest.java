package org.tribune.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.TestMail;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.AccountState;
import org.tribune.account.Members;
import org.tribune.account.TokenService;

/** Only administrators see the queue, set the quota and admit by hand: over the API and on the admin page. */
@IntegrationTest
class AdmissionAdminWebTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    AdmissionService admission;
    @Autowired
    TokenService tokens;

    @AfterEach
    void openGates() {
        admission.setDailyQuota(null, 0);
    }

    WebClient api(Account account) {
        return new WebClient(port).header("Authorization", "Bearer " + tokens.createFor(account.id(), "test"));
    }

    WebClient signedIn(Account account) {
        WebClient browser = new WebClient(port);
        browser.login(account.email(), Members.PASSWORD);
        return browser;
    }

    static Map<String, Object> quota(Object value) {
        Map<String, Object> body = new HashMap<>();
        body.put("dailyQuota", value);
        return body;
    }

    @Test
    void anAdminSetsTheQuotaOverTheApi() {
        WebClient admin = api(members.admin("adm"));

        WebClient.Response set = admin.sendJson("PUT", "/api/v1/admin/admission", quota(12));
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("dailyQuota").asInt()).isEqualTo(12);
        assertThat(admission.dailyQuota()).isEqualTo(12);
        assertThat(admin.get("/api/v1/admin/admission").json().get("dailyQuota").asInt()).isEqualTo(12);

        WebClient.Response closed = admin.sendJson("PUT", "/api/v1/admin/admission", quota(0));
        assertThat(closed.json().get("dailyQuota").asInt()).isZero();

        WebClient.Response open = admin.sendJson("PUT", "/api/v1/admin/admission", quota(-1));
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.json().get("dailyQuota").isNull()).isTrue();
        assertThat(admission.dailyQuota()).isNull();
    }

    @Test
    void badQuotasAreProblemsNotFailures() {
        WebClient admin = api(members.admin("adm"));
        for (String body : new String[] {"{\"dailyQuota\": -5}", "{\"dailyQuota\": \"many\"}",
                "{\"dailyQuota\": 99999999999}", "not json", "", "{\"dailyQuota\": 1000001}", "{\"dailyQuota\": null}",
                "{}", "{\"dailyQuota\": 5.5}", "{\"dailyQuota\": \"5\"}", "{\"dailyQuota\": true}", "{\"dailyQuota\": 5, \"daily\": 1}"}) {
            WebClient.Response r = admin.sendJson("PUT", "/api/v1/admin/admission", body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.header("Content-Type")).as(body).startsWith("application/problem+json");
        }
        assertThat(admission.dailyQuota()).isNull();
    }

    @Test
    void onlyAdminsChangeTheQuota() {
        Account member = members.active("mem");
        assertThat(api(member).sendJson("PUT", "/api/v1/admin/admission", quota(0)).status()).isEqualTo(403);
        assertThat(new WebClient(port).sendJson("PUT", "/api/v1/admin/admission", quota(0)).status()).isEqualTo(401);
        WebClient browser = signedIn(member);
        assertThat(browser.post("/admin/admission/quota", "dailyQuota", "0").status()).isEqualTo(403);
        assertThat(admission.dailyQuota()).isNull();
    }

    @Test
    void onlyAdminsSeeTheQueue() {
        Account member = members.active("mem");
        assertThat(api(member).get("/api/v1/admin/waitlist").status()).isEqualTo(403);
        assertThat(new WebClient(port).get("/api/v1/admin/waitlist").status()).isEqualTo(401);
        assertThat(signedIn(member).get("/admin/admission").status()).isEqualTo(403);
        assertThat(new WebClient(port).get("/admin/admission").location()).isEqualTo("/login");
    }

    @Test
    void onlyAdminsAdmitByHand() {
        admission.setDailyQuota(0, 0);
        Account ana = members.verified("ana");
        Account member = members.active("mem");

        assertThat(api(member).postJson("/api/v1/admin/waitlist/" + ana.handle() + "/admit", "").status()).isEqualTo(403);
        assertThat(new WebClient(port).postJson("/api/v1/admin/waitlist/" + ana.handle() + "/admit", "").status()).isEqualTo(401);
        assertThat(signedIn(member).post("/admin/admission/admit", "handle", ana.handle()).status()).isEqualTo(403);
        assertThat(members.reload(ana).state()).isEqualTo(AccountState.WAITING);
    }

    @Test
    void anAdminSeesTheQueueAndAdmitsSomeoneByHand() {
        admission.setDailyQuota(0, 0);
        Account ana = members.verified("ana");
        WebClient admin = api(members.admin("adm"));
        long place = admission.position(ana.id()).getAsLong();

        var list = admin.get("/api/v1/admin/waitlist").json();
        assertThat(list.get("dailyQuota").asInt()).isZero();
        assertThat(list.get("waiting").asLong()).isGreaterThanOrEqualTo(place);
        if (place <= AdmissionService.PAGE_SIZE) {
            var entry = list.get("items").get((int) place - 1);
            assertThat(entry.get("handle").asString()).isEqualTo(ana.handle());
            assertThat(entry.get("position").asLong()).isEqualTo(place);
        }

        WebClient.Response admitted = admin.postJson("/api/v1/admin/waitlist/" + ana.handle() + "/admit", "");
        assertThat(admitted.status()).isEqualTo(200);
        assertThat(admitted.json().get("admitted").asBoolean()).isTrue();
        assertThat(admitted.json().get("state").asString()).isEqualTo("ACTIVE");
        assertThat(TestMail.await(ana.email(), 2).subject()).isEqualTo("You are in: welcome to Tribune");

        WebClient.Response again = admin.postJson("/api/v1/admin/waitlist/" + ana.handle() + "/admit", "");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("admitted").asBoolean()).isFalse();
        assertThat(admin.postJson("/api/v1/admin/waitlist/nobody_here_at_all/admit", "").status()).isEqualTo(404);
        Account unverified = members.unverified("unv");
        WebClient.Response refused = admin.postJson("/api/v1/admin/waitlist/" + unverified.handle() + "/admit", "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void theAdminPageShowsTheQueueTheQuotaAndTheRuns() {
        admission.setDailyQuota(0, 0);
        Account ana = members.verified("ana");
        WebClient admin = signedIn(members.admin("adm"));
        admission.run(Days.unused());

        WebClient.Response page = admin.get("/admin/admission");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.h1()).isEqualTo("Admission");
        assertThat(page.body()).contains("Daily quota").contains("Daily runs").contains("name=\"dailyQuota\"");

        assertThat(admin.post("/admin/admission/quota", "dailyQuota", "4").location()).isEqualTo("/admin/admission");
        assertThat(admission.dailyQuota()).isEqualTo(4);
        assertThat(admin.post("/admin/admission/quota", "dailyQuota", "lots").status()).isEqualTo(400);
        assertThat(admin.post("/admin/admission/admit", "handle", "@" + ana.handle()).location()).isEqualTo("/admin/admission");
        assertThat(members.reload(ana).state()).isEqualTo(AccountState.ACTIVE);
        assertThat(admin.post("/admin/admission/quota", "dailyQuota", "").location()).isEqualTo("/admin/admission");
        assertThat(admission.dailyQuota()).isNull();
        assertThat(admin.get("/admin/admission?after=garbage").status()).isEqualTo(400);
        admin.post("/settings/language", "locale", "fr", "returnTo", "/admin/admission");
        assertThat(admin.get("/admin/admission").body()).contains("Quota quotidien").contains("File d’attente");
    }
}
