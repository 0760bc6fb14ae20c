package org.tribune.notes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The scorer on two-camp populations: bridging notes become Helpful, one-camp notes never do. */
class NoteScorerTest {
    static final long BRIDGING = 1;
    static final long ONE_CAMP = 2;

    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.1, 0.2, 0.5})
    void noteHelpfulToBothCampsBecomesHelpful(double density) {
        TwoCamps population = new TwoCamps(200, 300, density, 7);
        population.addNote(BRIDGING, 0.95, 0.95, Math.max(density, 0.06), Math.max(density, 0.06));
        NoteScorer.Result result = population.score();
        NoteScorer.NoteScore note = result.notes().get(BRIDGING);
        System.out.printf("density %.2f bridging: %s%n", density, note);
        assertThat(note.status()).isEqualTo(NoteStatus.HELPFUL);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.1, 0.2, 0.5})
    void noteHelpfulToOneCampNeverBecomesHelpful(double density) {
        TwoCamps population = new TwoCamps(200, 300, density, 11);
        population.addNote(ONE_CAMP, 0.95, 0.05, density, density);
        NoteScorer.NoteScore note = population.score().notes().get(ONE_CAMP);
        System.out.printf("density %.2f one camp: %s%n", density, note);
        assertThat(note.status()).isNotEqualTo(NoteStatus.HELPFUL);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.1, 0.2, 0.5})
    void brigadingByOneCampNeverMakesANoteHelpful(double density) {
        TwoCamps population = new TwoCamps(200, 300, density, 13);
        // Every member of camp A rates it helpful; camp B rates it as sparsely as anything else.
        population.addNote(ONE_CAMP, 1.0, 0.05, 1.0, density);
        NoteScorer.NoteScore note = population.score().notes().get(ONE_CAMP);
        System.out.printf("density %.2f brigaded: %s%n", density, note);
        assertThat(note.status()).isNotEqualTo(NoteStatus.HELPFUL);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.1, 0.2})
    void oneCampAloneRatingANoteNeverMakesItHelpful(double density) {
        TwoCamps population = new TwoCamps(200, 300, density, 17);
        // Only camp A rates it at all: sparse one-sided ratings, the case the both-sides guard is for.
        population.addNote(ONE_CAMP, 1.0, 0.0, density, 0.0);
        NoteScorer.NoteScore note = population.score().notes().get(ONE_CAMP);
        System.out.printf("density %.2f camp A only: %s%n", density, note);
        assertThat(note.status()).isNotEqualTo(NoteStatus.HELPFUL);
    }

    @Test
    void campsEndOnOppositeSidesOfTheFactor() {
        TwoCamps population = new TwoCamps(100, 200, 0.2, 3);
        NoteScorer.Result result = population.score();
        double a = result.raterFactors().get(population.raterA(0));
        double b = result.raterFactors().get(population.raterB(0));
        assertThat(Math.signum(a)).isEqualTo(-Math.signum(b));
    }

    @Test
    void aNoteWithTooFewRatingsNeedsMoreRatings() {
        TwoCamps population = new TwoCamps(100, 200, 0.2, 5);
        population.addNote(BRIDGING, 1.0, 1.0, 0.02, 0.0);
        assertThat(population.score().notes().get(BRIDGING).status()).isEqualTo(NoteStatus.NEEDS_MORE_RATINGS);
    }

    @Test
    void helpfulNeedsAMisleadingClassificationAndBothSides() {
        NoteScorer scorer = new NoteScorer(ScoringSettings.defaults());
        var misleading = new NoteScorer.NoteInput(1, true, NoteStatus.NEEDS_MORE_RATINGS, false);
        var notMisleading = new NoteScorer.NoteInput(1, false, NoteStatus.NEEDS_MORE_RATINGS, false);
        assertThat(scorer.status(misleading, 0.45, 0.1, 5, 5)).isEqualTo(NoteStatus.HELPFUL);
        assertThat(scorer.status(notMisleading, 0.45, 0.1, 5, 5)).isEqualTo(NoteStatus.NEEDS_MORE_RATINGS);
        assertThat(scorer.status(misleading, 0.45, 0.1, 5, 3)).isEqualTo(NoteStatus.NEEDS_MORE_RATINGS);
        assertThat(scorer.status(misleading, 0.45, 0.6, 5, 5)).isEqualTo(NoteStatus.NEEDS_MORE_RATINGS);
    }

    @Test
    void helpfulIsKeptUntilTheInterceptFallsBelowTheLowerBar() {
        NoteScorer scorer = new NoteScorer(ScoringSettings.defaults());
        var fresh = new NoteScorer.NoteInput(1, true, NoteStatus.NEEDS_MORE_RATINGS, false);
        var helpful = new NoteScorer.NoteInput(1, true, NoteStatus.HELPFUL, false);
        assertThat(scorer.status(fresh, 0.395, 0.0, 5, 5)).isEqualTo(NoteStatus.NEEDS_MORE_RATINGS);
        assertThat(scorer.status(helpful, 0.395, 0.0, 5, 5)).isEqualTo(NoteStatus.HELPFUL);
        assertThat(scorer.status(helpful, 0.385, 0.0, 5, 5)).isEqualTo(NoteStatus.NEEDS_MORE_RATINGS);
    }

    @Test
    void notHelpfulBarDropsWithTheFactor() {
        NoteScorer scorer = new NoteScorer(ScoringSettings.defaults());
        var note = new NoteScorer.NoteInput(1, true, NoteStatus.NEEDS_MORE_RATINGS, false);
        assertThat(scorer.status(note, -0.06, 0.0, 0, 0)).isEqualTo(NoteStatus.NOT_HELPFUL);
        assertThat(scorer.status(note, -0.06, 0.5, 0, 0)).isEqualTo(NoteStatus.NEEDS_MORE_RATINGS);
        assertThat(scorer.status(note, -0.5, 0.5, 0, 0)).isEqualTo(NoteStatus.NOT_HELPFUL);
    }

    @Test
    void frozenNotesKeepTheirStatus() {
        TwoCamps population = new TwoCamps(100, 200, 0.2, 5);
        population.notes.add(new NoteScorer.NoteInput(BRIDGING, true, NoteStatus.HELPFUL, true));
        population.addNote(99, 0.0, 0.0, 0.3, 0.3);
        population.notes.removeLast();
        population.notes.add(new NoteScorer.NoteInput(99, true, NoteStatus.HELPFUL, true));
        assertThat(population.score().notes().get(99L).status()).isEqualTo(NoteStatus.HELPFUL);
    }

    @Test
    void ratersWhoDisagreeWithOutcomesAreLeftOutOfTheSecondRound() {
        NoteScorer scorer = new NoteScorer(ScoringSettings.defaults());
        var statuses = new java.util.HashMap<Long, NoteStatus>();
        List<NoteScorer.Rating> ratings = new java.util.ArrayList<>();
        for (long n = 1; n <= 6; n++) {
            statuses.put(n, n % 2 == 0 ? NoteStatus.NOT_HELPFUL : NoteStatus.HELPFUL);
            // Rater 7 says the opposite of every outcome; rater 8 agrees with five of six (0.83).
            ratings.add(new NoteScorer.Rating(7, n, n % 2 == 0 ? 1.0 : 0.0));
            ratings.add(new NoteScorer.Rating(8, n, n == 6 ? 1.0 : n % 2 == 0 ? 0.0 : 1.0));
        }
        assertThat(scorer.withoutDisagreeingRaters(ratings, statuses)).extracting(NoteScorer.Rating::raterId)
                .containsOnly(8L);
    }

    @Test
    void somewhatDecidesNothingAndNobodyIsJudgedOnFewerThanFiveDecidedRatings() {
        NoteScorer scorer = new NoteScorer(ScoringSettings.defaults());
        var statuses = new java.util.HashMap<Long, NoteStatus>();
        List<NoteScorer.Rating> ratings = new java.util.ArrayList<>();
        for (long n = 1; n <= 10; n++) {
            statuses.put(n, NoteStatus.HELPFUL);
            // Rater 7: four decided ratings, all against the outcome, and six "somewhat": not judged yet.
            ratings.add(new NoteScorer.Rating(7, n, n <= 4 ? 0.0 : 0.5));
            // Rater 9: five decided ratings, three against: 0.4 agreement, left out.
            if (n <= 5) {
                ratings.add(new NoteScorer.Rating(9, n, n <= 3 ? 0.0 : 1.0));
            }
        }
        assertThat(scorer.withoutDisagreeingRaters(ratings, statuses)).extracting(NoteScorer.Rating::raterId)
                .containsOnly(7L);
    }

    @Test
    void theGlobalInterceptStartsAtZeroAndIsPenalisedLikeTheOtherIntercepts() {
        NoteScorer scorer = new NoteScorer(ScoringSettings.defaults());
        // Everybody rates everything helpful. Free, μ alone would explain it (μ = 1, every intercept 0); penalised,
        // the level is shared between μ, the raters' and notes' intercepts (and the factors, whose penalty is lighter).
        List<NoteScorer.Rating> ratings = new java.util.ArrayList<>();
        for (long u = 1; u <= 30; u++) {
            for (long n = 1; n <= 20; n++) {
                ratings.add(new NoteScorer.Rating(u, 100 + n, 1.0));
            }
        }
        NoteScorer.Fit fit = scorer.new Fit(ratings);
        assertThat(fit.mu).isZero();
        fit.train();
        assertThat(fit.mu).isBetween(0.1, 0.45);
        for (double intercept : fit.noteIntercepts) {
            assertThat(intercept).isBetween(0.1, 0.45).isCloseTo(fit.mu, org.assertj.core.data.Offset.offset(0.05));
        }
    }

    @Test
    void theLargerGroupOfRatersGetsTheNegativeSide() {
        // 20 raters in one camp, 40 in the other, each liking its camp's notes only.
        List<NoteScorer.Rating> ratings = new java.util.ArrayList<>();
        for (long u = 1; u <= 60; u++) {
            boolean small = u <= 20;
            for (long n = 1; n <= 30; n++) {
                boolean smallCampsNote = n % 2 == 0;
                ratings.add(new NoteScorer.Rating(u, 100 + n, small == smallCampsNote ? 1.0 : 0.0));
            }
        }
        NoteScorer.Fit fit = new NoteScorer(ScoringSettings.defaults()).fit(ratings);
        for (long u = 1; u <= 60; u++) {
            double factor = fit.raterFactors[fit.raterIndex.get(u)];
            if (u <= 20) {
                assertThat(factor).as("rater " + u).isPositive();
            } else {
                assertThat(factor).as("rater " + u).isNegative();
            }
        }
    }
}
