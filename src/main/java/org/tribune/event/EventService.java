package org.tribune.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tribune.account.Account;
import org.tribune.group.Group;
import org.tribune.group.GroupAccess;
import org.tribune.group.GroupService;
import org.tribune.group.Membership;
import org.tribune.media.MediaService;
import org.tribune.media.PictureAccess;
import org.tribune.media.PictureUse;
import org.tribune.platform.Conflict;
import org.tribune.platform.Forbidden;
import org.tribune.platform.Ids;
import org.tribune.platform.NotFound;
import org.tribune.platform.RateLimiter;
import org.tribune.platform.web.Markdown;

/**
 * Creating, editing, cancelling and finding events. Every read goes through {@link EventViews}: an event is seen only
 * where its group is read. Hosts are the event's creator and the group's moderators.
 */
@Service
public class EventService {
    public static final int PAGE_SIZE = 20;

    private final Events events;
    private final Rsvps rsvps;
    private final EventViews views;
    private final Attendance attendance;
    private final GroupService groups;
    private final GroupAccess access;
    private final Markdown markdown;
    private final RateLimiter limiter;
    private final RateLimiter.Limit createLimit;
    private final ApplicationEventPublisher publisher;
    private final Ids ids;
    private final MediaService media;
    private final Clock clock;

    EventService(Events events, Rsvps rsvps, EventViews views, Attendance attendance, GroupService groups,
            GroupAccess access, Markdown markdown, RateLimiter limiter, ApplicationEventPublisher publisher, Ids ids,
            MediaService media, Clock clock, @Value("${tribune.limits.events-per-day:20}") int eventsPerDay) {
        this.events = events;
        this.media = media;
        this.rsvps = rsvps;
        this.views = views;
        this.attendance = attendance;
        this.groups = groups;
        this.access = access;
        this.markdown = markdown;
        this.limiter = limiter;
        this.publisher = publisher;
        this.ids = ids;
        this.clock = clock;
        this.createLimit = new RateLimiter.Limit("event", eventsPerDay, Duration.ofDays(1));
    }

    /** Whether the account may create events in the group: its moderators, and its members where the group allows it. */
    public boolean mayCreate(Group group, Account account) {
        if (account == null || !account.isActive()) {
            return false;
        }
        return access.membership(group.id(), account.id())
                .map(m -> m.canModerate() || events.membersMayCreate(group.id())).orElse(false);
    }

    public boolean membersMayCreate(long groupId) {
        return events.membersMayCreate(groupId);
    }

    /** The group's moderators choose whether members may create events too. */
    @Transactional
    public void setMembersMayCreate(Account moderator, String slug, boolean allowed) {
        Group group = groups.visibleTo(slug, moderator);
        if (!moderator.isActive() || !access.canModerate(group.id(), moderator.id())) {
            throw new Forbidden("event.moderators-only");
        }
        events.setMembersMayCreate(group.id(), allowed);
    }

    @Transactional
    public Event create(Account host, String slug, EventDraft draft) {
        Group group = groups.visibleTo(slug, host);
        if (!mayCreate(group, host)) {
            throw new Forbidden(access.membership(group.id(), host.id()).isPresent() ? "event.create-moderators-only"
                    : "event.create-members-only");
        }
        Instant now = clock.instant();
        EventDraft d = EventRules.check(draft, now, false);
        limiter.consume(createLimit, Long.toString(host.id()));
        Event event = new Event(ids.next(), group.id(), host.id(), d.title(), d.description(),
                markdown.toSafeHtml(d.description()), d.start(), d.end(), d.timeZone(), d.place(), d.onlineUrl(),
                d.capacity(), d.hideAttendees(), null, now, now);
        events.insert(event);
        return event;
    }

    /**
     * Changes an event (its hosts only). Those who answered hear of a change of time or place; a larger capacity
     * gives the new places to the first people waiting.
     */
    @Transactional
    public Event edit(Account host, long eventId, EventDraft draft) {
        Event before = events.lockById(eventId).orElseThrow(() -> new NotFound("event"));
        Group group = views.readableGroup(before, host.id()).orElseThrow(() -> new NotFound("event"));
        requireHost(before, group, host);
        if (before.cancelled()) {
            throw new Conflict("event.is-cancelled");
        }
        EventDraft d = EventRules.check(draft, clock.instant(), !before.start().isAfter(clock.instant())
                && Objects.equals(draft.start(), before.start()));
        Event after = new Event(before.id(), before.groupId(), before.creatorId(), d.title(), d.description(),
                markdown.toSafeHtml(d.description()), d.start(), d.end(), d.timeZone(), d.place(), d.onlineUrl(),
                d.capacity(), d.hideAttendees(), null, before.createdAt(), clock.instant());
        events.update(after);
        boolean moved = !before.start().equals(after.start()) || !before.end().equals(after.end())
                || !Objects.equals(before.place(), after.place()) || !Objects.equals(before.onlineUrl(), after.onlineUrl());
        if (moved) {
            publisher.publishEvent(new EventEvents.EventChanged(after.id(), group.id(), host.id(), answered(after.id(), host.id())));
        }
        attendance.fillPlaces(after);
        return after;
    }

    /**
     * What the event form asks of its picture: a new one (with its description), its removal, or nothing. An upload
     * always wins over removal.
     */
    public record PictureChange(MediaService.Upload upload, String description, boolean remove) {
        public static final PictureChange NONE = new PictureChange(null, null, false);

        boolean none() {
            return upload == null && !remove;
        }
    }

