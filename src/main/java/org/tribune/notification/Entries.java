package org.tribune.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.account.AccountState;
import org.tribune.event.EventService;
import org.tribune.group.Group;
import org.tribune.group.GroupAccess;
import org.tribune.safety.FilterMatcher;
import org.tribune.safety.SafetyService;

/**
 * Turns stored notifications into what their recipient may see, at the moment they look: entries about a group they
 * may no longer read (or see, or moderate) are left out, and so are entries whose author is suspended or gone; likes
 * of one subject become one entry. The list, the unread count and the digest all go through here, so they agree.
 */
@Component
class Entries {
    /** Of a liked subject, the latest likers looked at to name one who may still be shown. */
    static final int LATEST_LIKERS = 5;

    private final Inbox inbox;
    private final AccountService accounts;
    private final GroupAccess groups;
    private final EventService events;
    private final SafetyService safety;
    private final org.tribune.follow.FollowService follows;
    private final java.time.Clock clock;

    private final SubjectFilters subjectFilters;

    Entries(Inbox inbox, AccountService accounts, GroupAccess groups, EventService events, SafetyService safety,
            org.tribune.follow.FollowService follows, java.time.Clock clock, SubjectFilters subjectFilters) {
        this.subjectFilters = subjectFilters;
        this.events = events;
        this.safety = safety;
        this.follows = follows;
        this.clock = clock;
        this.inbox = inbox;
        this.accounts = accounts;
        this.groups = groups;
    }

    /** A liked subject: its newest like, how many there are, how many unread, and its latest likers. */
    private record Liked(long newestId, Instant newestAt, int likes, int unread, List<Long> latestLikers) {
    }

    /**
     * The entries these rows (newest first) show. In a list ({@code listing}), a like becomes an entry only if it is
     * the newest like of its subject, so each subject appears once across all pages, where it was last liked.
     * Otherwise (counts, digests) the first like of each subject among the rows stands for it.
     */
    List<NotificationEntry> visible(long recipientId, List<Notification> rows, boolean listing) {
        return visible(recipientId, rows, listing, Box.ALL);
    }

    /**
     * Which entries: all of them; the main list; or the "requests" tab, where a person who asked for it (see
     * {@link org.tribune.safety.Reach#requestsTab()}) gets what people they do not follow, or accounts younger than
     * their chosen number of days, did. Without that setting the main list is all of it and the requests tab empty.
     */
    enum Box { ALL, MAIN, REQUESTS }

    List<NotificationEntry> visible(long recipientId, List<Notification> rows, boolean listing, Box box) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Requests requests = box == Box.ALL ? null : new Requests(recipientId);
        if (requests != null && !requests.on() && box == Box.REQUESTS) {
            return List.of();
        }
        Map<Notification.Subject, Liked> liked = liked(recipientId, rows);
        Set<Long> actorIds = new HashSet<>();
        rows.stream().map(Notification::actorId).filter(Objects::nonNull).forEach(actorIds::add);
        liked.values().forEach(l -> actorIds.addAll(l.latestLikers()));
        Map<Long, Account> actors = actorIds.isEmpty() ? Map.of() : accounts.byIds(actorIds);
        Set<Long> eventIds = rows.stream().map(Notification::eventId).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<Long, String> eventTitles = eventIds.isEmpty() ? Map.of() : events.titles(eventIds);
        // People the recipient muted, blocked or was blocked by did nothing, as far as the list says. Moderation
        // notices name nobody and are never hidden: a moderator's action is not hidden from the person it concerns.
        Set<Long> hidden = actorIds.isEmpty() ? Set.of() : safety.hiddenAuthors(recipientId);
        GroupRules rules = new GroupRules(recipientId,
                rows.stream().map(Notification::groupId).filter(Objects::nonNull).collect(Collectors.toSet()));

        // The recipient's NOTIFICATIONS word filters: a HIDE match leaves the entry out (of the list, the count and
        // the digest alike), a WARN match folds it.
        java.util.function.Function<Notification, FilterMatcher.Match> filtered = subjectFilters.of(recipientId, rows);

