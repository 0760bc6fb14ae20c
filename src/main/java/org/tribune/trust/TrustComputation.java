package org.tribune.trust;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tribune.platform.Conflict;

/**
 * Computes everyone's level from their activity: nightly on one node (see {@link NightlyTrustLevels}), or when an
 * administrator asks. Works from state, so running twice changes nothing the second time. Accounts are read in
 * pages of {@link #PAGE} so a large site needs no more memory than a small one.
 */
@Service
public class TrustComputation {
    static final int PAGE = 500;
    private static final Logger log = LoggerFactory.getLogger(TrustComputation.class);

    private final ActivityStore activity;
    private final TrustLevels levels;
    private final TrustRules rules;
    private final ReadingLog reading;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();

    TrustComputation(ActivityStore activity, TrustLevels levels, TrustSettings settings, ReadingLog reading,
            TransactionTemplate transaction, Clock clock) {
        this.activity = activity;
        this.levels = levels;
        this.rules = new TrustRules(settings);
        this.reading = reading;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** What a run did: how many accounts it looked at and how many changed level. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "TrustComputationRun")
    public record Outcome(int examined, int changed) implements java.io.Serializable {
    }

    /** Runs now on this node; a second run asked for while one is going is refused rather than queued. */
    public Outcome run() {
        if (!running.tryLock()) {
            throw new Conflict("trust.run-in-progress");
        }
        try {
            reading.flush(); // what this node counted so far belongs to today's computation
            LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            LocalDate since = windowStart(today);
            long published = activity.publishedSince(since);
            int examined = 0;
            int changed = 0;
            long after = 0;
            List<Long> page;
            do {
                page = activity.candidates(since, after, PAGE);
                if (!page.isEmpty()) {
                    changed += computePage(page, since, published);
                    examined += page.size();
                    after = page.getLast();
                }
            } while (page.size() == PAGE);
            log.info("Trust levels: {} accounts examined, {} changed.", examined, changed);
            return new Outcome(examined, changed);
        } finally {
            running.unlock();
        }
    }

    private int computePage(List<Long> ids, LocalDate since, long published) {
        Map<Long, Activity> allTime = activity.activity(ids, null);
        Map<Long, Activity> window = activity.activity(ids, since);
        Map<Long, TrustLevels.Standing> current = levels.standings(ids);
        int changed = 0;
        for (long id : ids) {
            TrustLevels.Standing standing = current.get(id);
            if (standing.grantedByAdmin()) {
                continue;
            }
            TrustLevel earned = rules.earned(standing.level(), allTime.get(id), window.get(id), published);
            if (earned != standing.level()) {
                transaction.executeWithoutResult(status -> levels.set(id, earned));
                changed++;
            }
        }
        return changed;
    }

    /** One account's standing and what stands between them and the next level, counted as the nightly run counts. */
    public TrustProgress progress(long accountId) {
        LocalDate since = windowStart(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        TrustLevels.Standing standing = levels.standings(List.of(accountId)).get(accountId);
        Activity allTime = activity.activity(List.of(accountId), null).get(accountId);
        return switch (standing.level()) {
            case NEW -> new TrustProgress(standing.level(), false, TrustLevel.BASIC, rules.basic(allTime), List.of());
            case BASIC -> new TrustProgress(standing.level(), false, TrustLevel.MEMBER, rules.member(allTime), List.of());
            case MEMBER -> new TrustProgress(standing.level(), false, TrustLevel.REGULAR,
                    rules.regular(activity.activity(List.of(accountId), since).get(accountId), activity.publishedSince(since)),
                    List.of());
            case REGULAR -> new TrustProgress(standing.level(), standing.grantedByAdmin(), null, List.of(),
                    standing.grantedByAdmin() ? List.of() : rules.regularToKeep(
                            activity.activity(List.of(accountId), since).get(accountId), activity.publishedSince(since)));
            case LEADER -> new TrustProgress(standing.level(), true, null, List.of(), List.of());
        };
    }

    /** After an administrator takes the leader level back: the level this account's activity earns. */
    TrustLevel earnedNow(long accountId) {
        LocalDate since = windowStart(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        Activity allTime = activity.activity(List.of(accountId), null).get(accountId);
        Activity window = activity.activity(List.of(accountId), since).get(accountId);
        // From nothing: a level given by an administrator leaves no earned level behind it.
        return rules.earned(TrustLevel.NEW, allTime, window, activity.publishedSince(since));
    }

    private LocalDate windowStart(LocalDate today) {
        return today.minusDays(rules.settings().tl3().windowDays() - 1L);
    }
}
