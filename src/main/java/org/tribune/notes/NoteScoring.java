package org.tribune.notes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tribune.platform.ClusterJobs;

/**
 * Runs the scorer over all notes and ratings and stores the statuses (and the raters' factors, for routing): once an hour on one node of the cluster
 * (whichever claims the hour first), and whenever an administrator asks.
 */
@Service
public class NoteScoring {
    private static final Logger log = LoggerFactory.getLogger(NoteScoring.class);

    private final Notes notes;
    private final NoteRatings ratings;
    private final ScoringSettings settings;
    private final RaterFactors raterFactors;
    private final ClusterJobs jobs;
    private final Clock clock;

    NoteScoring(Notes notes, NoteRatings ratings, ScoringSettings settings, RaterFactors raterFactors, ClusterJobs jobs,
            Clock clock) {
        this.raterFactors = raterFactors;
        this.notes = notes;
        this.ratings = ratings;
        this.settings = settings;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** What a run did. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "NoteScoringRun")
    public record Run(int notes, int ratings, int changed, int iterations, long millis) {
    }

    @Scheduled(fixedDelay = 300_000, initialDelay = 120_000)
    void hourly() {
        if (jobs.claimWindow("notes-scoring", Duration.ofHours(1))) {
            Run run = run();
            log.info("notes scored: {}", run);
        }
    }

    /** Scores everything now; statuses of notes older than the freeze period stay as they are. */
    @Transactional
    public Run run() {
        long start = System.nanoTime();
        Instant now = clock.instant();
        Instant frozenBefore = now.minus(Duration.ofDays(settings.freezeDays()));
        List<Note> all = notes.all();
        List<NoteScorer.NoteInput> inputs = all.stream()
                .map(n -> new NoteScorer.NoteInput(n.id(), n.misleading(), n.status(), n.createdAt().isBefore(frozenBefore)))
                .toList();
        List<NoteScorer.Rating> given = ratings.all();
        NoteScorer.Result result = new NoteScorer(settings).score(inputs, given);
        int changed = 0;
        List<Long> helpfulChanged = new java.util.ArrayList<>();
        for (Note note : all) {
            NoteScorer.NoteScore score = result.notes().get(note.id());
            if (score == null) {
                continue;
            }
            boolean statusChanged = score.status() != note.status();
            if (statusChanged || !Objects.equals(note.intercept(), score.intercept())) {
                notes.score(note.id(), score.status(), statusChanged ? now : note.statusAt(), score.intercept(), score.factor());
                changed += statusChanged ? 1 : 0;
                if (note.status() == NoteStatus.HELPFUL || score.status() == NoteStatus.HELPFUL) {
                    helpfulChanged.add(note.postId()); // what posts show: which notes, and in which order
                }
            }
        }
        notes.forgetHelpful(helpfulChanged);
        // The raters' sides, for the order in which notes waiting for ratings are offered to them.
        raterFactors.replaceAll(result.raterFactors(), now);
        return new Run(all.size(), given.size(), changed, result.iterations(), (System.nanoTime() - start) / 1_000_000);
    }
}
