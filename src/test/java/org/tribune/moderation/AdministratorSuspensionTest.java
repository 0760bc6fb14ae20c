package org.tribune.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.AccountState;
import org.tribune.account.Members;
import org.tribune.account.Role;
import org.tribune.account.TokenService;
import org.tribune.notification.NotificationKind;
import org.tribune.notification.Notifications;
import org.tribune.platform.Conflict;
import org.tribune.platform.Forbidden;

import tools.jackson.databind.JsonNode;

/**
 * "Every moderation action goes to a public moderation log ... The affected person is notified and may appeal once;
 * appeals go to a different moderator": also the suspensions an administrator decides and lifts on
 * {@code /admin/users}, which the administrators' audit log keeps as well.
 */
@IntegrationTest
class AdministratorSuspensionTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    ModerationService moderation;
    @Autowired
    TokenService tokens;
    @Autowired
    Notifications notifications;

    Account admin;
    WebClient adminBrowser;

    @BeforeEach
    void adminSignsIn() {
        admin = members.admin("sadm");
        adminBrowser = signedIn(admin);
    }

    WebClient signedIn(Account account) {
        WebClient browser = new WebClient(port);
        assertThat(browser.login(account.email(), Members.PASSWORD).location()).isEqualTo("/");
        return browser;
    }

    /** The administrator suspends on the administrators' page; the entry it made in the moderation log. */
    ModerationAction suspendedByAdmin(Account subject, String reason) {
        WebClient.Response done = adminBrowser.post("/admin/users/" + subject.handle() + "/suspend", "reason", reason);
        assertThat(done.status()).isEqualTo(302);
        assertThat(done.location()).isEqualTo("/admin/users/" + subject.handle());
        assertThat(members.reload(subject).state()).isEqualTo(AccountState.SUSPENDED);
        return newestAbout(subject);
    }

    ModerationAction newestAbout(Account subject) {
        return moderation.about(subject).getFirst();
    }

    /** The row of the public log page about this action, without its tags. */
    String logRow(WebClient browser, long actionId) {
        WebClient.Response log = browser.get("/moderation/log");
        assertThat(log.status()).isEqualTo(200);
        Matcher m = Pattern.compile("<tr id=\"action-" + actionId + "\">(.*?)</tr>", Pattern.DOTALL).matcher(log.body());
        assertThat(m.find()).as("action %s is in the public log", actionId).isTrue();
        return m.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
    }

    JsonNode apiLogEntry(long actionId) {
        JsonNode log = new WebClient(port).get("/api/v1/moderation/log").json();
        for (JsonNode entry : log) {
            if (entry.get("id").asString().equals(Long.toString(actionId))) {
                return entry;
            }
        }
        throw new AssertionError("action " + actionId + " is not in the API's log");
    }

    @Test
    void anAdministratorsSuspensionIsInThePublicLogWithTheAdministratorsHandleAndNoEnd() {
        Account eve = members.active("seve");
        ModerationAction suspension = suspendedByAdmin(eve, "Sold fake tickets");

        assertThat(suspension.action()).isEqualTo(ModerationAction.Action.SUSPEND);
        assertThat(suspension.subjectId()).isEqualTo(eve.id());
        assertThat(suspension.moderatorId()).isEqualTo(admin.id());
        assertThat(suspension.role()).isEqualTo("administrator");
        assertThat(suspension.rule()).isEqualTo("administrators");
        assertThat(suspension.reason()).isEqualTo("Sold fake tickets");
        assertThat(suspension.until()).isNull();

        // Anyone reads it, on the page and through the API.
        assertThat(logRow(new WebClient(port), suspension.id())).contains("Account suspended: @" + eve.handle())
                .contains("until lifted").contains("Sold fake tickets").contains("Site administrators’ decision")
                .contains("Administrator @" + admin.handle());
        JsonNode entry = apiLogEntry(suspension.id());
        assertThat(entry.get("action").asString()).isEqualTo("suspend");
        assertThat(entry.get("targetKind").asString()).isEqualTo("account");
        assertThat(entry.get("role").asString()).isEqualTo("administrator");
        assertThat(entry.get("moderator").asString()).isEqualTo(admin.handle());
        assertThat(entry.get("subject").asString()).isEqualTo(eve.handle());
        assertThat(entry.get("rule").asString()).isEqualTo("administrators");
        assertThat(entry.get("reason").asString()).isEqualTo("Sold fake tickets");
        assertThat(entry.get("until").isNull()).isTrue();

        // The administrators' audit log still has it, and the administrator is told where else it is.
        assertThat(adminBrowser.get("/admin/users/" + eve.handle()).body()).contains("Sold fake tickets")
                .contains("The decision is in the public moderation log");
    }

    @Test
    void thePersonIsToldReadsTheDecisionAndAppealsItOnceToAnotherModeratorThanTheAdministrator() {
        Account eve = members.active("seve");
        String token = "Bearer " + tokens.createFor(eve.id(), "script");
        Account moderator = members.withRole("smod", Role.MODERATOR);
        ModerationAction suspension = suspendedByAdmin(eve, "Sold fake tickets");
        await().atMost(Duration.ofSeconds(5)).until(() -> notifications.page(eve.id(), null).entries().stream()
                .anyMatch(e -> e.kind() == NotificationKind.MODERATION_ACTION));

        WebClient browser = signedIn(eve);
        assertThat(browser.get("/").location()).isEqualTo("/moderation/mine");
        String mine = browser.get("/moderation/mine").body();
        assertThat(mine).contains("id=\"suspended-notice\"").contains("id=\"action-" + suspension.id() + "\"")
                .contains("Account suspended").contains("Sold fake tickets").contains("Site administrators’ decision")
                .contains("Until an administrator or, on appeal, a moderator lifts it.")
                .contains("action=\"/moderation/actions/" + suspension.id() + "/appeal\"");
        JsonNode mineJson = new WebClient(port).get("/api/v1/moderation/mine", "Authorization", token).json();
        assertThat(mineJson.get(0).get("id").asString()).isEqualTo(Long.toString(suspension.id()));
        assertThat(mineJson.get(0).get("role").asString()).isEqualTo("administrator");
        assertThat(mineJson.get(0).get("appealable").asBoolean()).isTrue();

        WebClient.Response sent = browser.post("/moderation/actions/" + suspension.id() + "/appeal",
                "body", "Those tickets were real.");
        assertThat(sent.location()).isEqualTo("/moderation/mine");
        Appeal appeal = moderation.appealOf(suspension.id()).orElseThrow();
        assertThat(browser.get("/moderation/mine").body()).contains("You already appealed this decision.")
                .doesNotContain("action=\"/moderation/actions/" + suspension.id() + "/appeal\"");
        assertThat(new WebClient(port).postJson("/api/v1/moderation/actions/" + suspension.id() + "/appeal",
                Map.of("body", "Again"), "Authorization", token).status()).isEqualTo(409);
        assertThatThrownBy(() -> moderation.appeal(members.reload(eve), suspension.id(), "Again"))
                .isInstanceOf(Conflict.class);

        // The administrator who acted neither sees the appeal, nor may decide it, nor is told of it; a moderator is.
        assertThat(moderation.appeals(admin)).noneMatch(c -> c.appeal().id() == appeal.id());
        assertThatThrownBy(() -> moderation.decideAppeal(admin, appeal.id(), true, "")).isInstanceOf(Forbidden.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> notifications.page(moderator.id(), null).entries().stream()
                .anyMatch(e -> e.kind() == NotificationKind.APPEAL_TO_DECIDE));
        assertThat(notifications.page(admin.id(), null).entries())
                .noneMatch(e -> e.kind() == NotificationKind.APPEAL_TO_DECIDE);
        assertThat(moderation.appeals(moderator)).anyMatch(c -> c.appeal().id() == appeal.id()
                && admin.handle().equals(c.moderatorHandle()));

        // Reversing it lifts the suspension, which had no end of its own.
        ModerationAction reversed = moderation.decideAppeal(moderator, appeal.id(), true, "Checked with the venue");
        assertThat(reversed.appealOf()).isEqualTo(suspension.id());
        assertThat(members.reload(eve).state()).isEqualTo(AccountState.ACTIVE);
        assertThat(browser.get("/settings").status()).isEqualTo(200);
    }

    @Test
    void liftingASuspensionOnTheAdministratorsPageIsLoggedToldAndAuditedButNotAppealable() {
        Account eve = members.active("seve");
        suspendedByAdmin(eve, "Sold fake tickets");

        WebClient.Response lifted = adminBrowser.post("/admin/users/" + eve.handle() + "/unsuspend");
        assertThat(lifted.status()).isEqualTo(302);
        assertThat(members.reload(eve).state()).isEqualTo(AccountState.ACTIVE);

        ModerationAction lift = newestAbout(eve);
        assertThat(lift.action()).isEqualTo(ModerationAction.Action.UNSUSPEND);
        assertThat(lift.moderatorId()).isEqualTo(admin.id());
        assertThat(lift.role()).isEqualTo("administrator");
        assertThat(logRow(new WebClient(port), lift.id())).contains("Suspension lifted: @" + eve.handle())
                .contains("Administrator @" + admin.handle());
        assertThat(apiLogEntry(lift.id()).get("action").asString()).isEqualTo("unsuspend");
        await().atMost(Duration.ofSeconds(5)).until(() -> notifications.page(eve.id(), null).entries().stream()
                .filter(e -> e.kind() == NotificationKind.MODERATION_ACTION).count() == 2);
        assertThat(moderation.aboutMe(eve)).filteredOn(d -> d.action().id() == lift.id())
                .singleElement().matches(d -> !d.mayAppeal());
        assertThatThrownBy(() -> moderation.appeal(eve, lift.id(), "Why?")).isInstanceOf(Conflict.class);

        // Both are in the administrators' audit log.
        String audit = adminBrowser.get("/admin/users/" + eve.handle()).body();
        assertThat(audit).contains("Sold fake tickets").contains("ACTIVE");
    }

    @Test
    void aModeratorsSuspensionLiftedOnTheAdministratorsPageNoLongerEndsALaterOne() {
        Account eve = members.active("seve");
        Account moderator = members.withRole("smod", Role.MODERATOR);
        ModerationAction week = moderation.suspend(moderator, eve.handle(), 7, "conduct-1", "Rude");

        adminBrowser.post("/admin/users/" + eve.handle() + "/unsuspend");
        assertThat(newestAbout(eve).action()).isEqualTo(ModerationAction.Action.UNSUSPEND);
        ModerationAction forGood = suspendedByAdmin(eve, "Rude again");

        // When the week runs out (or its appeal is reversed), the administrator's suspension stays.
        assertThat(moderation.lift(week.id(), moderator)).isFalse();
        assertThat(members.reload(eve).state()).isEqualTo(AccountState.SUSPENDED);
        // Lifting the administrator's own suspension goes through moderation as well.
        assertThat(moderation.lift(forGood.id(), moderator)).isTrue();
        assertThat(members.reload(eve).state()).isEqualTo(AccountState.ACTIVE);
    }

    @Test
    void onlyAdministratorsUseTheAdministratorsPageAndNothingIsLoggedWhenTheyCannot() {
        Account eve = members.active("seve");
        Account moderator = members.withRole("smod", Role.MODERATOR);
        WebClient moderatorsBrowser = signedIn(moderator);
        assertThat(moderatorsBrowser.post("/admin/users/" + eve.handle() + "/suspend", "reason", "x").status())
                .isEqualTo(403);
        assertThat(signedIn(members.active("smember")).post("/admin/users/" + eve.handle() + "/suspend", "reason", "x")
                .status()).isEqualTo(403);
        assertThat(members.reload(eve).state()).isEqualTo(AccountState.ACTIVE);
        assertThat(moderation.about(eve)).isEmpty();

        // Lifting a suspension that is not there, or suspending oneself, is refused and logs nothing either.
        assertThat(adminBrowser.post("/admin/users/" + eve.handle() + "/unsuspend").status()).isEqualTo(409);
        assertThat(adminBrowser.post("/admin/users/" + admin.handle() + "/suspend", "reason", "x").status())
                .isEqualTo(409);
        assertThat(moderation.about(eve)).isEmpty();
        assertThat(moderation.about(admin)).isEmpty();
        assertThat(members.reload(admin).state()).isEqualTo(AccountState.ACTIVE);
    }
}
