package org.tribune.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.tribune.platform.session.SessionActivity;

/**
 * The people who used Tribune lately, through an API token or a signed-in session, the most recent first: the people a
 * node that has just started will serve first, whose feeds it warms. Read from what is kept anyway (a token's last use,
 * a session's last access); nothing more is recorded for it.
 */
@Component
public class RecentlyActive {
    /** How far back a use counts as recent for the warmers: people seen in the last two days come back first. */
    public static final Duration WINDOW = Duration.ofDays(2);

    private final ApiTokens tokens;
    private final SessionActivity sessions;
    private final Clock clock;

    RecentlyActive(ApiTokens tokens, SessionActivity sessions, Clock clock) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** The account ids of those active within {@code window}, each once, the most recent first, at most {@code limit}. */
    public List<Long> within(Duration window, int limit) {
        Instant since = clock.instant().minus(window);
        Map<Long, Instant> last = new HashMap<>(tokens.ownersUsedSince(since, limit));
        sessions.accountsSince(since, limit).forEach((id, at) -> last.merge(id, at, (a, b) -> a.isAfter(b) ? a : b));
        return last.entrySet().stream()
                .sorted(Map.Entry.<Long, Instant>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(Map.Entry::getKey).toList();
    }
}
