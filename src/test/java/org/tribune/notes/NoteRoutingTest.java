package org.tribune.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tribune.notes.NoteRouting.Candidate;
import org.tribune.notes.NoteRouting.Place;
import org.tribune.platform.InvalidInput;

/** The order of the notes offered to a rater: those lacking ratings from the rater's side first. */
class NoteRoutingTest {
    final NoteRouting routing = new NoteRouting(ScoringSettings.defaults());

    // Ratings by side: (positive, negative, total).
    final Candidate ratedByPositiveSideOnly = new Candidate(10, 3, 0, 3);
    final Candidate ratedByNegativeSideOnly = new Candidate(11, 0, 3, 3);
    final Candidate ratedByNobody = new Candidate(12, 0, 0, 0);
    final Candidate ratedEnoughByBothSides = new Candidate(13, 6, 6, 12);
    final Candidate ratedByUnplacedRatersOnly = new Candidate(14, 0, 0, 4);
    final Candidate ratedTwiceAsMuchByThePositiveSide = new Candidate(15, 10, 5, 15);
    final List<Candidate> candidates = List.of(ratedByPositiveSideOnly, ratedByNegativeSideOnly, ratedByNobody,
            ratedEnoughByBothSides, ratedByUnplacedRatersOnly, ratedTwiceAsMuchByThePositiveSide);

    List<Long> orderFor(Double factor) {
        return routing.order(factor, candidates).stream().map(Place::noteId).toList();
    }

    @Test
    void aNoteRatedByOneSideOnlyIsOfferedToTheOtherSideFirst() {
        // Note 10 was rated by the positive side only, note 11 by the negative side only.
        assertThat(orderFor(-0.4)).containsSubsequence(10L, 11L);
        assertThat(orderFor(0.4)).containsSubsequence(11L, 10L);
    }

    @Test
    void notesLackingRatingsFromTheRatersSideComeBeforeThoseTheirSideRatedEnough() {
        // Negative side: those it did not rate at all, newest first (14 and 12 nobody placed rated, 10 only the
        // positive side); then the one it rated three times (below the four the guard needs), then the one it rated
        // five times but the other side ten; last, the one both sides rated enough.
        assertThat(orderFor(-0.4)).containsExactly(14L, 12L, 10L, 11L, 15L, 13L);
        // Positive side: it rated note 15 more than the other side did, and enough: that note comes last, after 13.
        assertThat(orderFor(0.4)).containsExactly(14L, 12L, 11L, 10L, 13L, 15L);
    }

    @Test
    void aNewRaterGetsNotesThatAlreadyHaveAFewRatingsFirst() {
        assertThat(orderFor(null)).containsExactly(15L, 14L, 13L, 11L, 10L, 12L);
        assertThat(orderFor(0.0)).isEqualTo(orderFor(null));
    }

    @Test
    void theNextPageStartsAfterTheCursorEvenWhenTheNotesBeforeItAreGone() {
        List<Place> all = routing.order(-0.4, candidates);
        Place second = Place.parse(all.get(1).cursor());
        assertThat(second).isEqualTo(all.get(1));
        // The rater rated the first two notes meanwhile: they are no longer candidates, the page still follows on.
        List<Candidate> left = candidates.stream().filter(c -> c.noteId() != 14 && c.noteId() != 12).toList();
        assertThat(routing.orderAfter(-0.4, left, second)).extracting(Place::noteId).containsExactly(10L, 11L, 15L, 13L);
    }

    @Test
    void aCursorThatIsNotOneIsRefused() {
        for (String bad : List.of("x", "1-2", "1-2-3-4", "-1-2-3", "1-2-99999999999999999999", "12-0-1")) {
            assertThatThrownBy(() -> Place.parse(bad)).as(bad).isInstanceOf(InvalidInput.class);
        }
    }
}
