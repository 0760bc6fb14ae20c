package org.tribune.notes;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic population of raters and notes, as the issue describes it: two camps of raters; notes both camps find
 * helpful, partisan notes (one camp's, half for each), poor notes nobody likes; optionally a brigade of new accounts
 * pushing camp A's partisan notes; and a density, the chance that a camp rater rates a given note.
 *
 * <p>It is only a plan (who rates what, how): {@link #score} feeds it to the scorer directly, and
 * {@link StoredPopulation} writes it through the application, so the same population proves the scorer and the
 * whole path from the service to the statuses read back.
 *
 * <p>How people rate: a camp rater finds a note helpful with the note's appeal to their camp: 0.9 when the camp likes
 * it (both-camps notes, their own camp's partisan notes), 0.05 when it does not (the other camp's, poor notes), moved by their own
 * generosity (uniform in ±0.1, some people like more notes than others); whatever the note, one rating in ten is
 * "somewhat". A brigade account rates every camp-A partisan note helpful and every camp-B one not helpful,
 * whatever the density: that is what a brigade is for.
 */
public final class NotePopulation {
    public enum Kind { BOTH_CAMPS, PARTISAN_A, PARTISAN_B, POOR }

    public enum Camp { A, B, BRIGADE }

    /** Its shape: raters per camp, notes of each kind, density, brigade accounts, seed. */
    public record Shape(int perCamp, int bothCamps, int partisanPerCamp, int poor, double density, int brigade, long seed) {
        /**
         * The issue's population (30 both-camps notes, 60 partisan, 30 poor; 100 raters per camp), with the notes
         * multiplied as the density falls, so that every rater still rates about 48 notes (enough to count for the
         * scorer, which leaves out raters with fewer than 10 ratings) while each note gets fewer ratings: at density
         * 0.05 a note has about 10.
         */
        public static Shape issue(double density, int brigade, long seed) {
            int scale = (int) Math.max(1, Math.round(0.4 / density));
            return new Shape(100, 30 * scale, 30 * scale, 30 * scale, density, brigade, seed);
        }
    }

    public record Rater(int index, Camp camp, double generosity) {
    }

    public record PlannedNote(int index, Kind kind) {
    }

    public record PlannedRating(int rater, int note, Helpfulness helpfulness) {
    }

    public final Shape shape;
    public final List<Rater> raters = new ArrayList<>();
    public final List<PlannedNote> notes = new ArrayList<>();
    public final List<PlannedRating> ratings = new ArrayList<>();

    private NotePopulation(Shape shape) {
        this.shape = shape;
    }

    public static NotePopulation generate(Shape shape) {
        NotePopulation population = new NotePopulation(shape);
        SplittableRandom random = new SplittableRandom(shape.seed());
        for (int i = 0; i < 2 * shape.perCamp(); i++) {
            population.raters.add(new Rater(i, i % 2 == 0 ? Camp.A : Camp.B, random.nextDouble(-0.1, 0.1)));
        }
        for (int i = 0; i < shape.brigade(); i++) {
            population.raters.add(new Rater(population.raters.size(), Camp.BRIGADE, 0));
        }
        // Kinds interleaved, so that any prefix of the notes (the browser test's first note) has every kind.
        int total = shape.bothCamps() + 2 * shape.partisanPerCamp() + shape.poor();
        int[] left = {shape.bothCamps(), shape.partisanPerCamp(), shape.partisanPerCamp(), shape.poor()};
        for (int n = 0; population.notes.size() < total; n++) {
            int kind = n % 4;
            if (left[kind] > 0) {
                left[kind]--;
                population.notes.add(new PlannedNote(population.notes.size(), Kind.values()[kind]));
            }
        }
        for (Rater rater : population.raters) {
            for (PlannedNote note : population.notes) {
                if (rater.camp() == Camp.BRIGADE) {
                    if (note.kind() == Kind.PARTISAN_A) {
                        population.ratings.add(new PlannedRating(rater.index(), note.index(), Helpfulness.HELPFUL));
                    } else if (note.kind() == Kind.PARTISAN_B) {
                        population.ratings.add(new PlannedRating(rater.index(), note.index(), Helpfulness.NOT_HELPFUL));
                    }
                } else if (random.nextDouble() < shape.density()) {
                    double p = appeal(note.kind(), rater.camp()) + rater.generosity();
                    Helpfulness h = random.nextDouble() < 0.1 ? Helpfulness.SOMEWHAT
                            : random.nextDouble() < p ? Helpfulness.HELPFUL : Helpfulness.NOT_HELPFUL;
                    population.ratings.add(new PlannedRating(rater.index(), note.index(), h));
                }
            }
        }
        return population;
    }

    static double appeal(Kind kind, Camp camp) {
        return switch (kind) {
            case BOTH_CAMPS -> 0.9;
            case PARTISAN_A -> camp == Camp.A ? 0.9 : 0.05;
            case PARTISAN_B -> camp == Camp.B ? 0.9 : 0.05;
            case POOR -> 0.05;
        };
    }

    /** Note ids for the scorer: the plan's index plus one. */
    static long noteId(int index) {
        return index + 1L;
    }

    static long raterId(int index) {
        return 100_000L + index;
    }

    public List<PlannedNote> of(Kind kind) {
        return notes.stream().filter(n -> n.kind() == kind).toList();
    }

    NoteScorer.Result score(ScoringSettings settings) {
        List<NoteScorer.NoteInput> inputs = notes.stream()
                .map(n -> new NoteScorer.NoteInput(noteId(n.index()), true, NoteStatus.NEEDS_MORE_RATINGS, false)).toList();
        List<NoteScorer.Rating> given = ratings.stream()
                .map(r -> new NoteScorer.Rating(raterId(r.rater()), noteId(r.note()), r.helpfulness().value())).toList();
        return new NoteScorer(settings).score(inputs, given);
    }

    /** The share of notes of this kind that ended with this status. */
    static double share(NoteScorer.Result result, List<PlannedNote> notes, NoteStatus status) {
        return (double) notes.stream().filter(n -> result.notes().get(noteId(n.index())).status() == status).count()
                / notes.size();
    }

    static long count(NoteScorer.Result result, List<PlannedNote> notes, NoteStatus status) {
        return notes.stream().filter(n -> result.notes().get(noteId(n.index())).status() == status).count();
    }
}
