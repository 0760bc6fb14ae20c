package org.tribune.event;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tribune.account.Account;
import org.tribune.group.Group;
import org.tribune.group.GroupAccess;
import org.tribune.group.GroupEvents;
import org.tribune.platform.Conflict;
import org.tribune.platform.Forbidden;
import org.tribune.platform.Ids;
import org.tribune.platform.NotFound;
import org.tribune.platform.RateLimiter;

/**
 * Answers to events and the waiting list. Every change of who holds a place first locks the event's row, so answers
 * to one event are made one after the other: two people can never both take the last place, and a freed place goes
 * to the first person waiting, who is told.
 */
@Service
public class Attendance {
    /** At most this many answers are listed on an event page. */
    public static final int LIST_MAX = 500;

    private final Events events;
    private final Rsvps rsvps;
    private final EventViews views;
    private final GroupAccess access;
    private final RateLimiter limiter;
    private final RateLimiter.Limit answerLimit;
    private final ApplicationEventPublisher publisher;
    private final Ids ids;
    private final Clock clock;

    Attendance(Events events, Rsvps rsvps, EventViews views, GroupAccess access, RateLimiter limiter,
            ApplicationEventPublisher publisher, Ids ids, Clock clock,
            @Value("${tribune.limits.rsvps-per-hour:120}") int answersPerHour) {
        this.events = events;
        this.rsvps = rsvps;
        this.views = views;
        this.access = access;
        this.limiter = limiter;
        this.publisher = publisher;
        this.ids = ids;
        this.clock = clock;
        this.answerLimit = new RateLimiter.Limit("rsvp", answersPerHour, Duration.ofHours(1));
    }

    /**
     * Answers GOING, MAYBE or DECLINED for the account. GOING past the capacity joins the waiting list (and keeps its
     * turn when asked again); leaving a place gives it to the first person waiting. Only active members of the group
     * answer (so banned people cannot); a cancelled or finished event takes no answer.
     */
    @Transactional
    public EventView answer(Account me, long eventId, RsvpStatus wanted) {
        if (wanted == null || wanted == RsvpStatus.WAITLISTED) {
            throw org.tribune.platform.InvalidInput.of("status", "event.rsvp-invalid");
        }
        Event event = events.lockById(eventId).orElseThrow(() -> new NotFound("event"));
        Group group = views.readableGroup(event, me.id()).orElseThrow(() -> new NotFound("event"));
        if (!access.canTakePart(group, me)) {
            throw new Forbidden("event.members-only");
        }
        if (event.cancelled()) {
            throw new Conflict("event.is-cancelled");
        }
        if (event.isOver(clock.instant())) {
            throw new Conflict("event.over");
        }
        limiter.consume(answerLimit, Long.toString(me.id()));
        Optional<Attendee> current = rsvps.of(eventId, me.id());
        RsvpStatus was = current.map(Attendee::status).orElse(null);
        if (wanted == RsvpStatus.GOING) {
            if (was == null || !was.wantsPlace()) {
                boolean room = event.capacity() == null || rsvps.count(eventId, RsvpStatus.GOING) < event.capacity();
                rsvps.put(eventId, me.id(), room ? RsvpStatus.GOING : RsvpStatus.WAITLISTED, ids.next(), clock.instant());
            }
        } else if (wanted != was) {
            rsvps.put(eventId, me.id(), wanted, current.map(Attendee::queuedAt).orElseGet(ids::next), clock.instant());
            if (was == RsvpStatus.GOING) {
                fillPlaces(event);
            }
        }
        return views.view(event, group, me.id());
    }

    /**
     * Gives the free places to the first people waiting, each told by {@link EventEvents.PlaceGiven}. Callers hold
     * the event's lock.
     */
    void fillPlaces(Event event) {
        if (event.cancelled()) {
            return;
        }
        int free = event.capacity() == null ? Integer.MAX_VALUE : event.capacity() - rsvps.count(event.id(), RsvpStatus.GOING);
        if (free <= 0) {
            return;
        }
        for (Attendee waiting : rsvps.firstWaiting(event.id(), Math.min(free, LIST_MAX))) {
            rsvps.put(event.id(), waiting.accountId(), RsvpStatus.GOING, waiting.queuedAt(), clock.instant());
            publisher.publishEvent(new EventEvents.PlaceGiven(event.id(), event.groupId(), waiting.accountId()));
        }
    }

    /**
     * Who answered, for those who may see it: hosts always, members unless the host hid the list; everyone else
     * gets nothing (the page shows the count).
     */
    public List<Attendee> attendees(EventView view) {
        return view.seesAttendees() ? rsvps.all(view.event().id(), LIST_MAX) : List.of();
    }

    /**
     * Someone who leaves a group (or is removed or banned) gives up their places in its events: the next people
     * waiting get them. In the group's transaction, so both happen or neither.
     */
    @EventListener
    void on(GroupEvents.MemberLeft left) {
        for (long eventId : rsvps.eventIdsWantingPlaceIn(left.accountId(), left.groupId())) {
            Event event = events.lockById(eventId).orElse(null);
            if (event == null) {
                continue;
            }
            boolean held = rsvps.of(eventId, left.accountId()).map(a -> a.status() == RsvpStatus.GOING).orElse(false);
            rsvps.put(eventId, left.accountId(), RsvpStatus.DECLINED, ids.next(), clock.instant());
            if (held && !event.isOver(clock.instant())) {
                fillPlaces(event);
            }
        }
    }
}