        List<NotificationEntry> entries = new ArrayList<>();
        Set<Notification.Subject> seen = new HashSet<>();
        for (Notification row : rows) {
            FilterMatcher.Match match = filtered.apply(row);
            if (match != null && match.hides()) {
                continue;
            }
            NotificationEntry.GroupRef group = null;
            if (row.groupId() != null) {
                group = rules.shown(row.kind(), row.groupId());
                if (group == null) {
                    continue;
                }
            }
            NotificationEntry.EventRef event = null;
            if (row.kind().isAboutEvent()) {
                String title = row.eventId() == null ? null : eventTitles.get(row.eventId());
                if (title == null || group == null) {
                    continue; // an event is only ever shown within its group
                }
                event = new NotificationEntry.EventRef(row.eventId(), title);
            }
            if (row.kind().isGrouped()) {
                Liked subject = liked.get(row.subject());
                boolean stands = subject != null && (listing ? row.id() == subject.newestId() : seen.add(row.subject()));
                if (!stands) {
                    continue;
                }
                Account actor = subject.latestLikers().stream().filter(id -> !hidden.contains(id)).map(actors::get)
                        .filter(Entries::mayBeShown).findFirst().orElse(null);
                if (actor == null) {
                    continue;
                }
                if (requests != null && requests.on() && requests.isRequest(actor) != (box == Box.REQUESTS)) {
                    continue;
                }
                entries.add(new NotificationEntry(subject.newestId(), row.kind(), actor(actor), subject.likes() - 1, group,
                        row.postId(), row.commentId(), subject.newestAt(), subject.unread() == 0, null, match));
            } else {
                Account actor = row.actorId() == null ? null : actors.get(row.actorId());
                if (row.actorId() != null && !mayBeShown(actor)) {
                    continue;
                }
                if (row.actorId() != null && row.kind().namesActor() && hidden.contains(row.actorId())) {
                    continue;
                }
                // Only what someone did can be a request; moderation notices and the like stay in the main list.
                boolean request = actor != null && row.kind().namesActor() && requests != null && requests.on()
                        && requests.isRequest(actor);
                if (requests != null && request != (box == Box.REQUESTS)) {
                    continue;
                }
                entries.add(new NotificationEntry(row.id(), row.kind(), actor == null ? null : actor(actor), 0, group,
                        row.postId(), row.commentId(), row.createdAt(), row.isRead(), event, match));
            }
        }
        return entries;
    }

    private Map<Notification.Subject, Liked> liked(long recipientId, List<Notification> rows) {
        Set<Long> likedPosts = rows.stream().filter(r -> r.kind().isGrouped() && r.postId() != null)
                .map(Notification::postId).collect(Collectors.toSet());
        Map<Notification.Subject, Liked> liked = new LinkedHashMap<>();
        for (Inbox.LikeRow like : inbox.likesOf(recipientId, likedPosts, LATEST_LIKERS)) {
            Liked known = liked.get(like.subject());
            if (known == null) {
                known = new Liked(like.id(), like.createdAt(), like.likes(), like.unread(), new ArrayList<>());
                liked.put(like.subject(), known);
            }
            if (like.actorId() != null) {
                known.latestLikers().add(like.actorId());
            }
        }
        return liked;
    }

    /** The recipient's requests setting and whom they follow, read once per list. */
    private final class Requests {
        private final org.tribune.safety.Reach reach;
        private final long recipientId;
        private Set<Long> followees;

        Requests(long recipientId) {
            this.recipientId = recipientId;
            this.reach = safety.reach(recipientId);
        }

        boolean on() {
            return reach.requestsTab();
        }

        boolean isRequest(Account actor) {
            if (followees == null) {
                followees = follows.followeeIds(recipientId);
            }
            boolean young = reach.requestsYoungerDays() > 0
                    && actor.createdAt().isAfter(clock.instant().minus(java.time.Duration.ofDays(reach.requestsYoungerDays())));
            return young || !followees.contains(actor.id());
        }
    }

    /** Suspended, deleted and vanished people are not shown as having done anything. */
    private static boolean mayBeShown(Account actor) {
        return actor != null && (actor.state() == AccountState.ACTIVE || actor.state() == AccountState.WAITING);
    }

    private static NotificationEntry.Actor actor(Account account) {
        return new NotificationEntry.Actor(account.handle(), account.displayName());
    }

    /**
     * What the recipient may know of each group, asked once per group: content needs reading rights; a request to
     * join needs moderating rights; an invitation or an approval needs only to see the group.
     */
    private final class GroupRules {
        private final long recipientId;
        private final Map<Long, Group> found;
        private final Set<Long> readable;
        private final Map<Long, Boolean> moderated = new HashMap<>();
        private final Map<Long, Boolean> visible = new HashMap<>();

        GroupRules(long recipientId, Set<Long> groupIds) {
            this.recipientId = recipientId;
            this.found = groupIds.isEmpty() ? Map.of() : groups.groups(groupIds);
            this.readable = groupIds.isEmpty() ? Set.of() : groups.readable(groupIds, recipientId);
        }

        /** The group as the entry may show it, or null when the entry must not be shown at all. */
        NotificationEntry.GroupRef shown(NotificationKind kind, long groupId) {
            Group group = found.get(groupId);
            if (group == null) {
                return null;
            }
            boolean allowed = switch (kind) {
                case JOIN_REQUEST -> moderated.computeIfAbsent(groupId, id -> groups.canModerate(id, recipientId));
                case INVITED, REQUEST_APPROVED -> visible.computeIfAbsent(groupId, id -> groups.canSee(group, recipientId));
                default -> readable.contains(groupId);
            };
            return allowed ? new NotificationEntry.GroupRef(group.slug(), group.name()) : null;
        }
    }
}
