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
    final List<Candidate> candidates = List.of(ratedByPositiveSideOnly, ratedByNegativeSideOnly, ratedByNobody,
            ratedEnoughByBothSides, ratedByUnplacedRatersOnly);

    List<Long> orderFor(Double factor) {
        return routing.order(factor, candidates).stream().map(Place::noteId).toList();
    }

    @Test
    void aNoteRatedByOneSideOnlyIsOfferedToTheOtherSideFirst() {
        assertThat(orderFor(-0.4)).startsWith(10L);
        assertThat(orderFor(0.4)).startsWith(11L);
    }

    @Test
    void notesLackingRatingsFromTheRatersSideComeBeforeThoseTheirSideRatedEnough() {
        // Negative side: the note only the positive side rated, then those with no rating from either side (fewest of
        // the rater's side first, newest first), then the one its own side rated three times, then the one both sides
        // rated enough.
        assertThat(orderFor(-0.4)).containsExactly(10L, 14L, 12L, 11L, 13L);
        assertThat(orderFor(0.4)).containsExactly(11L, 14L, 12L, 10L, 13L);
    }

    @Test
    void aNewRaterGetsNotesThatAlreadyHaveAFewRatingsFirst() {
        assertThat(orderFor(null)).containsExactly(14L, 13L, 11L, 10L, 12L);
        assertThat(orderFor(0.0)).isEqualTo(orderFor(null));
    }

    @Test
    void theNextPageStartsAfterTheCursorEvenWhenTheNotesBeforeItAreGone() {
        List<Place> all = routing.order(-0.4, candidates);
        Place second = Place.parse(all.get(1).cursor());
        assertThat(second).isEqualTo(all.get(1));
        // The rater rated the first two notes meanwhile: they are no longer candidates, the page still follows on.
        List<Candidate> left = candidates.stream().filter(c -> c.noteId() != 10 && c.noteId() != 14).toList();
        assertThat(routing.orderAfter(-0.4, left, second)).extracting(Place::noteId).containsExactly(12L, 11L, 13L);
    }

    @Test
    void aCursorThatIsNotOneIsRefused() {
        for (String bad : List.of("x", "1-2", "1-2-3-4", "-1-2-3", "1-2-99999999999999999999", "12-0-1")) {
            assertThatThrownBy(() -> Place.parse(bad)).as(bad).isInstanceOf(InvalidInput.class);
        }
    }
}
