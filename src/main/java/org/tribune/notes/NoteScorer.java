package org.tribune.notes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The bridging scorer of community notes: pure computation, no database. It fits the matrix factorisation of the
 * reference model, r̂ = μ + i_u + i_n + f_u·f_n with one factor, by full-batch Adam on the mean-squared error plus
 * mean L2 penalties (the global intercept μ is an intercept like the others: started at 0 and penalised with them),
 * then reads each note's status from its intercept i_n and factor f_n. docs/notes-scoring.md gives every constant
 * with its source.
 *
 * <p>The factor captures what splits raters (in practice, their camp); the intercept is what is left: how helpful a
 * note is to raters whatever their camp. So a note only one camp likes gets a large |f_n| and a modest i_n, and a note
 * both camps like gets a high i_n. Because sparse one-sided ratings can still push i_n up (the model has too little
 * to place the note on the factor), Helpful also needs at least {@code minNetHelpfulPerSide} net-helpful ratings from
 * raters on each side (f_u > 0 and f_u < 0).
 *
 * <p>Two rounds: the second leaves out raters whose ratings agreed with the first round's final statuses less than
 * {@code minRaterAgreement} of the time, and refits.
 */
public final class NoteScorer {
    private final ScoringSettings settings;

    public NoteScorer(ScoringSettings settings) {
        this.settings = settings;
    }

    /** One rating: 1.0 helpful, 0.5 somewhat, 0.0 not helpful. */
    public record Rating(long raterId, long noteId, double value) {
    }

    /** A note to score: {@code previous} is its current status, {@code frozen} keeps that status as it is. */
    public record NoteInput(long noteId, boolean misleading, NoteStatus previous, boolean frozen) {
    }

    public record NoteScore(long noteId, NoteStatus status, double intercept, double factor, int ratings,
            int helpfulFromPositiveSide, int helpfulFromNegativeSide) {
    }

    /** Statuses of all notes given, the raters' factors, and how the fit went (for logs and the benchmark). */
    public record Result(Map<Long, NoteScore> notes, Map<Long, Double> raterFactors, double globalIntercept,
            int iterations, int countedRatings, int leftOutRaters) {
    }

    public Result score(List<NoteInput> notes, List<Rating> ratings) {
        Map<Long, NoteInput> byId = new HashMap<>();
        notes.forEach(n -> byId.put(n.noteId(), n));
        List<Rating> known = ratings.stream().filter(r -> byId.containsKey(r.noteId())).toList();

        Fit first = fit(eligible(known));
        Map<Long, NoteStatus> firstStatuses = statuses(byId, first);
        List<Rating> agreeing = withoutDisagreeingRaters(known, firstStatuses);
        int leftOut = (int) (known.stream().map(Rating::raterId).distinct().count()
                - agreeing.stream().map(Rating::raterId).distinct().count());
        Fit second = fit(eligible(agreeing));
        Map<Long, NoteStatus> finalStatuses = statuses(byId, second);

        Map<Long, NoteScore> scores = new HashMap<>();
        for (NoteInput note : notes) {
            Integer n = second.noteIndex.get(note.noteId());
            NoteStatus status = finalStatuses.getOrDefault(note.noteId(),
                    note.frozen() ? note.previous() : NoteStatus.NEEDS_MORE_RATINGS);
            if (n == null) {
                scores.put(note.noteId(), new NoteScore(note.noteId(), status, 0, 0, 0, 0, 0));
            } else {
                scores.put(note.noteId(), new NoteScore(note.noteId(), status, second.noteIntercepts[n],
                        second.noteFactors[n], second.noteCounts[n], second.netHelpful(n, true), second.netHelpful(n, false)));
            }
        }
        Map<Long, Double> raterFactors = new HashMap<>();
        second.raterIndex.forEach((id, u) -> raterFactors.put(id, second.raterFactors[u]));
        return new Result(scores, raterFactors, second.mu, first.iterations + second.iterations, second.size(), leftOut);
    }

