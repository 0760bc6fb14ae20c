package org.tribune.notes;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic population with two camps of raters (ids below 10 000 are camp A, above are camp B) and a background of
 * notes: some each camp likes and the other does not, some nobody likes, some everybody likes. Each pair of rater
 * and note is rated with probability {@code density}.
 */
final class TwoCamps {
    static final long CAMP_B = 10_000;
    final List<NoteScorer.Rating> ratings = new ArrayList<>();
    final List<NoteScorer.NoteInput> notes = new ArrayList<>();
    final int perCamp;
    private final SplittableRandom random;

    TwoCamps(int perCamp, int backgroundNotes, double density, long seed) {
        this.perCamp = perCamp;
        this.random = new SplittableRandom(seed);
        for (int n = 0; n < backgroundNotes; n++) {
            long id = 1_000_000 + n;
            double a;
            double b;
            switch (n % 20) {
                case 0, 1, 2, 3 -> { a = 0.9; b = 0.1; }      // camp A's notes
                case 4, 5, 6, 7 -> { a = 0.1; b = 0.9; }      // camp B's notes
                case 8, 9, 10 -> { a = 0.85; b = 0.85; }      // good notes
                default -> { a = 0.15; b = 0.15; }            // poor notes
            }
            addNote(id, a, b, density, density);
        }
    }

    long raterA(int i) {
        return 1 + i;
    }

    long raterB(int i) {
        return CAMP_B + 1 + i;
    }

    /** A note rated helpful with probability {@code a} by camp A and {@code b} by camp B, at densities per camp. */
    void addNote(long id, double a, double b, double densityA, double densityB) {
        notes.add(new NoteScorer.NoteInput(id, true, NoteStatus.NEEDS_MORE_RATINGS, false));
        for (int i = 0; i < perCamp; i++) {
            if (random.nextDouble() < densityA) {
                ratings.add(new NoteScorer.Rating(raterA(i), id, value(a)));
            }
            if (random.nextDouble() < densityB) {
                ratings.add(new NoteScorer.Rating(raterB(i), id, value(b)));
            }
        }
    }

    private double value(double helpfulProbability) {
        double x = random.nextDouble();
        if (x < helpfulProbability) {
            return 1.0;
        }
        return x < helpfulProbability + 0.05 ? 0.5 : 0.0;
    }

    NoteScorer.Result score() {
        return new NoteScorer(ScoringSettings.defaults()).score(notes, ratings);
    }
}
