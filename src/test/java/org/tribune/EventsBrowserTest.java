package org.tribune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.event.EventReminders;
import org.tribune.event.EventService;
import org.tribune.event.EventView;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupMembers;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupService;

/**
 * The "Done when", in headless Chromium at phone width: a moderator creates an event with two places, three
 * members answer (the third waits), one withdraws, the third is promoted and told, the reminder arrives once, and
 * ical4j's parser reads the third member's calendar feed; the home page shows what is coming up above the feed on
 * a phone and beside it on a wide screen. Screenshots: {@code docs/screens/events/}.
 */
@IntegrationTest
@Tag("browser")
class EventsBrowserTest {
    static final Path SCREENS = Path.of("docs", "screens", "events");

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
    EventService events;
    @Autowired
    EventReminders reminders;

    private Browser browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aFullEventWaitsPromotesRemindsOnceAndFeedsACalendar() throws Exception {
        Account mod = members.active("mod");
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Account cy = members.active("cy");
        Group group = groups.create(mod, new GroupForm(("hikers-" + Members.uniqueHandle("g").substring(2)).toLowerCase()
                .replace('_', '-'), "Hikers of the Vosges", "", "en", "PRIVATE", "INVITE", List.of(), false));
        for (Account a : List.of(ana, bob, cy)) {
            groupMembers.invite(mod, group.slug(), a.handle());
            groupJoining.join(a, group.slug(), List.of());
        }
        browser = new Browser();
        browser.onPhone();

        // 1. The moderator creates the event: two places, in Paris time.
        browser.logIn(mod);
        browser.open("/groups/" + group.slug() + "/events");
        browser.screenshot("01-group-events-empty");
        browser.follow(browser.driver().findElement(By.linkText("New event")));
        LocalDateTime start = LocalDateTime.now(ZoneId.of("Europe/Paris")).plusDays(3).withHour(9).withMinute(30)
                .truncatedTo(ChronoUnit.MINUTES);
        browser.field("title").sendKeys("Ballon d’Alsace ridge walk");
        browser.field("description").sendKeys("Bring **water** and good boots.");
        browser.setValue("start", start.toString());
        browser.setValue("end", start.plusHours(4).toString());
        browser.setValue("timeZone", "Europe/Paris");
        browser.field("place").sendKeys("Car park of the Ballon d’Alsace");
        browser.field("capacity").sendKeys("2");
        browser.screenshot("02-new-event-form");
        browser.follow(browser.button("Create the event"));
        assertThat(browser.h1()).isEqualTo("Ballon d’Alsace ridge walk");
        long eventId = Long.parseLong(browser.path().substring("/events/".length()));
        browser.screenshot("03-event-created");

        // 2. Three members answer "Going": the third waits.
        for (Account a : List.of(ana, bob, cy)) {
            browser.switchTo(a);
            browser.open("/events/" + eventId);
            browser.follow(browser.button("Going"));
        }
        assertThat(browser.text()).contains("You are on the waiting list");
        browser.assertNoSidewaysScrolling();
        browser.screenshot("04-third-member-waits");

        // 3. Bob can't go after all: Cy gets his place and is told.
        browser.switchTo(bob);
        browser.open("/events/" + eventId);
        browser.follow(browser.button("Can’t go"));
        browser.screenshot("05-bob-withdraws");
        browser.switchTo(cy);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            browser.open("/notifications");
            return browser.text().contains("A place freed up");
        });
        browser.screenshot("06-cy-told-of-the-place");
        browser.follow(browser.driver().findElement(By.partialLinkText("A place freed up")));
        assertThat(browser.text()).contains("You are going.");
        browser.screenshot("07-cy-going");

        // 4. An hour before, the reminder arrives, once however often the job runs.
        EventView view = events.view(eventId, cy.id());
        Instant hourBefore = view.event().start().minus(Duration.ofMinutes(45));
        reminders.sendDue(hourBefore);
        reminders.sendDue(hourBefore.plusSeconds(60));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            browser.open("/notifications");
            return browser.text().contains("starts soon");
        });
        assertThat(browser.driver().findElements(By.partialLinkText("starts soon"))).hasSize(1);
        browser.screenshot("08-cy-reminded-once");

        // 5. Cy's calendar address, read by a calendar application's parser.
        browser.open("/events");
        browser.assertNoSidewaysScrolling();
        browser.screenshot("09-events-page");
        browser.follow(browser.button("Make my calendar address"));
        String address = browser.field("feed").getDomProperty("value");
        browser.screenshot("10-calendar-address-shown-once");
        WebClient.Response feed = new WebClient(port).get(address.replaceFirst("^https?://[^/]+", ""));
        assertThat(feed.status()).isEqualTo(200);
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
        List<VEvent> inFeed = calendar.getComponents().stream().filter(c -> c instanceof VEvent).map(c -> (VEvent) c).toList();
        assertThat(inFeed).hasSize(1);
        assertThat(inFeed.getFirst().getDateTimeStart().getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Paris");
        assertThat(Instant.from(inFeed.getFirst().getDateTimeStart().getDate())).isEqualTo(view.event().start());

        // 6. The home page shows what is coming up, above the feed on a phone.
        browser.open("/");
        assertThat(browser.driver().findElement(By.className("events-aside")).getText()).contains("Ballon d’Alsace ridge walk");
        browser.screenshot("11-home-coming-up");
        browser.assertNoSidewaysScrolling();
        // on a wide screen the block stands beside the feed
        browser.onDesktop();
        browser.open("/");
        WebElement aside = browser.driver().findElement(By.className("events-aside"));
        WebElement main = browser.driver().findElement(By.tagName("main"));
        assertThat(aside.getRect().getX()).isGreaterThan(main.getRect().getX() + main.getRect().getWidth() / 2);
        browser.screenshot("12-home-wide-screen");
        browser.assertEverythingCameFromTribune();
        browser.keep();
    }

    /** One Chromium, handed from person to person by logging out and in again. */
    private final class Browser extends Chromium {
        Browser() {
            super(port, null, "events-");
        }

        void logIn(Account account) {
            open("/login");
            field("email").sendKeys(account.email());
            field("password").sendKeys(Members.PASSWORD);
            follow(button("Log in"));
        }

        void switchTo(Account account) {
            driver().manage().deleteAllCookies();
            logIn(account);
        }

        /** For inputs whose typing differs between browsers (dates) and for selects. */
        void setValue(String id, String value) {
            WebElement element = field(id);
            driver().executeScript("arguments[0].value = arguments[1]", element, value);
        }

        /** Copies this walk's screenshots where people read them. */
        void keep() throws IOException {
            Files.createDirectories(SCREENS);
            try (var shots = Files.list(Path.of("target", "screenshots"))) {
                for (Path shot : shots.filter(p -> p.getFileName().toString().startsWith("events-")).toList()) {
                    Files.copy(shot, SCREENS.resolve(shot.getFileName().toString().substring("events-".length())),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