    /** Ratings of raters with enough ratings, on notes with enough of those ratings (applied until stable). */
    List<Rating> eligible(List<Rating> ratings) {
        List<Rating> current = ratings;
        while (true) {
            Map<Long, Integer> perRater = new HashMap<>();
            current.forEach(r -> perRater.merge(r.raterId(), 1, Integer::sum));
            List<Rating> byRaters = current.stream()
                    .filter(r -> perRater.get(r.raterId()) >= settings.minRaterRatings()).toList();
            // Notes below the minimum still take part in the fit (they place their raters); they just get no status.
            if (byRaters.size() == current.size()) {
                return byRaters;
            }
            current = byRaters;
        }
    }

    private Map<Long, NoteStatus> statuses(Map<Long, NoteInput> notes, Fit fit) {
        Map<Long, NoteStatus> statuses = new HashMap<>();
        for (NoteInput note : notes.values()) {
            Integer n = fit.noteIndex.get(note.noteId());
            if (note.frozen()) {
                statuses.put(note.noteId(), note.previous());
            } else if (n == null || fit.noteCounts[n] < settings.minNoteRatings()) {
                statuses.put(note.noteId(), NoteStatus.NEEDS_MORE_RATINGS);
            } else {
                statuses.put(note.noteId(), status(note, fit.noteIntercepts[n], fit.noteFactors[n],
                        fit.netHelpful(n, true), fit.netHelpful(n, false)));
            }
        }
        return statuses;
    }

    /** The status rules of the reference model, with hysteresis on Helpful and the both-sides guard. */
    NoteStatus status(NoteInput note, double intercept, double factor, int netPositive, int netNegative) {
        double bar = note.previous() == NoteStatus.HELPFUL ? settings.helpfulKeepIntercept() : settings.helpfulIntercept();
        boolean bothSides = netPositive >= settings.minNetHelpfulPerSide() && netNegative >= settings.minNetHelpfulPerSide();
        if (note.misleading() && intercept >= bar && Math.abs(factor) < settings.helpfulMaxFactor() && bothSides) {
            return NoteStatus.HELPFUL;
        }
        if (intercept <= settings.notHelpfulIntercept() - settings.notHelpfulSlope() * Math.abs(factor)) {
            return NoteStatus.NOT_HELPFUL;
        }
        return NoteStatus.NEEDS_MORE_RATINGS;
    }

    /**
     * Keeps raters whose decided ratings agree with the first round's final statuses at least
     * {@code minRaterAgreement} of the time, the published rule: helpful on a Helpful note or not helpful on a Not
     * Helpful note agrees, the reverse disagrees, and "somewhat" decides nothing. A rater is judged only once they have
     * {@code minAgreementSample} decided ratings; before that they are kept.
     */
    List<Rating> withoutDisagreeingRaters(List<Rating> ratings, Map<Long, NoteStatus> statuses) {
        Map<Long, int[]> tally = new HashMap<>();
        for (Rating r : ratings) {
            NoteStatus status = statuses.get(r.noteId());
            if (status == null || !status.isFinal() || (r.value() > 0.0 && r.value() < 1.0)) {
                continue;
            }
            boolean agrees = (status == NoteStatus.HELPFUL) == (r.value() >= 1.0);
            int[] t = tally.computeIfAbsent(r.raterId(), k -> new int[2]);
            t[0] += agrees ? 1 : 0;
            t[1]++;
        }
        return ratings.stream().filter(r -> {
            int[] t = tally.get(r.raterId());
            return t == null || t[1] < settings.minAgreementSample()
                    || (double) t[0] / t[1] >= settings.minRaterAgreement();
        }).toList();
    }

    Fit fit(List<Rating> ratings) {
        Fit fit = new Fit(ratings);
        fit.train();
        return fit;
    }

