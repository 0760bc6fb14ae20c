package org.tribune.notes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * How much of a misleading post's audience sees it before its note shows, with the "needs your help" routing on and
 * off: a simulation that runs the real {@link NoteScorer} every hour and the real {@link NoteRouting} order. Run by
 * bench/notes-simulation.sh; the results are in docs/notes-scoring.md, where the model is explained.
 *
 * <p>The model, per hour of simulated time:
 * <ul>
 * <li>posts: misleading posts arrive (Poisson), each spreading mainly in one camp; each gains views at a rate that
 * decays exponentially with its age (mean age of a view {@code viewLife} hours). A context note, one both camps find
 * helpful, is written on it after an exponential delay. Partisan and poor notes on other posts compete for raters;
 * </li>
 * <li>raters: each member of either camp opens the list of notes needing ratings now and then (Poisson, on average
 * once every {@code visitEvery} hours) and rates the first {@code perVisit} notes it offers that they did not rate
 * yet; new raters join all the time, with no factor until a scoring run places them. Readers also rate notes met
 * under posts in their feed: a post's note gets such ratings in proportion to the post's views, mostly (85 %) from
 * the camp the post spreads in. That is what makes notes one-sided on a real site;</li>
 * <li>scoring: every hour, over all ratings so far; a note shows from the run that makes it Helpful.</li>
 * </ul>
 * Ratings follow {@link NotePopulation}: helpful with the note's appeal to the rater's camp (0.9 liked, 0.05 not),
 * moved by the rater's generosity; one rating in ten "somewhat".
 */
public final class NoteRoutingSimulation {
    /** The knobs; see {@link #main} for the values used. */
    record Setup(int hours, int measureFrom, int measureTo, int raters, double joinPerHour, double visitEvery,
            int perVisit, double misleadingPerHour, double partisanPerHour, double poorPerHour, double noteDelay,
            double viewLife, double feedRatings, long seed) {
    }

    enum Kind { CONTEXT, PARTISAN_A, PARTISAN_B, POOR }

    static final class SimNote {
        /** Given when written, in writing order, as the site's time-ordered ids. */
        long id;
        final Kind kind;
        final double postAt;
        final double writtenAt;
        final int spreadsIn;
        NoteStatus status = NoteStatus.NEEDS_MORE_RATINGS;
        double shownAt = Double.NaN;

        SimNote(long id, Kind kind, double postAt, double writtenAt, int spreadsIn) {
            this.id = id;
            this.kind = kind;
            this.postAt = postAt;
            this.writtenAt = writtenAt;
            this.spreadsIn = spreadsIn;
        }
    }

    record SimRater(long id, int camp, double generosity) {
    }

