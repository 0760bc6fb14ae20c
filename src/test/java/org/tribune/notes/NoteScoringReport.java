package org.tribune.notes;

import java.util.Arrays;

import org.tribune.notes.NotePopulation.Kind;

/**
 * Prints the figures of docs/notes-scoring.md on the generated two-camp populations: for each density, with and
 * without the brigade, the share of both-camps notes ending Helpful, of poor notes ending Not Helpful (mean and
 * worst over the seeds) and how many partisan notes ended Helpful in all. Run by bench/notes-report.sh.
 */
public final class NoteScoringReport {
    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 25;
        System.out.println("| density | brigade | notes (both / partisan / poor) | ratings per run | both-camps Helpful, mean (worst) "
                + "| poor Not Helpful, mean (worst) | partisan notes Helpful (of all runs) |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        for (double density : new double[] {0.4, 0.3, 0.2, 0.1, 0.05}) {
            for (int brigade : new int[] {0, 60}) {
                double[] both = new double[seeds];
                double[] poor = new double[seeds];
                long partisan = 0;
                long partisanNotes = 0;
                long ratings = 0;
                NotePopulation.Shape shape = null;
                for (int s = 0; s < seeds; s++) {
                    shape = NotePopulation.Shape.issue(density, brigade, s + 1);
                    NotePopulation population = NotePopulation.generate(shape);
                    NoteScorer.Result result = population.score(ScoringSettings.defaults());
                    both[s] = NotePopulation.share(result, population.of(Kind.BOTH_CAMPS), NoteStatus.HELPFUL);
                    poor[s] = NotePopulation.share(result, population.of(Kind.POOR), NoteStatus.NOT_HELPFUL);
                    partisan += NotePopulation.count(result, population.of(Kind.PARTISAN_A), NoteStatus.HELPFUL)
                            + NotePopulation.count(result, population.of(Kind.PARTISAN_B), NoteStatus.HELPFUL);
                    partisanNotes += 2L * shape.partisanPerCamp();
                    ratings += population.ratings.size();
                }
                System.out.printf("| %.2f | %d | %d / %d / %d | %d | %.1f %% (%.1f %%) | %.1f %% (%.1f %%) | %d of %d |%n",
                        density, brigade, shape.bothCamps(), 2 * shape.partisanPerCamp(), shape.poor(), ratings / seeds,
                        100 * Arrays.stream(both).average().orElse(0), 100 * Arrays.stream(both).min().orElse(0),
                        100 * Arrays.stream(poor).average().orElse(0), 100 * Arrays.stream(poor).min().orElse(0),
                        partisan, partisanNotes);
            }
        }
    }
}