    /** The fitted model: parallel arrays over ratings, raters and notes. */
    final class Fit {
        final Map<Long, Integer> raterIndex = new HashMap<>();
        final Map<Long, Integer> noteIndex = new HashMap<>();
        final int[] rater;
        final int[] note;
        final double[] value;
        final double[] raterIntercepts;
        final double[] raterFactors;
        final double[] noteIntercepts;
        final double[] noteFactors;
        final int[] noteCounts;
        double mu;
        int iterations;

        Fit(List<Rating> ratings) {
            int size = ratings.size();
            rater = new int[size];
            note = new int[size];
            value = new double[size];
            for (int k = 0; k < size; k++) {
                Rating r = ratings.get(k);
                rater[k] = raterIndex.computeIfAbsent(r.raterId(), id -> raterIndex.size());
                note[k] = noteIndex.computeIfAbsent(r.noteId(), id -> noteIndex.size());
                value[k] = r.value();
            }
            raterIntercepts = new double[raterIndex.size()];
            raterFactors = new double[raterIndex.size()];
            noteIntercepts = new double[noteIndex.size()];
            noteFactors = new double[noteIndex.size()];
            noteCounts = new int[noteIndex.size()];
            for (int n : note) {
                noteCounts[n]++;
            }
            SplittableRandom random = new SplittableRandom(settings.seed());
            for (int u = 0; u < raterFactors.length; u++) {
                raterFactors[u] = random.nextGaussian() * 0.1;
            }
            for (int n = 0; n < noteFactors.length; n++) {
                noteFactors[n] = random.nextGaussian() * 0.1;
            }
            // μ starts at 0, like every intercept: started at the mean rating and left free, it would take the shared
            // level of helpfulness away from the note intercepts and put the fixed 0.40 bar out of their reach.
            mu = 0;
        }

        int size() {
            return value.length;
        }

        private int[][] net;

        /** Helpful (+1), somewhat (0) and not helpful (−1) ratings of note n by raters on one side of the factor. */
        int netHelpful(int n, boolean positiveSide) {
            if (net == null) {
                net = new int[2][noteIntercepts.length];
                for (int k = 0; k < value.length; k++) {
                    double f = raterFactors[rater[k]];
                    if (f != 0) {
                        net[f > 0 ? 0 : 1][note[k]] += value[k] >= 1.0 ? 1 : value[k] <= 0.0 ? -1 : 0;
                    }
                }
            }
            return net[positiveSide ? 0 : 1][n];
        }

        void train() {
            if (value.length == 0) {
                return;
            }
            int users = raterIntercepts.length;
            int notes = noteIntercepts.length;
            Adam adam = new Adam(1 + 2 * users + 2 * notes, settings.learningRate());
            double[] gradient = new double[1 + 2 * users + 2 * notes];
            double previous = Double.MAX_VALUE;
            for (iterations = 0; iterations < settings.maxIterations(); iterations++) {
                double loss = gradient(gradient);
                // As the published code: stop once the loss settles, or once it rises after the first hundred steps.
                if (Math.abs(previous - loss) <= settings.tolerance() || (iterations > 100 && loss > previous)) {
                    break;
                }
                previous = loss;
                adam.step(gradient, this);
            }
            identify();
        }

        /**
         * The factor's sign is arbitrary (flipping every f_u and f_n gives the same fit), so it is fixed as the
         * published code does: the larger group of raters gets a negative factor. Sides then keep their meaning from
         * one run to the next, which the routing of notes to raters relies on.
         */
        void identify() {
            int negative = 0;
            int nonZero = 0;
            for (double f : raterFactors) {
                negative += f < 0 ? 1 : 0;
                nonZero += f != 0 ? 1 : 0;
            }
            if (nonZero > 0 && negative * 2 < nonZero) {
                for (int u = 0; u < raterFactors.length; u++) {
                    raterFactors[u] = -raterFactors[u];
                }
                for (int n = 0; n < noteFactors.length; n++) {
                    noteFactors[n] = -noteFactors[n];
                }
            }
        }