    /** What one run measured: for each measured post whose note showed, the share of its views before it showed. */
    record Outcome(List<Double> sharesBeforeNote, List<Double> hoursToShow, int measured, int shown, int ratings) {
    }

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Setup[] setups = {
            // Ample raters: ~1,200 raters visiting once a day, 5 ratings a visit (~250 ratings an hour for ~9 notes).
            new Setup(168, 48, 120, 1200, 2, 24, 5, 3, 4, 2, 1.5, 8, 8, 0),
            // Scarce raters: the same flow of notes, a third of the raters.
            new Setup(168, 48, 120, 400, 1, 24, 5, 3, 4, 2, 1.5, 8, 8, 0),
        };
        System.out.println("| raters | routing | misleading posts measured | notes shown | views before the note (posts whose "
                + "note showed): median | p90 | views before the note (all posts, never shown = 100 %): median | p90 "
                + "| hours from post to note shown: median | ratings per run |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (Setup setup : setups) {
            for (boolean routing : new boolean[] {false, true}) {
                List<Double> shares = new ArrayList<>();
                List<Double> hours = new ArrayList<>();
                int measured = 0;
                int shown = 0;
                int ratings = 0;
                for (long seed = 1; seed <= seeds; seed++) {
                    Setup seeded = new Setup(setup.hours(), setup.measureFrom(), setup.measureTo(), setup.raters(),
                            setup.joinPerHour(), setup.visitEvery(), setup.perVisit(), setup.misleadingPerHour(),
                            setup.partisanPerHour(), setup.poorPerHour(), setup.noteDelay(), setup.viewLife(),
                            setup.feedRatings(), seed);
                    Outcome outcome = run(seeded, routing);
                    shares.addAll(outcome.sharesBeforeNote());
                    hours.addAll(outcome.hoursToShow());
                    measured += outcome.measured();
                    shown += outcome.shown();
                    ratings += outcome.ratings();
                }
                double[] sorted = shares.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                double[] all = new double[measured];
                Arrays.fill(all, 1.0);
                System.arraycopy(sorted, 0, all, 0, sorted.length);
                Arrays.sort(all);
                double[] sortedHours = hours.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                System.out.printf("| %d | %s | %d | %d (%.0f %%) | %.1f %% | %.1f %% | %.1f %% | %.1f %% | %.1f | %d |%n",
                        setup.raters(), routing ? "on" : "off", measured, shown, 100.0 * shown / Math.max(1, measured),
                        100 * quantile(sorted, 0.5), 100 * quantile(sorted, 0.9), 100 * quantile(all, 0.5),
                        100 * quantile(all, 0.9), quantile(sortedHours, 0.5), ratings / seeds);
            }
        }
    }

    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }

    static Outcome run(Setup setup, boolean routing) {
        // Two streams: the world (posts, notes, newcomers) is the same with routing on and off; people's choices differ.
        SplittableRandom world = new SplittableRandom(setup.seed());
        SplittableRandom random = new SplittableRandom(setup.seed() * 7919 + 1);
        NoteScorer scorer = new NoteScorer(ScoringSettings.defaults());
        NoteRouting order = new NoteRouting(ScoringSettings.defaults());
        List<SimRater> raters = new ArrayList<>();
        for (int i = 0; i < setup.raters(); i++) {
            raters.add(new SimRater(raters.size() + 1, i % 2, world.nextDouble(-0.1, 0.1)));
        }
        List<SimNote> notes = new ArrayList<>();
        List<NoteScorer.Rating> ratings = new ArrayList<>();
        Map<Long, Set<Long>> ratedBy = new HashMap<>();
        Map<Long, Double> factors = Map.of();
        // Notes to come, with the time they are written.
        List<SimNote> upcoming = new ArrayList<>();
        double minute = 1.0 / 60;
        for (double t = 0; t < setup.hours(); t += minute) {
            double now = t;
            arrive(world, setup.misleadingPerHour() * minute, () -> {
                double delay = -Math.log(1 - world.nextDouble()) * setup.noteDelay();
                upcoming.add(new SimNote(0, Kind.CONTEXT, now, now + delay, world.nextInt(2)));
            });
            arrive(world, setup.partisanPerHour() * minute, () -> upcoming.add(new SimNote(0,
                    world.nextBoolean() ? Kind.PARTISAN_A : Kind.PARTISAN_B, now, now, 0)));
            arrive(world, setup.poorPerHour() * minute, () -> upcoming.add(new SimNote(0, Kind.POOR,
                    now, now, world.nextInt(2))));
            upcoming.removeIf(note -> {
                if (note.writtenAt > now) {
                    return false;
                }
                note.id = notes.size() + 1;
                notes.add(note);
                ratedBy.put(note.id, new HashSet<>());
                return true;
            });
            arrive(world, setup.joinPerHour() * minute,
                    () -> raters.add(new SimRater(raters.size() + 1, world.nextInt(2), world.nextDouble(-0.1, 0.1))));
            // Ratings from the feed: a note waiting for ratings, under a post that gets views, mostly from its camp.
            for (SimNote note : notes) {
                if (note.status != NoteStatus.NEEDS_MORE_RATINGS || note.kind == Kind.PARTISAN_A
                        || note.kind == Kind.PARTISAN_B) {
                    continue;
                }
                double age = now - note.postAt;
                double viewsThisMinute = (Math.exp(-age / setup.viewLife()) - Math.exp(-(age + minute) / setup.viewLife()));
                if (random.nextDouble() < setup.feedRatings() * viewsThisMinute) {
                    int camp = random.nextDouble() < 0.85 ? note.spreadsIn : 1 - note.spreadsIn;
                    SimRater rater = raters.get(random.nextInt(raters.size()));
                    while (rater.camp() != camp) {
                        rater = raters.get(random.nextInt(raters.size()));
                    }
                    rate(random, rater, note, ratings, ratedBy);
                }
            }
            // Visits to the list of notes needing ratings.
            double visits = raters.size() * minute / setup.visitEvery();
            for (int v = poisson(random, visits); v > 0; v--) {
                SimRater rater = raters.get(random.nextInt(raters.size()));
                for (SimNote note : offered(rater, notes, ratedBy, factors, routing, order, setup.perVisit())) {
                    rate(random, rater, note, ratings, ratedBy);
                }
            }
            if (Math.floor(now + minute) > Math.floor(now)) {
                factors = score(scorer, notes, ratings, Math.floor(now + minute));
            }
        }
        List<Double> shares = new ArrayList<>();
        List<Double> hoursToShow = new ArrayList<>();
        int measured = 0;
        for (SimNote note : notes) {
            if (note.kind == Kind.CONTEXT && note.postAt >= setup.measureFrom() && note.postAt < setup.measureTo()) {
                measured++;
                if (!Double.isNaN(note.shownAt)) {
                    shares.add(1 - Math.exp(-(note.shownAt - note.postAt) / setup.viewLife()));
                    hoursToShow.add(note.shownAt - note.postAt);
                }
            }
        }
        return new Outcome(shares, hoursToShow, measured, shares.size(), ratings.size());
    }

    /** The notes the list offers this rater, in the routing's order or, without routing, newest first. */
    static List<SimNote> offered(SimRater rater, List<SimNote> notes, Map<Long, Set<Long>> ratedBy,
            Map<Long, Double> factors, boolean routing, NoteRouting order, int count) {
        List<SimNote> waiting = notes.stream().filter(n -> n.status == NoteStatus.NEEDS_MORE_RATINGS
                && !ratedBy.get(n.id).contains(rater.id())).toList();
        if (!routing) {
            return waiting.stream().sorted(Comparator.comparingDouble((SimNote n) -> n.writtenAt).reversed()).limit(count)
                    .toList();
        }
        List<NoteRouting.Candidate> candidates = new ArrayList<>();
        Map<Long, SimNote> byId = new HashMap<>();
        for (SimNote note : waiting) {
            int positive = 0;
            int negative = 0;
            for (long r : ratedBy.get(note.id)) {
                double f = factors.getOrDefault(r, 0.0);
                positive += f > 0 ? 1 : 0;
                negative += f < 0 ? 1 : 0;
            }
            candidates.add(new NoteRouting.Candidate(note.id, positive, negative, ratedBy.get(note.id).size()));
            byId.put(note.id, note);
        }
        return order.order(factors.get(rater.id()), candidates).stream().limit(count).map(p -> byId.get(p.noteId())).toList();
    }

    static Map<Long, Double> score(NoteScorer scorer, List<SimNote> notes, List<NoteScorer.Rating> ratings, double now) {
        List<NoteScorer.NoteInput> inputs = notes.stream().map(n -> new NoteScorer.NoteInput(n.id, true, n.status, false))
                .toList();
        NoteScorer.Result result = scorer.score(inputs, ratings);
        for (SimNote note : notes) {
            NoteStatus status = result.notes().get(note.id).status();
            if (status == NoteStatus.HELPFUL && Double.isNaN(note.shownAt)) {
                note.shownAt = now;
            }
            note.status = status;
        }
        return result.raterFactors();
    }

    static void rate(SplittableRandom random, SimRater rater, SimNote note, List<NoteScorer.Rating> ratings,
            Map<Long, Set<Long>> ratedBy) {
        if (!ratedBy.get(note.id).add(rater.id())) {
            return;
        }
        double appeal = switch (note.kind) {
            case CONTEXT -> 0.9;
            case PARTISAN_A -> rater.camp() == 0 ? 0.9 : 0.05;
            case PARTISAN_B -> rater.camp() == 1 ? 0.9 : 0.05;
            case POOR -> 0.05;
        };
        double value = random.nextDouble() < 0.1 ? 0.5 : random.nextDouble() < appeal + rater.generosity() ? 1.0 : 0.0;
        ratings.add(new NoteScorer.Rating(rater.id(), note.id, value));
    }

    static void arrive(SplittableRandom random, double expected, Runnable arrival) {
        for (int k = poisson(random, expected); k > 0; k--) {
            arrival.run();
        }
    }

    static int poisson(SplittableRandom random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    private NoteRoutingSimulation() {
    }
}
