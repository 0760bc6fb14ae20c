package org.tribune.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tribune.ProblemDetails.assertProblem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.TestMail;
import org.tribune.WebClient;

import tools.jackson.databind.JsonNode;

@IntegrationTest
class AdminUsersWebTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    TokenService tokens;
    Account admin;
    WebClient adminBrowser;

    @BeforeEach
    void adminSignsIn() {
        admin = members.admin("adm");
        adminBrowser = signedIn(admin);
    }

    private WebClient signedIn(Account account) {
        WebClient browser = new WebClient(port);
        assertThat(browser.login(account.email(), Members.PASSWORD).location()).isEqualTo("/");
        return browser;
    }

    /** The rows of the audit log page that are about this account. */
    private List<String> auditRowsAbout(Account subject) {
        WebClient.Response audit = adminBrowser.get("/admin/audit");
        assertThat(audit.status()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        Matcher m = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(audit.body());
        while (m.find()) {
            if (m.group(1).contains("href=\"/admin/users/" + subject.handle() + "\"")) {
                rows.add(m.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip());
            }
        }
        return rows;
    }

    @Test
    void anAdministratorListsMembersNewestFirst() {
        Account older = members.active("old");
        Account newer = members.active("new");

        WebClient.Response list = adminBrowser.get("/admin/users");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.h1()).isEqualTo("Members");
        assertThat(list.header("Cache-Control")).contains("no-store");
        assertThat(list.body()).contains("@" + newer.handle()).contains("@" + older.handle())
                .contains(newer.email());
        assertThat(list.body().indexOf("@" + newer.handle())).isLessThan(list.body().indexOf("@" + older.handle()));
    }

    @Test
    void anAdministratorFindsAMemberByHandle() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");

        WebClient.Response found = adminBrowser.get("/admin/users?query=" + ana.handle());
        WebClient.Response upper = adminBrowser.get("/admin/users?query=" + ana.handle().toUpperCase());
        WebClient.Response none = adminBrowser.get("/admin/users?query=nobody_" + ana.handle());

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body()).contains("href=\"/admin/users/" + ana.handle() + "\"").doesNotContain("@" + bob.handle());
        assertThat(upper.body()).contains("href=\"/admin/users/" + ana.handle() + "\"");
        assertThat(none.body()).contains("No account matches.");
    }

    @Test
    void aSearchThatIsTooLongIsABadRequest() {
        assertThat(adminBrowser.get("/admin/users?query=" + "x".repeat(101)).status()).isEqualTo(400);
    }

    @Test
    void anAdministratorOpensAMembersPage() {
        Account ana = members.active("ana");

        WebClient.Response page = adminBrowser.get("/admin/users/" + ana.handle());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.h1()).contains("@" + ana.handle());
        assertThat(page.body()).contains(ana.email()).contains("Active").contains("Member")
                .contains("action=\"/admin/users/" + ana.handle() + "/suspend\"");
        assertThat(adminBrowser.get("/admin/users/nobody_" + ana.handle()).status()).isEqualTo(404);
    }

    @Test
    void suspendingSignsTheMemberOutAtOnceAndIsAudited() {
        Account eve = members.active("eve");
        WebClient evesBrowser = signedIn(eve);
        String evesToken = tokens.createFor(eve.id(), "eve's script");
        assertThat(evesBrowser.get("/settings").status()).isEqualTo(200);

        WebClient.Response suspended = adminBrowser.post("/admin/users/" + eve.handle() + "/suspend",
                "reason", "spam links <b>everywhere</b>");

        assertThat(suspended.status()).isEqualTo(302);
        assertThat(suspended.location()).isEqualTo("/admin/users/" + eve.handle());
        assertThat(adminBrowser.get(suspended.location()).body())
                .contains("The account was suspended and signed out everywhere.").contains("Suspended");
        assertThat(members.reload(eve).state()).isEqualTo(AccountState.SUSPENDED);
        WebClient.Response afterwards = evesBrowser.get("/settings");
        assertThat(afterwards.status()).isEqualTo(302);
        assertThat(afterwards.location()).isEqualTo("/login");
        assertProblem(evesBrowser.get("/api/v1/me", "Authorization", "Bearer " + evesToken), 403);
        // Signing in again leads only to the decisions about her (to appeal them).
        WebClient again = new WebClient(port);
        assertThat(again.login(eve.email(), Members.PASSWORD).location()).isEqualTo("/");
        assertThat(again.get("/settings").location()).isEqualTo("/moderation/mine");
        assertThat(auditRowsAbout(eve)).singleElement().satisfies(row -> assertThat(row)
                .contains("@" + admin.handle()).contains("suspended").contains("spam links &lt;b&gt;everywhere&lt;/b&gt;"));
    }

    @Test
    void liftingTheSuspensionRestoresTheAccountAndIsAudited() {
        Account eve = members.active("eve");
        WebClient.Response suspended = adminBrowser.post("/admin/users/" + eve.handle() + "/suspend", "reason", "cooling off");
        adminBrowser.get(suspended.location()); // a browser follows the redirect and sees the notice once

        WebClient.Response lifted = adminBrowser.post("/admin/users/" + eve.handle() + "/unsuspend");

        assertThat(lifted.status()).isEqualTo(302);
        assertThat(adminBrowser.get(lifted.location()).body()).contains("The suspension was lifted.");
        assertThat(members.reload(eve).state()).isEqualTo(AccountState.ACTIVE);
        assertThat(signedIn(eve).get("/settings").status()).isEqualTo(200);
        assertThat(auditRowsAbout(eve)).hasSize(2);
        assertThat(auditRowsAbout(eve).getFirst()).contains("suspension lifted").contains("ACTIVE");
        assertThat(adminBrowser.post("/admin/users/" + eve.handle() + "/unsuspend").status())
                .as("lifting twice is a conflict").isEqualTo(409);
    }

    @Test
    void changingTheRoleTakesEffectAndIsAudited() {
        Account mo = members.active("mo");

        WebClient.Response changed = adminBrowser.post("/admin/users/" + mo.handle() + "/role", "role", "MODERATOR");

        assertThat(changed.status()).isEqualTo(302);
        assertThat(adminBrowser.get(changed.location()).body()).contains("The role was changed.");
        assertThat(members.reload(mo).role()).isEqualTo(Role.MODERATOR);
        assertThat(auditRowsAbout(mo)).singleElement().satisfies(row -> assertThat(row)
                .contains("@" + admin.handle()).contains("role changed").contains("MEMBER → MODERATOR"));
        assertThat(signedIn(mo).get("/admin/users").status()).as("a moderator is no administrator").isEqualTo(403);
    }

    @Test
    void anUnknownRoleIsABadRequest() {
        Account mo = members.active("mo");

        assertThat(adminBrowser.post("/admin/users/" + mo.handle() + "/role", "role", "EMPEROR").status()).isEqualTo(400);
        assertThat(members.reload(mo).role()).isEqualTo(Role.MEMBER);
    }

    @Test
    void aDemotedAdministratorLosesAccessAtOnce() {
        Account other = members.admin("adm");
        WebClient othersBrowser = signedIn(other);
        assertThat(othersBrowser.get("/admin/users").status()).isEqualTo(200);

        adminBrowser.post("/admin/users/" + other.handle() + "/role", "role", "MEMBER");

        assertThat(othersBrowser.get("/admin/users").status()).isEqualTo(403);
    }

    @Test
    void anAdministratorCannotSuspendOrDemoteThemself() {
        WebClient.Response suspend = adminBrowser.post("/admin/users/" + admin.handle() + "/suspend", "reason", "oops");
        WebClient.Response demote = adminBrowser.post("/admin/users/" + admin.handle() + "/role", "role", "MEMBER");

        assertThat(suspend.status()).isEqualTo(409);
        assertThat(suspend.header("Content-Type")).startsWith("text/html");
        assertThat(suspend.h1()).isNotBlank();
        assertThat(suspend.body()).contains("Administrators cannot do this to their own account.");
        assertThat(demote.status()).isEqualTo(409);
        assertThat(members.reload(admin).state()).isEqualTo(AccountState.ACTIVE);
        assertThat(members.reload(admin).role()).isEqualTo(Role.ADMIN);
        assertThat(adminBrowser.get("/admin/users").status()).isEqualTo(200);
    }

    @Test
    void aMemberIsRefusedEveryAdministrationPage() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        WebClient member = signedIn(ana);

        for (String path : new String[] {"/admin/users", "/admin/users/" + bob.handle(), "/admin/audit", "/admin/mail",
                "/admin/groups"}) {
            WebClient.Response response = member.get(path);
            assertThat(response.status()).as(path).isEqualTo(403);
            assertThat(response.h1()).as(path).isNotBlank();
            assertThat(response.body()).as(path).doesNotContain(bob.email());
        }
        assertThat(member.post("/admin/users/" + bob.handle() + "/suspend", "reason", "mine").status()).isEqualTo(403);
        assertThat(member.post("/admin/users/" + ana.handle() + "/role", "role", "ADMIN").status()).isEqualTo(403);
        assertThat(members.reload(bob).state()).isEqualTo(AccountState.ACTIVE);
        assertThat(members.reload(ana).role()).isEqualTo(Role.MEMBER);
    }

    @Test
    void aVisitorIsSentToLogIn() {
        WebClient visitor = new WebClient(port);
        for (String path : new String[] {"/admin/users", "/admin/audit", "/admin/mail"}) {
            WebClient.Response response = visitor.get(path);
            assertThat(response.status()).as(path).isEqualTo(302);
            assertThat(response.location()).as(path).isEqualTo("/login");
        }
    }

    @Test
    void theMailApiListsTheOutboxNewestFirstForAdministrators() {
        String adminToken = tokens.createFor(admin.id(), "ops");
        String handle = Members.uniqueHandle("fresh");
        String email = Members.emailOf(handle);
        new WebClient(port).postJson("/api/v1/accounts", Map.of("handle", handle, "email", email, "password",
                Members.PASSWORD, "locale", "en"));

        WebClient.Response list = new WebClient(port).get("/api/v1/admin/mail", "Authorization", "Bearer " + adminToken);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("Content-Type")).startsWith("application/json");
        assertThat(list.header("Cache-Control")).contains("no-store");
        JsonNode items = list.json().get("items");
        assertThat(list.json().has("next")).isTrue();
        assertThat(items).isNotEmpty();
        long previous = Long.MAX_VALUE;
        for (JsonNode item : items) {
            assertThat(item.get("id").isString()).isTrue();
            long id = Long.parseLong(item.get("id").asString());
            assertThat(id).as("newest first").isLessThan(previous);
            previous = id;
            assertThat(item.has("to") && item.has("subject") && item.has("body")).as(item.toString()).isTrue();
        }
        String secondId = items.get(1).get("id").asString();
        JsonNode older = new WebClient(port).get("/api/v1/admin/mail?before=" + items.get(0).get("id").asString(),
                "Authorization", "Bearer " + adminToken).json().get("items");
        assertThat(older.get(0).get("id").asString()).as("the next page starts after the cursor").isEqualTo(secondId);
        JsonNode verification = mailTo(items, email);
        assertThat(verification.get("subject").asString()).isEqualTo("Confirm your Tribune address");
        // The body, which holds a one-time link, is kept only until the mail is sent.
        if (verification.get("sentAt").isNull()) {
            assertThat(verification.get("body").asString()).contains("@" + handle).contains("/verify?token=");
        } else {
            assertThat(verification.get("body").asString()).isEmpty();
        }
    }

    @Test
    void aSentMailNoLongerKeepsItsBody() throws InterruptedException {
        String adminToken = tokens.createFor(admin.id(), "ops");
        String handle = Members.uniqueHandle("fresh");
        String email = Members.emailOf(handle);
        new WebClient(port).postJson("/api/v1/accounts", Map.of("handle", handle, "email", email, "password",
                Members.PASSWORD, "locale", "en"));
        TestMail.await(email);

        JsonNode sent = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            sent = mailTo(new WebClient(port).get("/api/v1/admin/mail", "Authorization", "Bearer " + adminToken).json()
                    .get("items"), email);
            if (!sent.get("sentAt").isNull()) {
                break;
            }
            Thread.sleep(50);
        }

        assertThat(sent.get("sentAt").isNull()).as("marked as sent").isFalse();
        assertThat(sent.get("body").asString()).isEmpty();
        assertThat(sent.get("subject").asString()).isEqualTo("Confirm your Tribune address");
    }

    private static JsonNode mailTo(JsonNode items, String email) {
        for (JsonNode item : items) {
            if (item.get("to").asString().equals(email)) {
                return item;
            }
        }
        throw new AssertionError("no mail to " + email + " in " + items);
    }

    @Test
    void theMailApiIsForAdministratorsOnly() {
        Account ana = members.active("ana");
        String anasToken = tokens.createFor(ana.id(), "mine");
        WebClient api = new WebClient(port);

        assertProblem(api.get("/api/v1/admin/mail", "Authorization", "Bearer " + anasToken), 403);
        assertProblem(api.get("/api/v1/admin/mail"), 401);
    }

    @Test
    void theMailPageShowsTheOutboxToAdministrators() {
        Account ana = members.active("ana");

        WebClient.Response page = adminBrowser.get("/admin/mail");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.h1()).isEqualTo("Outgoing mail");
        assertThat(page.body()).contains("Mail is delivered over SMTP.").contains("To " + ana.email())
                .contains("Confirm your Tribune address");
    }
}