        /** The loss at the current parameters; writes its gradient into {@code g} (μ, i_u, f_u, i_n, f_n in order). */
        double gradient(double[] g) {
            java.util.Arrays.fill(g, 0);
            int users = raterIntercepts.length;
            int notes = noteIntercepts.length;
            int iu = 1;
            int fu = 1 + users;
            int in = 1 + 2 * users;
            int fn = 1 + 2 * users + notes;
            double scale = 2.0 / value.length;
            double squared = 0;
            for (int k = 0; k < value.length; k++) {
                int u = rater[k];
                int n = note[k];
                double error = mu + raterIntercepts[u] + noteIntercepts[n] + raterFactors[u] * noteFactors[n] - value[k];
                squared += error * error;
                double d = scale * error;
                g[0] += d;
                g[iu + u] += d;
                g[in + n] += d;
                g[fu + u] += d * noteFactors[n];
                g[fn + n] += d * raterFactors[u];
            }
            double penalty = 0;
            double li = settings.interceptLambda();
            double lf = settings.factorLambda();
            for (int u = 0; u < users; u++) {
                penalty += li * raterIntercepts[u] * raterIntercepts[u] / users + lf * raterFactors[u] * raterFactors[u] / users;
                g[iu + u] += 2 * li * raterIntercepts[u] / users;
                g[fu + u] += 2 * lf * raterFactors[u] / users;
            }
            for (int n = 0; n < notes; n++) {
                penalty += li * noteIntercepts[n] * noteIntercepts[n] / notes + lf * noteFactors[n] * noteFactors[n] / notes;
                g[in + n] += 2 * li * noteIntercepts[n] / notes;
                g[fn + n] += 2 * lf * noteFactors[n] / notes;
            }
            // μ is an intercept like the others and carries the same penalty (the mean of one square is that square).
            penalty += li * mu * mu;
            g[0] += 2 * li * mu;
            return squared / value.length + penalty;
        }

        double get(int p) {
            int users = raterIntercepts.length;
            int notes = noteIntercepts.length;
            if (p == 0) {
                return mu;
            } else if (p <= users) {
                return raterIntercepts[p - 1];
            } else if (p <= 2 * users) {
                return raterFactors[p - 1 - users];
            } else if (p <= 2 * users + notes) {
                return noteIntercepts[p - 1 - 2 * users];
            }
            return noteFactors[p - 1 - 2 * users - notes];
        }

        void add(int p, double delta) {
            int users = raterIntercepts.length;
            int notes = noteIntercepts.length;
            if (p == 0) {
                mu += delta;
            } else if (p <= users) {
                raterIntercepts[p - 1] += delta;
            } else if (p <= 2 * users) {
                raterFactors[p - 1 - users] += delta;
            } else if (p <= 2 * users + notes) {
                noteIntercepts[p - 1 - 2 * users] += delta;
            } else {
                noteFactors[p - 1 - 2 * users - notes] += delta;
            }
        }
    }

    /** Adam (Kingma and Ba), with the usual β₁ 0.9, β₂ 0.999 and ε 1e-8. */
    static final class Adam {
        private final double[] m;
        private final double[] v;
        private final double rate;
        private int t;

        Adam(int size, double rate) {
            this.m = new double[size];
            this.v = new double[size];
            this.rate = rate;
        }

        void step(double[] g, Fit fit) {
            t++;
            double c1 = 1 - Math.pow(0.9, t);
            double c2 = 1 - Math.pow(0.999, t);
            for (int p = 0; p < g.length; p++) {
                m[p] = 0.9 * m[p] + 0.1 * g[p];
                v[p] = 0.999 * v[p] + 0.001 * g[p] * g[p];
                fit.add(p, -rate * (m[p] / c1) / (Math.sqrt(v[p] / c2) + 1e-8));
            }
        }
    }
}
