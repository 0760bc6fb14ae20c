package org.tribune.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tribune.IntegrationTest;
import org.tribune.TestMail;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupMembers;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupService;
import org.tribune.notification.NotificationEntry;
import org.tribune.notification.NotificationKind;
import org.tribune.notification.Notifications;
import org.tribune.platform.Conflict;
import org.tribune.platform.Forbidden;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.NotFound;

/**
 * The rules of events through the services: capacity and a first-come waiting list, the promoted person told,
 * reminders once each, calendars that a calendar parser reads, and who is refused.
 */
@IntegrationTest
class EventServiceIntegrationTest {
    @Autowired
    EventService events;
    @Autowired
    Attendance attendance;
    @Autowired
    EventReminders reminders;
    @Autowired
    ReminderSettings reminderSettings;
    @Autowired
    CalendarFeeds calendars;
    @Autowired
    GroupService groups;
    @Autowired
    GroupJoining groupJoining;
    @Autowired
    GroupMembers groupMembers;
    @Autowired
    Members members;
    @Autowired
    Notifications notifications;
    @Autowired
    JdbcClient db;

    static String slug() {
        return ("ev-" + Members.uniqueHandle("g").substring(2)).toLowerCase(Locale.ROOT).replace('_', '-');
    }

    Group group(Account owner, String visibility, Account... members) {
        Group g = groups.create(owner, new GroupForm(slug(), "Walkers " + visibility, "", "en", visibility, "INVITE", List.of(), false));
        for (Account m : members) {
            groupMembers.invite(owner, g.slug(), m.handle());
            groupJoining.join(m, g.slug(), List.of());
        }
        return g;
    }

    static EventDraft draft(String title, Instant start, Integer capacity) {
        return new EventDraft(title, "Bring **boots**", start, start.plus(Duration.ofHours(3)), "Europe/Paris",
                "Parc de Sceaux", null, capacity, false);
    }