    /** Creates an event with its picture, if any, at once: a picture refused leaves no event behind. */
    @Transactional
    public Event create(Account host, String slug, EventDraft draft, PictureChange picture) {
        Event event = create(host, slug, draft);
        if (picture.upload() != null) {
            media.replace(host.id(), PictureUse.EVENT, event.id(), picture.upload(), picture.description());
        }
        return event;
    }

    /** Changes an event and its picture at once (its hosts only). */
    @Transactional
    public Event edit(Account host, long eventId, EventDraft draft, PictureChange picture) {
        Event after = edit(host, eventId, draft);
        if (!picture.none()) {
            changePicture(host, eventId, picture);
        }
        return after;
    }

    /**
     * Sets (or replaces) or removes the event's picture: its hosts only, not once it is cancelled. The replaced
     * picture's files are removed once this commits.
     */
    @Transactional
    public void changePicture(Account host, long eventId, PictureChange picture) {
        Event event = events.lockById(eventId).orElseThrow(() -> new NotFound("event"));
        Group group = views.readableGroup(event, host.id()).orElseThrow(() -> new NotFound("event"));
        requireHost(event, group, host);
        if (event.cancelled()) {
            throw new Conflict("event.is-cancelled");
        }
        if (picture.upload() != null) {
            media.replace(host.id(), PictureUse.EVENT, eventId, picture.upload(), picture.description());
        } else if (picture.remove()) {
            media.removeFrom(PictureUse.EVENT, eventId);
        }
    }

    /** Whether this viewer may see the event's picture, and whether anyone may (a public group's event). */
    public PictureAccess.Decision pictureDecision(long eventId, Long viewerId) {
        return events.byId(eventId).flatMap(e -> views.readableGroup(e, viewerId))
                .map(g -> g.isPublic() ? PictureAccess.Decision.PUBLIC
                        : PictureAccess.Decision.PRIVATE)
                .orElse(PictureAccess.Decision.REFUSED);
    }

    /** Cancels an event (its hosts only): it stays visible, marked cancelled, and those who answered hear of it. */
    @Transactional
    public void cancel(Account host, long eventId) {
        Event event = events.lockById(eventId).orElseThrow(() -> new NotFound("event"));
        Group group = views.readableGroup(event, host.id()).orElseThrow(() -> new NotFound("event"));
        requireHost(event, group, host);
        if (events.cancel(eventId, clock.instant())) {
            publisher.publishEvent(new EventEvents.EventCancelled(eventId, group.id(), host.id(), answered(eventId, host.id())));
        }
    }

    /** Everyone going, waiting or maybe going, but the host who made the change. */
    private Set<Long> answered(long eventId, long hostId) {
        Set<Long> people = rsvps.all(eventId, Integer.MAX_VALUE).stream().filter(a -> a.status() != RsvpStatus.DECLINED)
                .map(Attendee::accountId).collect(Collectors.toCollection(HashSet::new));
        people.remove(hostId);
        return people;
    }

    private void requireHost(Event event, Group group, Account account) {
        boolean moderator = access.membership(group.id(), account.id()).map(Membership::canModerate).orElse(false);
        boolean creator = event.creatorId() != null && event.creatorId() == account.id()
                && access.membership(group.id(), account.id()).isPresent();
        if (!account.isActive() || !(moderator || creator)) {
            throw new Forbidden("event.hosts-only");
        }
    }

    /** The event as this reader sees it; "not found" when it does not exist or its group is not theirs to read. */
    public EventView view(long eventId, Long viewerId) {
        Event event = events.byId(eventId).orElseThrow(() -> new NotFound("event"));
        Group group = views.readableGroup(event, viewerId).orElseThrow(() -> new NotFound("event"));
        return views.view(event, group, viewerId);
    }

    /** A group's events still to come (or going on), soonest first, after the event {@code afterId}. */
    public List<EventView> upcomingIn(Group group, Long viewerId, Long afterId, int limit) {
        if (!access.canRead(group, viewerId)) {
            return List.of();
        }
        return views.list(events.upcomingIn(List.of(group.id()), clock.instant(), cursor(afterId), limit), viewerId);
    }

    /** A group's past events, latest first, before the event {@code beforeId}. */
    public List<EventView> pastIn(Group group, Long viewerId, Long beforeId, int limit) {
        if (!access.canRead(group, viewerId)) {
            return List.of();
        }
        return views.list(events.pastIn(group.id(), clock.instant(), cursor(beforeId), limit), viewerId);
    }

    /** What is coming up in all the person's groups, soonest first. */
    public List<EventView> upcomingForMember(long accountId, Long afterId, int limit) {
        Set<Long> groupIds = access.memberGroupIds(accountId);
        return views.list(events.upcomingIn(groupIds, clock.instant(), cursor(afterId), limit), accountId);
    }

    /** The events the person is going to or waiting for, still to come, soonest first. */
    public List<EventView> upcomingGoing(long accountId, Long afterId, int limit) {
        return views.list(events.upcomingGoing(accountId, clock.instant(), cursor(afterId), limit), accountId);
    }

    public boolean canRead(Group group, Long viewerId) {
        return access.canRead(group, viewerId);
    }

    /** The group at this address as the viewer may see it (404 for a hidden group they are not in). */
    public Group group(String slug, Account viewer) {
        return groups.visibleTo(slug, viewer);
    }

    /** Titles of events, for notifications (which check the group themselves). */
    public Map<Long, String> titles(Collection<Long> eventIds) {
        return events.byIds(eventIds).stream().collect(Collectors.toMap(Event::id, Event::title));
    }

    private Event cursor(Long id) {
        return id == null ? null : events.byId(id).orElseThrow(() -> new NotFound("event"));
    }
}
