package org.tribune.notes;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every constant of the note scorer, as settings ({@code tribune.notes.scoring.*}). The defaults are those of the
 * reference model (X's Community Notes, Wojcik et al. 2022).
 *
 * @param interceptLambda regularisation of rater and note intercepts (mean penalty)
 * @param factorLambda regularisation of rater and note factors (mean penalty)
 * @param learningRate Adam's step size (full batch)
 * @param tolerance fitting stops when the loss changes by at most this much between two steps
 * @param maxIterations fitting stops after this many steps whatever the loss does
 * @param minRaterRatings only raters with at least this many ratings count
 * @param minNoteRatings a note needs this many counted ratings to leave "needs more ratings"
 * @param helpfulIntercept a misleading-note with an intercept at least this high becomes Helpful...
 * @param helpfulKeepIntercept ...and stays Helpful until its intercept falls below this (hysteresis)
 * @param helpfulMaxFactor ...provided its factor is below this in absolute value (not one side's note)
 * @param notHelpfulIntercept Not Helpful when intercept ≤ this − notHelpfulSlope·|factor|
 * @param notHelpfulSlope see notHelpfulIntercept
 * @param minNetHelpfulPerSide Helpful needs this many net-helpful ratings from raters on each side of the factor
 * @param minRaterAgreement second round: raters agreeing with final outcomes less often than this are left out
 * @param minAgreementSample a rater is judged on agreement once they rated this many notes with a final status
 * @param freezeDays a note's status no longer changes this many days after it was written
 * @param seed the random start of the factors, fixed so that a run can be reproduced from the export
 * @param routingFewRatings a rater with no factor yet is offered first the notes with at least this many ratings
 */
@ConfigurationProperties("tribune.notes.scoring")
public record ScoringSettings(
        @DefaultValue("0.15") double interceptLambda,
        @DefaultValue("0.03") double factorLambda,
        @DefaultValue("1.0") double learningRate,
        @DefaultValue("1e-7") double tolerance,
        @DefaultValue("20000") int maxIterations,
        @DefaultValue("10") int minRaterRatings,
        @DefaultValue("5") int minNoteRatings,
        @DefaultValue("0.40") double helpfulIntercept,
        @DefaultValue("0.39") double helpfulKeepIntercept,
        @DefaultValue("0.5") double helpfulMaxFactor,
        @DefaultValue("-0.05") double notHelpfulIntercept,
        @DefaultValue("0.8") double notHelpfulSlope,
        @DefaultValue("4") int minNetHelpfulPerSide,
        @DefaultValue("0.66") double minRaterAgreement,
        @DefaultValue("5") int minAgreementSample,
        @DefaultValue("14") int freezeDays,
        @DefaultValue("42") long seed,
        @DefaultValue("3") int routingFewRatings) {

    /** The reference defaults, for tests and the benchmark. */
    public static ScoringSettings defaults() {
        return new ScoringSettings(0.15, 0.03, 1.0, 1e-7, 20000, 10, 5, 0.40, 0.39, 0.5, -0.05, 0.8, 4, 0.66, 5, 14, 42, 3);
    }
}
