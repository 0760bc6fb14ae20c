package org.tribune.event;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.group.Group;
import org.tribune.group.GroupAccess;
import org.tribune.group.Membership;
import org.tribune.media.MediaService;
import org.tribune.media.Picture;
import org.tribune.media.PictureUse;

/**
 * Decides what a reader sees of events: an event exists for them only where they may read its group (PRIVATE and
 * HIDDEN groups: members only), so everything else answers "not found". Lists are filtered the same way.
 */
@Component
class EventViews {
    private final Rsvps rsvps;
    private final GroupAccess access;
    private final AccountService accounts;
    private final MediaService media;
    private final Clock clock;

    EventViews(Rsvps rsvps, GroupAccess access, AccountService accounts, MediaService media, Clock clock) {
        this.rsvps = rsvps;
        this.media = media;
        this.access = access;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The event's group if the viewer may read it; empty otherwise. */
    Optional<Group> readableGroup(Event event, Long viewerId) {
        return access.group(event.groupId()).filter(g -> access.canRead(g, viewerId));
    }

    EventView view(Event event, Group group, Long viewerId) {
        Account viewer = viewerId == null ? null : accounts.byId(viewerId).orElse(null);
        Map<Long, int[]> counts = rsvps.counts(List.of(event.id()));
        RsvpStatus mine = viewerId == null ? null : rsvps.of(event.id(), viewerId).map(Attendee::status).orElse(null);
        return view(event, group, access.membership(group.id(), viewerId), viewer, counts.get(event.id()), mine,
                picture(media.shownOn(PictureUse.EVENT, List.of(event.id())), event.id()));
    }

    private EventView view(Event event, Group group, Optional<Membership> membership, Account viewer, int[] counts,
            RsvpStatus mine, Picture picture) {
        boolean member = membership.isPresent();
        boolean moderator = membership.map(Membership::canModerate).orElse(false);
        boolean host = member && (moderator || (event.creatorId() != null && viewer != null && event.creatorId() == viewer.id()));
        boolean canAnswer = viewer != null && viewer.isActive() && member && !event.cancelled() && !event.isOver(clock.instant());
        return new EventView(event, group, counts == null ? 0 : counts[0], counts == null ? 0 : counts[1], mine, host,
                canAnswer, host || (member && !event.attendeesHidden()), picture);
    }

    /** Views of many events for a list: those whose group the viewer may not read are left out. */
    List<EventView> list(List<Event> events, Long viewerId) {
        if (events.isEmpty()) {
            return List.of();
        }
        Map<Long, Group> groups = access.readableGroups(events.stream().map(Event::groupId).collect(Collectors.toSet()), viewerId);
        List<Long> ids = events.stream().map(Event::id).toList();
        Map<Long, int[]> counts = rsvps.counts(ids);
        Map<Long, RsvpStatus> mine = viewerId == null ? Map.of() : rsvps.statusesOf(viewerId, ids);
        Account viewer = viewerId == null ? null : accounts.byId(viewerId).orElse(null);
        Map<Long, List<Picture>> pictures = media.shownOn(PictureUse.EVENT, ids);
        Map<Long, Optional<Membership>> memberships = new HashMap<>();
        List<EventView> views = new ArrayList<>();
        for (Event e : events) {
            Group g = groups.get(e.groupId());
            if (g != null) {
                Optional<Membership> membership = memberships.computeIfAbsent(g.id(), id -> access.membership(id, viewerId));
                views.add(view(e, g, membership, viewer, counts.get(e.id()), mine.get(e.id()), picture(pictures, e.id())));
            }
        }
        return views;
    }

    /** An event has one picture at most (setting another replaces it). */
    private static Picture picture(Map<Long, List<Picture>> shown, long eventId) {
        List<Picture> one = shown.get(eventId);
        return one == null || one.isEmpty() ? null : one.getFirst();
    }
}
