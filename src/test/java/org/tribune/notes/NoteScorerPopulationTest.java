package org.tribune.notes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tribune.notes.NotePopulation.Kind;

/**
 * The acceptance line of the scorer, property-style: for every seed of the generated two-camp population, at density
 * 0.4 at least 90 % of both-camps notes end Helpful and at least 85 % of poor notes end Not Helpful; at every density
 * from 0.4 down to 0.05 no partisan note ends Helpful, with or without a brigade of 60 new accounts.
 */
class NoteScorerPopulationTest {
    static final int SEEDS = 8;
    static final double[] DENSITIES = {0.4, 0.3, 0.2, 0.1, 0.05};

    static LongStream seeds() {
        return LongStream.rangeClosed(1, SEEDS);
    }

    static Stream<Arguments> everyDensitySeedAndBrigade() {
        List<Arguments> all = new ArrayList<>();
        for (double density : DENSITIES) {
            for (long seed = 1; seed <= SEEDS; seed++) {
                all.add(Arguments.of(density, seed, 0));
                all.add(Arguments.of(density, seed, 60));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void atDensityFortyPercentBothCampsNotesShowAndPoorNotesAreTurnedDown(long seed) {
        NotePopulation population = NotePopulation.generate(NotePopulation.Shape.issue(0.4, 0, seed));
        NoteScorer.Result result = population.score(ScoringSettings.defaults());

        assertThat(NotePopulation.share(result, population.of(Kind.BOTH_CAMPS), NoteStatus.HELPFUL)).isGreaterThanOrEqualTo(0.90);
        assertThat(NotePopulation.share(result, population.of(Kind.POOR), NoteStatus.NOT_HELPFUL)).isGreaterThanOrEqualTo(0.85);
    }

    @ParameterizedTest(name = "density {0}, seed {1}, brigade {2}")
    @MethodSource("everyDensitySeedAndBrigade")
    void noPartisanNoteEverShows(double density, long seed, int brigade) {
        NotePopulation population = NotePopulation.generate(NotePopulation.Shape.issue(density, brigade, seed));
        NoteScorer.Result result = population.score(ScoringSettings.defaults());

        assertThat(NotePopulation.count(result, population.of(Kind.PARTISAN_A), NoteStatus.HELPFUL)).isZero();
        assertThat(NotePopulation.count(result, population.of(Kind.PARTISAN_B), NoteStatus.HELPFUL)).isZero();
        // The population is what it says: every note was rated, and the brigade's accounts count for the scorer.
        assertThat(result.notes()).hasSize(population.notes.size());
        if (brigade > 0) {
            assertThat(result.raterFactors()).containsKey(NotePopulation.raterId(population.raters.size() - 1));
        }
    }
}
