package org.tribune.event;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.group.Group;
import org.tribune.group.GroupAccess;
import org.tribune.platform.NotFound;
import org.tribune.platform.SecretTokens;

/**
 * Calendars: the .ics of one event (for whoever may read it), and each person's private feed of the events they are
 * going to, behind a secret address. Only the SHA-256 of its token is kept, so the address is shown once; a new one
 * or a revocation stops the old at once. The feed is read without a session, as its owner: events of groups they
 * can no longer read are left out.
 */
@Service
public class CalendarFeeds {
    static final String TOKEN_PREFIX = "cal_";
    private static final int FEED_MAX = 500;

    private final CalendarTokens tokens;
    private final Events events;
    private final Rsvps rsvps;
    private final EventViews views;
    private final GroupAccess access;
    private final AccountService accounts;
    private final ICalendar ics;
    private final Clock clock;

    CalendarFeeds(CalendarTokens tokens, Events events, Rsvps rsvps, EventViews views, GroupAccess access,
            AccountService accounts, ICalendar ics, Clock clock) {
        this.tokens = tokens;
        this.events = events;
        this.rsvps = rsvps;
        this.views = views;
        this.access = access;
        this.accounts = accounts;
        this.ics = ics;
        this.clock = clock;
    }

    /** One event as iCalendar; "not found" where the event page would be. */
    public String eventCalendar(long eventId, Long viewerId) {
        Event event = events.byId(eventId).orElseThrow(() -> new NotFound("event"));
        views.readableGroup(event, viewerId).orElseThrow(() -> new NotFound("event"));
        return ics.write(event.title(), List.of(event), clock.instant());
    }

    /** A new secret feed address for the account, replacing any other; the token is returned once, never kept. */
    @Transactional
    public String newToken(Account me) {
        String token = SecretTokens.newToken(TOKEN_PREFIX);
        tokens.put(me.id(), SecretTokens.hash(token), clock.instant());
        return token;
    }

    @Transactional
    public boolean revoke(Account me) {
        return tokens.delete(me.id());
    }

    /** When the account's current feed address was made, if it has one. */
    public Optional<Instant> tokenMadeAt(long accountId) {
        return tokens.createdAt(accountId);
    }

    /** The feed behind a token: every event its owner is going to, in groups they may still read. */
    public String feed(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 100) {
            throw new NotFound("calendar");
        }
        long owner = tokens.ownerOf(SecretTokens.hash(token)).orElseThrow(() -> new NotFound("calendar"));
        Account account = accounts.byId(owner).filter(Account::isActive).orElseThrow(() -> new NotFound("calendar"));
        List<Event> going = events.byIds(rsvps.goingEventIds(owner)).stream()
                .sorted(java.util.Comparator.comparing(Event::start).reversed()).limit(FEED_MAX).toList();
        Map<Long, Group> readable = access.readableGroups(going.stream().map(Event::groupId).collect(Collectors.toSet()),
                account.id());
        List<Event> shown = going.stream().filter(e -> readable.containsKey(e.groupId())).toList();
        return ics.write("Tribune", shown, clock.instant());
    }
}
