package org.tribune.safety;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tribune.account.Account;
import org.tribune.platform.Conflict;
import org.tribune.platform.Ids;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.NotFound;
import org.tribune.platform.RateLimiter;

/**
 * A person's word filters: managing them, and {@link #filtersFor} for the features that show lists (feeds, threads,
 * notifications, search), who apply the compiled matcher to titles, bodies, link previews and content warnings.
 */
@Service
public class WordFilters {
    private final Filters filters;
    private final Ids ids;
    private final Clock clock;
    private final RateLimiter limiter;
    private final RateLimiter.Limit limit;

    WordFilters(Filters filters, Ids ids, Clock clock, RateLimiter limiter,
            @Value("${tribune.limits.filters-per-hour:200}") int perHour) {
        this.filters = filters;
        this.ids = ids;
        this.clock = clock;
        this.limiter = limiter;
        this.limit = new RateLimiter.Limit("filter", perHour, Duration.ofHours(1));
    }

    /** What a person asks for; null fields of a change keep their value. */
    public record Request(String phrase, List<String> contexts, String action, Instant until) {
    }

    /**
     * The viewer's filters that hold now for this context, compiled: one query; {@link FilterMatcher#NONE} for a
     * visitor or someone without filters. Ask once per request.
     */
    public FilterMatcher filtersFor(Long viewerId, WordFilter.Context context) {
        if (viewerId == null) {
            return FilterMatcher.NONE;
        }
        Instant now = clock.instant();
        List<WordFilter> all = filters.of(viewerId);
        Map<WordFilter.Context, Compiled> known = compiled.get(all, list -> new java.util.concurrent.ConcurrentHashMap<>());
        Compiled done = known.get(context);
        if (done != null && done.holdsAt(now)) {
            return done.matcher();
        }
        List<WordFilter> active = all.stream().filter(f -> f.activeAt(now) && f.contexts().contains(context)).toList();
        Compiled fresh = new Compiled(active.isEmpty() ? FilterMatcher.NONE : new FilterMatcher(active), now,
                active.stream().map(WordFilter::until).filter(java.util.Objects::nonNull).min(Instant::compareTo).orElse(Instant.MAX));
        known.put(context, fresh);
        return fresh.matcher();
    }

    /**
     * A person's filters compiled for each context, kept as long as the list they were compiled from is the one the
     * filters' cache holds (a weak key, compared by identity: a change loads a new list, and the old one and its
     * matchers go with it) and until the first of them runs out. Compiling 30 filters on every feed page cost more
     * than matching them.
     */
    private final com.github.benmanes.caffeine.cache.Cache<List<WordFilter>, Map<WordFilter.Context, Compiled>> compiled =
            org.tribune.platform.cluster.LocalCaches.newBuilder().weakKeys().maximumSize(50_000).build();

    /** A matcher and the time it holds for: from when it was compiled until the first of its filters runs out. */
    private record Compiled(FilterMatcher matcher, Instant from, Instant until) {
        boolean holdsAt(Instant now) {
            return !now.isBefore(from) && now.isBefore(until);
        }
    }

    /** All of the person's filters, expired ones too (they say so), newest first. */
    public List<WordFilter> of(long accountId) {
        return filters.of(accountId);
    }

    @Transactional
    public WordFilter create(Account me, Request request) {
        if (filters.count(me.id()) >= WordFilter.PER_PERSON_MAX) {
            throw new Conflict("safety.filter-too-many");
        }
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String phrase = phrase(request.phrase(), errors);
        Set<WordFilter.Context> contexts = contexts(request.contexts(), errors);
        WordFilter.Action action = action(request.action() == null ? "HIDE" : request.action(), errors);
        until(request.until(), errors);
        errors.throwIfAny();
        limiter.consume(limit, Long.toString(me.id()));
        WordFilter made = new WordFilter(ids.next(), me.id(), phrase, contexts, action, request.until(), clock.instant());
        filters.insert(made);
        return made;
    }

    @Transactional
    public WordFilter change(Account me, long id, Request request) {
        WordFilter found = filters.byId(me.id(), id).orElseThrow(() -> new NotFound("filter"));
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String phrase = request.phrase() == null ? found.phrase() : phrase(request.phrase(), errors);
        Set<WordFilter.Context> contexts = request.contexts() == null ? found.contexts() : contexts(request.contexts(), errors);
        WordFilter.Action action = request.action() == null ? found.action() : action(request.action(), errors);
        Instant until = request.until() == null ? found.until() : until(request.until(), errors);
        errors.throwIfAny();
        limiter.consume(limit, Long.toString(me.id()));
        WordFilter changed = new WordFilter(found.id(), me.id(), phrase, contexts, action, until, found.createdAt());
        filters.update(changed);
        return changed;
    }

    /** Removes one of the person's filters; someone else's does not exist for them. */
    @Transactional
    public void delete(Account me, long id) {
        if (!filters.delete(me.id(), id)) {
            throw new NotFound("filter");
        }
    }

    static String phrase(String phrase, InvalidInput.Collector errors) {
        String words = phrase == null ? "" : phrase.strip().replaceAll("\\s+", " ");
        if (words.isEmpty() || FilterMatcher.fold(words).chars().noneMatch(Character::isLetterOrDigit)) {
            errors.add("phrase", "safety.filter-phrase-required");
        } else if (words.length() > WordFilter.PHRASE_MAX) {
            errors.add("phrase", "safety.filter-phrase-too-long", WordFilter.PHRASE_MAX);
        }
        return words;
    }

    private static Set<WordFilter.Context> contexts(List<String> names, InvalidInput.Collector errors) {
        Set<WordFilter.Context> contexts = EnumSet.noneOf(WordFilter.Context.class);
        for (String name : names == null ? List.<String>of() : names) {
            try {
                contexts.add(WordFilter.Context.valueOf(name == null ? "" : name.strip()));
            } catch (IllegalArgumentException unknown) {
                errors.add("contexts", "safety.filter-context-invalid");
                return Set.of();
            }
        }
        if (contexts.isEmpty()) {
            errors.add("contexts", "safety.filter-context-required");
        }
        return Set.copyOf(contexts);
    }

    private static WordFilter.Action action(String name, InvalidInput.Collector errors) {
        try {
            return WordFilter.Action.valueOf(name.strip());
        } catch (IllegalArgumentException unknown) {
            errors.add("action", "safety.filter-action-invalid");
            return WordFilter.Action.HIDE;
        }
    }

    private Instant until(Instant until, InvalidInput.Collector errors) {
        if (until != null && !until.isAfter(clock.instant())) {
            errors.add("until", "safety.until-past");
        } else if (until != null && until.isAfter(LATEST_END)) {
            errors.add("until", "safety.until-too-far");
        }
        return until;
    }

    /** The latest end a filter or a mute may have: beyond it the databases cannot store the date ("for good" is null). */
    static final Instant LATEST_END = Instant.parse("9999-12-31T00:00:00Z");
}
