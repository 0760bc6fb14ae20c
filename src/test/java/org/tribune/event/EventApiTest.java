package org.tribune.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.account.TokenService;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupMembers;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupService;

/**
 * Events over the API and the pages, with the "Done when" story end to end and who must be refused: answers are held
 * to the OpenAPI document by {@link WebClient}.
 */
@IntegrationTest
class EventApiTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    GroupService groups;
    @Autowired
    GroupJoining groupJoining;
    @Autowired
    GroupMembers groupMembers;
    @Autowired
    TokenService tokens;

    String bearer(Account a) {
        return "Bearer " + tokens.createFor(a.id(), "events");
    }

    Group group(Account owner, String visibility, Account... people) {
        Group g = groups.create(owner, new GroupForm(EventServiceIntegrationTest.slug(), "Hikers", "", "en", visibility,
                "INVITE", List.of(), false));
        for (Account m : people) {
            groupMembers.invite(owner, g.slug(), m.handle());
            groupJoining.join(m, g.slug(), List.of());
        }
        return g;
    }

    static Map<String, Object> newEvent(String title, Integer capacity) {
        Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
        return capacity == null
                ? Map.of("title", title, "start", start.toString(), "end", start.plusSeconds(7200).toString(),
                        "timeZone", "Europe/Paris", "place", "Parc de Sceaux")
                : Map.of("title", title, "start", start.toString(), "end", start.plusSeconds(7200).toString(),
                        "timeZone", "Europe/Paris", "place", "Parc de Sceaux", "capacity", capacity,
                        "description", "Bring *water*");
    }

    @Test
    void aModeratorsEventFillsUpWaitsAndPromotesOverTheApi() throws Exception {
        Account mod = members.active("host");
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Account cy = members.active("cy");
        Group g = group(mod, "PRIVATE", ana, bob, cy);
        WebClient api = new WebClient(port);

        WebClient.Response created = api.postJson("/api/v1/groups/" + g.slug() + "/events", newEvent("Ridge hike", 2),
                "Authorization", bearer(mod));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.location()).isEqualTo("/api/v1/events/" + id);
        assertThat(created.json().get("capacity").asInt()).isEqualTo(2);
        assertThat(created.json().get("descriptionHtml").asString()).contains("<em>water</em>");
        assertThat(created.json().get("myRsvp").isNull()).isTrue();

        String rsvp = "/api/v1/events/" + id + "/rsvp";
        assertThat(api.sendJson("PUT", rsvp, Map.of("status", "GOING"), "Authorization", bearer(ana)).json()
                .get("myRsvp").asString()).isEqualTo("GOING");
        assertThat(api.sendJson("PUT", rsvp, Map.of("status", "GOING"), "Authorization", bearer(bob)).json()
                .get("going").asInt()).isEqualTo(2);
        String cyToken = bearer(cy);
        WebClient.Response third = api.sendJson("PUT", rsvp, Map.of("status", "GOING"), "Authorization", cyToken);
        assertThat(third.status()).isEqualTo(200);
        assertThat(third.json().get("myRsvp").asString()).isEqualTo("WAITLISTED");
        assertThat(third.json().get("waitlisted").asInt()).isEqualTo(1);

        assertThat(api.sendJson("PUT", rsvp, Map.of("status", "DECLINED"), "Authorization", bearer(bob)).json()
                .get("myRsvp").asString()).isEqualTo("DECLINED");
        assertThat(api.get("/api/v1/events/" + id, "Authorization", cyToken).json().get("myRsvp").asString()).isEqualTo("GOING");
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/notifications", "Authorization", cyToken).body()
                .contains("EVENT_PLACE_GIVEN"));
        assertThat(api.get("/api/v1/notifications", "Authorization", cyToken).body()).contains("\"eventId\":\"" + id + "\"");

        // mine, upcoming; and the group's list
        assertThat(api.get("/api/v1/events", "Authorization", cyToken).body()).contains("Ridge hike");
        assertThat(api.get("/api/v1/events?going=true", "Authorization", bearer(bob)).body()).doesNotContain("Ridge hike");
        assertThat(api.get("/api/v1/groups/" + g.slug() + "/events", "Authorization", cyToken).body()).contains("Ridge hike");

        // a calendar application reads the person's feed
        WebClient browser = new WebClient(port);
        browser.login(cy.email(), Members.PASSWORD);
        WebClient.Response link = browser.post("/events/calendar");
        Matcher address = Pattern.compile("/events/calendar/(cal_[A-Za-z0-9_-]+)\\.ics").matcher(link.body());
        assertThat(address.find()).isTrue();
        WebClient.Response feed = new WebClient(port).get("/events/calendar/" + address.group(1) + ".ics");
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.header("Content-Type")).startsWith("text/calendar");
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
        assertThat(EventServiceIntegrationTest.events(calendar)).extracting(e -> EventServiceIntegrationTest.value(e, "SUMMARY"))
                .containsExactly("Ridge hike");
        // revoked: stops at once
        browser.post("/events/calendar/revoke");
        assertThat(new WebClient(port).get("/events/calendar/" + address.group(1) + ".ics").status()).isEqualTo(404);
    }

    @Test
    void whoMustBeRefused() {
        Account mod = members.active("host");
        Account ana = members.active("ana");
        Account banned = members.active("ban");
        Account outsider = members.active("out");
        Group g = group(mod, "PRIVATE", ana, banned);
        Group hidden = group(mod, "HIDDEN", ana);
        WebClient api = new WebClient(port);
        String modToken = bearer(mod);
        String id = api.postJson("/api/v1/groups/" + g.slug() + "/events", newEvent("Members only", 5),
                "Authorization", modToken).json().get("id").asString();
        String hiddenId = api.postJson("/api/v1/groups/" + hidden.slug() + "/events", newEvent("Hidden one", null),
                "Authorization", modToken).json().get("id").asString();
        groupMembers.ban(mod, g.slug(), banned.handle(), "");
        String out = bearer(outsider);

        // a member cannot create events where moderators alone may
        WebClient.Response refused = api.postJson("/api/v1/groups/" + g.slug() + "/events", newEvent("Mine", null),
                "Authorization", bearer(ana));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("code").asString()).isEqualTo("event.create-moderators-only");
        // a banned member cannot answer
        assertThat(api.sendJson("PUT", "/api/v1/events/" + id + "/rsvp", Map.of("status", "GOING"), "Authorization",
                bearer(banned)).status()).isIn(403, 404);
        // non-members find nothing
        for (String event : List.of(id, hiddenId)) {
            assertThat(api.get("/api/v1/events/" + event, "Authorization", out).status()).isEqualTo(404);
            assertThat(api.get("/api/v1/events/" + event).status()).isEqualTo(404);
            assertThat(api.sendJson("PUT", "/api/v1/events/" + event + "/rsvp", Map.of("status", "GOING"),
                    "Authorization", out).status()).isEqualTo(404);
            assertThat(new WebClient(port).get("/events/" + event).status()).isEqualTo(404);
            assertThat(new WebClient(port).get("/events/" + event + ".ics").status()).isEqualTo(404);
        }
        assertThat(api.get("/api/v1/groups/" + g.slug() + "/events", "Authorization", out).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/groups/" + hidden.slug() + "/events", "Authorization", out).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/events", "Authorization", out).body()).doesNotContain("Members only", "Hidden one");
        WebClient outsiderBrowser = new WebClient(port);
        outsiderBrowser.login(outsider.email(), Members.PASSWORD);
        assertThat(outsiderBrowser.get("/events").body()).doesNotContain("Members only", "Hidden one");
        assertThat(outsiderBrowser.get("/").body()).doesNotContain("Members only", "Hidden one");
        assertThat(outsiderBrowser.get("/groups/" + g.slug() + "/events").body()).doesNotContain("Members only");
        assertThat(outsiderBrowser.get("/groups/" + hidden.slug() + "/events").status()).isEqualTo(404);

        // hosts only edit and cancel
        assertThat(api.sendJson("PATCH", "/api/v1/events/" + id, Map.of("title", "Mine now"), "Authorization",
                bearer(ana)).status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/events/" + id, "Authorization", bearer(ana)).status()).isEqualTo(403);
        // bad input
        assertThat(api.sendJson("PUT", "/api/v1/events/" + id + "/rsvp", Map.of("status", "WAITLISTED"),
                "Authorization", bearer(ana)).status()).isEqualTo(400);
        assertThat(api.postJson("/api/v1/groups/" + g.slug() + "/events", Map.of("title", "x", "start", "tomorrow"),
                "Authorization", modToken).status()).isEqualTo(400);
        assertThat(api.postJson("/api/v1/groups/" + g.slug() + "/events", Map.of("title", "x"),
                "Authorization", modToken).status()).isEqualTo(400);
        // cancelled: stays visible, refuses answers
        assertThat(api.delete("/api/v1/events/" + id, "Authorization", modToken).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/events/" + id, "Authorization", bearer(ana)).json().get("cancelled").asBoolean()).isTrue();
        assertThat(api.sendJson("PUT", "/api/v1/events/" + id + "/rsvp", Map.of("status", "GOING"), "Authorization",
                bearer(ana)).status()).isEqualTo(409);
        assertThat(api.sendJson("PATCH", "/api/v1/events/" + id, Map.of("title", "Again"), "Authorization",
                modToken).status()).isEqualTo(409);
    }

    @Test
    void theEventPagesWorkWithoutScriptsInBothLanguages() {
        Account mod = members.active("host");
        Account ana = members.active("ana");
        Group g = group(mod, "PUBLIC", ana);
        WebClient host = new WebClient(port);
        host.login(mod.email(), Members.PASSWORD);
        assertThat(host.get("/groups/" + g.slug() + "/events/new").status()).isEqualTo(200);
        WebClient.Response invalid = host.post("/groups/" + g.slug() + "/events", "title", "", "start", "nonsense",
                "end", "", "timeZone", "Europe/Paris", "place", "");
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.body()).contains("error-summary");
        String start = java.time.LocalDateTime.now().plusDays(2).withSecond(0).withNano(0).toString().substring(0, 16);
        String end = java.time.LocalDateTime.now().plusDays(2).plusHours(2).withSecond(0).withNano(0).toString().substring(0, 16);
        WebClient.Response made = host.post("/groups/" + g.slug() + "/events", "title", "Picnic <b>by the lake</b>",
                "description", "Bring <script>alert(1)</script> **fruit**", "start", start, "end", end,
                "timeZone", "America/New_York", "place", "Lakeside", "capacity", "1");
        assertThat(made.status()).isEqualTo(302);
        String path = made.location();
        WebClient.Response page = new WebClient(port).get(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Picnic &lt;b&gt;by the lake&lt;/b&gt;").doesNotContain("<script>alert")
                .contains("<strong>fruit</strong>").contains("America/New_York");

        WebClient member = new WebClient(port);
        member.login(ana.email(), Members.PASSWORD);
        WebClient.Response answered = member.post(path + "/rsvp", "status", "GOING");
        assertThat(answered.location()).isEqualTo(path);
        assertThat(member.get(path).body()).contains("You are going.");
        assertThat(member.get("/events?lang=fr").body()).contains("Picnic");
        assertThat(member.get(path + "?lang=fr").body()).contains("Vous participez.");
        assertThat(member.get("/").body()).contains("events-aside").contains("Picnic");
        assertThat(new WebClient(port).get("/groups/" + g.slug()).body()).contains("Picnic");
        assertThat(member.post(path + "/rsvp", "status", "nonsense").status()).isEqualTo(400);
        assertThat(member.post(path + "/cancel").status()).isEqualTo(403);
        assertThat(member.get(path + ".ics").body()).startsWith("BEGIN:VCALENDAR");
    }
}