    static Instant inDays(int days) {
        return Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.MINUTES);
    }

    List<NotificationEntry> entries(Account a, NotificationKind kind) {
        return notifications.page(a.id(), null).entries().stream().filter(e -> e.kind() == kind).toList();
    }

    @Test
    void aFullEventPutsTheThirdOnTheWaitingListAndPromotesThemWhenAPlaceFrees() {
        Account mod = members.active("host");
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Account cy = members.active("cy");
        Group g = group(mod, "PRIVATE", ana, bob, cy);
        Event walk = events.create(mod, g.slug(), draft("Spring walk", inDays(5), 2));

        assertThat(attendance.answer(ana, walk.id(), RsvpStatus.GOING).myRsvp()).isEqualTo(RsvpStatus.GOING);
        assertThat(attendance.answer(bob, walk.id(), RsvpStatus.GOING).myRsvp()).isEqualTo(RsvpStatus.GOING);
        EventView third = attendance.answer(cy, walk.id(), RsvpStatus.GOING);
        assertThat(third.myRsvp()).isEqualTo(RsvpStatus.WAITLISTED);
        assertThat(third.going()).isEqualTo(2);
        assertThat(third.waitlisted()).isEqualTo(1);
        // asking again keeps the turn, and takes no place
        assertThat(attendance.answer(cy, walk.id(), RsvpStatus.GOING).myRsvp()).isEqualTo(RsvpStatus.WAITLISTED);

        EventView afterWithdrawal = attendance.answer(bob, walk.id(), RsvpStatus.DECLINED);
        assertThat(afterWithdrawal.going()).isEqualTo(2);
        assertThat(afterWithdrawal.waitlisted()).isZero();
        assertThat(events.view(walk.id(), cy.id()).myRsvp()).isEqualTo(RsvpStatus.GOING);
        NotificationEntry told = await().atMost(Duration.ofSeconds(10))
                .until(() -> entries(cy, NotificationKind.EVENT_PLACE_GIVEN), l -> !l.isEmpty()).getFirst();
        assertThat(told.event().title()).isEqualTo("Spring walk");
        assertThat(told.path()).isEqualTo("/events/" + walk.id());
        assertThat(entries(bob, NotificationKind.EVENT_PLACE_GIVEN)).isEmpty();
    }

    @Test
    void theWaitingListIsFirstComeFirstServed() {
        Account mod = members.active("host");
        Account a = members.active("a");
        Account b = members.active("b");
        Account c = members.active("c");
        Group g = group(mod, "PUBLIC", a, b, c);
        Event talk = events.create(mod, g.slug(), draft("Talk", inDays(3), 1));
        attendance.answer(a, talk.id(), RsvpStatus.GOING);
        attendance.answer(c, talk.id(), RsvpStatus.GOING);
        attendance.answer(b, talk.id(), RsvpStatus.GOING);
        attendance.answer(a, talk.id(), RsvpStatus.MAYBE);
        assertThat(events.view(talk.id(), c.id()).myRsvp()).isEqualTo(RsvpStatus.GOING);
        assertThat(events.view(talk.id(), b.id()).myRsvp()).isEqualTo(RsvpStatus.WAITLISTED);
        // a larger capacity lets the next one in
        events.edit(mod, talk.id(), new EventDraft("Talk", "", talk.start(), talk.end(), talk.timeZone(), talk.place(), null, 2, false));
        assertThat(events.view(talk.id(), b.id()).myRsvp()).isEqualTo(RsvpStatus.GOING);
    }

    @Test
    void remindersArriveOnceInTheAppAndByMailAndNeverForCancelledEvents() {
        Account mod = members.active("host");
        Account ana = members.active("ana");
        Account quiet = members.active("quiet");
        Group g = group(mod, "PRIVATE", ana, quiet);
        Instant start = Instant.now().plus(Duration.ofHours(20)).truncatedTo(ChronoUnit.MINUTES);
        Event walk = events.create(mod, g.slug(), draft("Night walk", start, null));
        Event called = events.create(mod, g.slug(), draft("Called off", start, null));
        attendance.answer(ana, walk.id(), RsvpStatus.GOING);
        attendance.answer(quiet, walk.id(), RsvpStatus.GOING);
        attendance.answer(ana, called.id(), RsvpStatus.GOING);
        reminderSettings.set(quiet, false);
        events.cancel(mod, called.id());

        Instant now = Instant.now();
        reminders.sendDue(now);
        reminders.sendDue(now);
        reminders.sendDue(now.plusSeconds(60));

        assertThat(sent(walk, ana, "DAY")).isEqualTo(1);
        assertThat(sent(walk, quiet, "DAY")).isZero();
        assertThat(sent(called, ana, "DAY")).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> TestMail.to(ana.email()).stream()
                .anyMatch(m -> m.subject().contains("Night walk")));
        assertThat(TestMail.to(ana.email()).stream().filter(m -> m.subject().contains("Night walk"))).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> entries(ana, NotificationKind.EVENT_REMINDER), l -> !l.isEmpty());
        assertThat(entries(ana, NotificationKind.EVENT_REMINDER)).hasSize(1);

        // an hour before, the second reminder, once too
        Instant hourBefore = start.minus(Duration.ofMinutes(50));
        reminders.sendDue(hourBefore);
        reminders.sendDue(hourBefore.plusSeconds(30));
        assertThat(sent(walk, ana, "HOUR")).isEqualTo(1);
        assertThat(TestMail.to(quiet.email()).stream().filter(m -> m.subject().contains("walk"))).isEmpty();
    }

    @Test
    void noReminderReachesSomeoneWhoLeftAPrivateGroup() {
        Account mod = members.active("host");
        Account ana = members.active("ana");
        Group g = group(mod, "PRIVATE", ana);
        Instant start = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
        Event walk = events.create(mod, g.slug(), draft("Secret walk", start, null));
        attendance.answer(ana, walk.id(), RsvpStatus.GOING);
        groupJoining.leave(ana, g.slug());
        reminders.sendDue(Instant.now());
        assertThat(sent(walk, ana, "DAY") + sent(walk, ana, "HOUR")).isZero();
        assertThatThrownBy(() -> events.view(walk.id(), ana.id())).isInstanceOf(NotFound.class);
    }

    int sent(Event e, Account a, String kind) {
        return db.sql("select count(*) from event_reminder where event_id = ? and account_id = ? and kind = ?")
                .params(e.id(), a.id(), kind).query(Integer.class).single();
    }

    List<String> soonestTitles(Account a) {
        return events.upcomingForMember(a.id(), null, 3).stream().map(v -> v.event().title()
                + (v.event().cancelled() ? " (cancelled)" : "")).toList();
    }

    /** The home page's block of soonest events, kept per group on each node, follows every change at once. */
    @Test
    void theSoonestEventsOfSomeonesGroupsFollowEveryChange() {
        Account mod = members.active("host");
        Account ana = members.active("ana");
        Group walks = group(mod, "PRIVATE", ana);
        Group talks = group(mod, "PUBLIC", ana);
        for (int day = 1; day <= 6; day++) {
            events.create(mod, walks.slug(), draft("Walk " + day, inDays(day), null));
        }
        assertThat(soonestTitles(ana)).containsExactly("Walk 1", "Walk 2", "Walk 3");

        Event talk = events.create(mod, talks.slug(), draft("Talk", inDays(1).plus(Duration.ofHours(12)), null));
        assertThat(soonestTitles(ana)).containsExactly("Walk 1", "Talk", "Walk 2");

        events.edit(mod, talk.id(), new EventDraft("Late talk", "", inDays(9), inDays(9).plus(Duration.ofHours(1)),
                "Europe/Paris", "Hall", null, null, false));
        assertThat(soonestTitles(ana)).containsExactly("Walk 1", "Walk 2", "Walk 3");

        Event first = events.upcomingForMember(ana.id(), null, 1).getFirst().event();
        events.cancel(mod, first.id());
        assertThat(soonestTitles(ana)).containsExactly("Walk 1 (cancelled)", "Walk 2", "Walk 3");

        // leaving the group takes its events off at once
        groupJoining.leave(ana, walks.slug());
        assertThat(soonestTitles(ana)).containsExactly("Late talk");
    }

    /**
     * A group keeps its five soonest events: once some of them are over, events it did not keep may come first, so
     * the list is read again (asked here with later and later times).
     */
    @Test
    void eventsAGroupDidNotKeepComeUpWhenTheKeptOnesAreOver(@Autowired Events table) {
        Account mod = members.active("host");
        Group g = group(mod, "PUBLIC");
        Instant start = inDays(1);
        for (int day = 0; day < 8; day++) {
            events.create(mod, g.slug(), draft("Day " + day, start.plus(Duration.ofDays(day)), null));
        }
        java.util.function.Function<Instant, List<String>> soonest = now -> table.upcomingIn(java.util.Set.of(g.id()), now, null, 3)
                .stream().map(Event::title).toList();

        assertThat(soonest.apply(Instant.now())).containsExactly("Day 0", "Day 1", "Day 2");
        assertThat(soonest.apply(start.plus(Duration.ofHours(4)))).containsExactly("Day 1", "Day 2", "Day 3");
        assertThat(soonest.apply(start.plus(Duration.ofDays(5)).plus(Duration.ofHours(4)))).containsExactly("Day 6", "Day 7");
    }

    @Test
    void changesAndCancellationsAreToldToThoseWhoAnswered() {
        Account mod = members.active("host");
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Group g = group(mod, "PUBLIC", ana, bob);
        Event walk = events.create(mod, g.slug(), draft("Walk", inDays(4), null));
        attendance.answer(ana, walk.id(), RsvpStatus.MAYBE);
        events.edit(mod, walk.id(), new EventDraft("Walk", "", walk.start().plus(Duration.ofHours(1)),
                walk.end().plus(Duration.ofHours(1)), walk.timeZone(), "Another park", null, null, false));
        await().atMost(Duration.ofSeconds(10)).until(() -> entries(ana, NotificationKind.EVENT_CHANGED), l -> !l.isEmpty());
        events.cancel(mod, walk.id());
        await().atMost(Duration.ofSeconds(10)).until(() -> entries(ana, NotificationKind.EVENT_CANCELLED), l -> !l.isEmpty());
        assertThat(entries(bob, NotificationKind.EVENT_CHANGED)).isEmpty();
        assertThat(events.view(walk.id(), bob.id()).event().cancelled()).isTrue();
        assertThatThrownBy(() -> attendance.answer(bob, walk.id(), RsvpStatus.GOING)).isInstanceOf(Conflict.class);
    }

    @Test
    void aHiddenAttendeeListShowsOnlyTheCountToMembersAndTheListToHosts() {
        Account mod = members.active("host");
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Group g = group(mod, "PRIVATE", ana, bob);
        Event quiet = events.create(mod, g.slug(), new EventDraft("Quiet one", "", inDays(2), inDays(2).plusSeconds(3600),
                "Europe/Paris", "Somewhere", null, null, true));
        attendance.answer(ana, quiet.id(), RsvpStatus.GOING);
        EventView asBob = events.view(quiet.id(), bob.id());
        assertThat(asBob.seesAttendees()).isFalse();
        assertThat(asBob.going()).isEqualTo(1);
        assertThat(attendance.attendees(asBob)).isEmpty();
        EventView asHost = events.view(quiet.id(), mod.id());
        assertThat(attendance.attendees(asHost)).extracting(Attendee::accountId).containsExactly(ana.id());
        // without the flag, members see who comes
        Event open = events.create(mod, g.slug(), draft("Open one", inDays(2), null));
        attendance.answer(ana, open.id(), RsvpStatus.GOING);
        assertThat(attendance.attendees(events.view(open.id(), bob.id()))).extracting(Attendee::accountId).containsExactly(ana.id());
    }

    @Test
    void notificationsAboutAnEventVanishForSomeoneWhoLeftItsPrivateGroup() {
        Account mod = members.active("host");
        Account ana = members.active("ana");
        Group g = group(mod, "PRIVATE", ana);
        Event walk = events.create(mod, g.slug(), draft("Private walk", inDays(4), null));
        attendance.answer(ana, walk.id(), RsvpStatus.MAYBE);
        events.edit(mod, walk.id(), new EventDraft("Private walk", "", walk.start(), walk.end(), walk.timeZone(),
                "Elsewhere", null, null, false));
        await().atMost(Duration.ofSeconds(10)).until(() -> entries(ana, NotificationKind.EVENT_CHANGED), l -> !l.isEmpty());
        groupJoining.leave(ana, g.slug());
        assertThat(entries(ana, NotificationKind.EVENT_CHANGED)).isEmpty();
    }

    @Test
    void aMemberCannotCreateEventsWhereTheGroupReservesItToModerators() {
        Account mod = members.active("host");
        Account ana = members.active("ana");
        Account outsider = members.active("out");
        Group g = group(mod, "PUBLIC", ana);
        assertThatThrownBy(() -> events.create(ana, g.slug(), draft("Mine", inDays(2), null)))
                .isInstanceOf(Forbidden.class).hasMessage("event.create-moderators-only");
        assertThatThrownBy(() -> events.setMembersMayCreate(ana, g.slug(), true)).isInstanceOf(Forbidden.class);
        events.setMembersMayCreate(mod, g.slug(), true);
        Event mine = events.create(ana, g.slug(), draft("Mine", inDays(2), null));
        assertThat(events.view(mine.id(), ana.id()).host()).isTrue();
        assertThatThrownBy(() -> events.create(outsider, g.slug(), draft("Not mine", inDays(2), null)))
                .isInstanceOf(Forbidden.class);
        // hosts only edit and cancel
        assertThatThrownBy(() -> events.cancel(outsider, mine.id())).isInstanceOf(Forbidden.class);
    }

    @Test
    void aBannedMemberCannotAnswer() {
        Account mod = members.active("host");
        Account ana = members.active("ana");
        Group g = group(mod, "PUBLIC", ana);
        Event walk = events.create(mod, g.slug(), draft("Walk", inDays(2), 3));
        groupMembers.ban(mod, g.slug(), ana.handle(), "");
        assertThatThrownBy(() -> attendance.answer(ana, walk.id(), RsvpStatus.GOING)).isInstanceOf(Forbidden.class);
        assertThat(events.view(walk.id(), mod.id()).going()).isZero();
    }

    @Test
    void badDraftsAreRefusedWithEveryProblem() {
        Account mod = members.active("host");
        Group g = group(mod, "PUBLIC");
        EventDraft bad = new EventDraft(" ", "", Instant.now().minusSeconds(60), Instant.now().minusSeconds(3600),
                "Mars/Olympus", null, "javascript:alert(1)", 0, false);
        assertThatThrownBy(() -> events.create(mod, g.slug(), bad)).isInstanceOfSatisfying(InvalidInput.class, e ->
                assertThat(e.byField()).containsKeys("title", "start", "end", "timeZone", "onlineUrl", "capacity"));
    }

    @Test
    void aCalendarParserReadsTheEventAndTheFeedWithTheirTimeZone() throws Exception {
        Account mod = members.active("host");
        Account ana = members.active("ana");
        Group g = group(mod, "PRIVATE", ana);
        ZonedDateTime paris = ZonedDateTime.of(2031, 6, 14, 10, 0, 0, 0, ZoneId.of("Europe/Paris"));
        Event walk = events.create(mod, g.slug(), new EventDraft("Walk, \"long\"; bring water", "A *long* one", paris.toInstant(),
                paris.plusHours(3).toInstant(), "Europe/Paris", "Parc de Sceaux, Antony", null, null, false));
        Event tokyo = events.create(mod, g.slug(), new EventDraft("Tokyo call", "", paris.plusDays(1).toInstant(),
                paris.plusDays(1).plusHours(1).toInstant(), "Asia/Tokyo", null, "https://meet.example/abc", null, false));
        attendance.answer(ana, walk.id(), RsvpStatus.GOING);
        attendance.answer(ana, tokyo.id(), RsvpStatus.GOING);

        Calendar one = new CalendarBuilder().build(new StringReader(calendars.eventCalendar(walk.id(), ana.id())));
        VEvent event = events(one).getFirst();
        assertThat(value(event, "SUMMARY")).isEqualTo("Walk, \"long\"; bring water");
        assertThat(value(event, "LOCATION")).isEqualTo("Parc de Sceaux, Antony");
        DtStart<?> start = event.getDateTimeStart();
        assertThat(start.<Parameter>getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Paris");
        assertThat(Instant.from(start.getDate())).isEqualTo(paris.toInstant());
        assertThat(zones(one)).containsExactly("Europe/Paris");

        String token = calendars.newToken(ana);
        Calendar feed = new CalendarBuilder().build(new StringReader(calendars.feed(token)));
        assertThat(events(feed)).extracting(e -> value(e, "SUMMARY")).contains("Walk, \"long\"; bring water", "Tokyo call");
        VEvent call = events(feed).stream().filter(e -> value(e, "SUMMARY").equals("Tokyo call")).findFirst().orElseThrow();
        assertThat(Instant.from(call.getDateTimeStart().getDate())).isEqualTo(paris.plusDays(1).toInstant());
        assertThat(call.getDateTimeStart().<Parameter>getParameter("TZID").orElseThrow().getValue()).isEqualTo("Asia/Tokyo");
        assertThat(zones(feed)).contains("Europe/Paris", "Asia/Tokyo");
        assertThat(value(call, "STATUS")).isEqualTo("CONFIRMED");
    }

    static List<VEvent> events(Calendar calendar) {
        return calendar.getComponents().stream().filter(c -> c instanceof VEvent).map(c -> (VEvent) c).toList();
    }

    static List<String> zones(Calendar calendar) {
        return calendar.getComponents().stream().filter(c -> c instanceof VTimeZone)
                .map(c -> value((VTimeZone) c, "TZID")).toList();
    }

    static String value(Component component, String property) {
        return component.getProperties().stream().map(p -> (Property) p).filter(p -> p.getName().equals(property))
                .map(Property::getValue).findFirst().orElse(null);
    }

    @Test
    void aCalendarTokenShowsOnlyItsOwnersEventsAndStopsWhenRevokedOrWhenTheyLeave() {
        Account mod = members.active("host");
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Group g = group(mod, "PRIVATE", ana, bob);
        Event anas = events.create(mod, g.slug(), draft("Ana goes " + Members.uniqueHandle("t"), inDays(6), null));
        Event bobs = events.create(mod, g.slug(), draft("Bob goes " + Members.uniqueHandle("t"), inDays(6), null));
        attendance.answer(ana, anas.id(), RsvpStatus.GOING);
        attendance.answer(bob, bobs.id(), RsvpStatus.GOING);
        String token = calendars.newToken(ana);
        assertThat(calendars.feed(token)).contains(anas.title()).doesNotContain(bobs.title());

        groupJoining.leave(ana, g.slug());
        assertThat(calendars.feed(token)).doesNotContain(anas.title());

        calendars.revoke(ana);
        assertThatThrownBy(() -> calendars.feed(token)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> calendars.feed("cal_nothing")).isInstanceOf(NotFound.class);
        String second = calendars.newToken(bob);
        String third = calendars.newToken(bob);
        assertThatThrownBy(() -> calendars.feed(second)).isInstanceOf(NotFound.class);
        assertThat(calendars.feed(third)).contains(bobs.title());
    }
}
