package org.tribune.notes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tribune.platform.InvalidInput;

/**
 * The order in which notes waiting for ratings are offered to one rater ("needs your help"): pure computation, used by
 * {@link NoteService} and by the simulation in bench/.
 *
 * <p>A note becomes Helpful only with enough ratings from both sides of the factor, and on a real site most notes are
 * rated by few people, mostly from one side. So a rater whose side is known (their factor from the last scoring run)
 * is offered first the notes that lack ratings from <em>their</em> side: fewer than {@code sideRatings} (the
 * both-sides guard needs that many net-helpful ones), or fewer than the other side gave. Among those, the fewer
 * ratings from their side the earlier, so a note rated by one side only is offered to the other side first (with
 * the notes nobody rated yet), and to its own side only after. The notes their side rated enough come last, fewest of
 * their side's ratings first. Ties go to the newest: a post's views fall off with its age, so a fresh note's rating
 * is worth most. (The simulation in bench/ tried breaking the ties the other way, one-sided notes before unrated
 * ones: more views went by before notes showed; see docs/notes-scoring.md.) A new rater (no factor yet) is offered
 * first the notes
 * that already have {@code fewRatings} ratings or more, newest first: rating notes others rated is what places a
 * rater on the factor.
 *
 * <p>The order depends on the viewer's own factor only and shows nothing of it: a list carries notes, never a side.
 */
public final class NoteRouting {
    private static final Pattern CURSOR = Pattern.compile("(\\d)-(\\d{1,9})-(\\d{1,19})");

    /** A note waiting for ratings: how many ratings it has from raters on each side, and in all. */
    public record Candidate(long noteId, int positive, int negative, int total) {
    }

    /** Where a note stands in one rater's order: tier, then rank within it (ascending), then id (newest first). */
    public record Place(int tier, int rank, long noteId) {
        static final Comparator<Place> ORDER = Comparator.comparingInt(Place::tier).thenComparingInt(Place::rank)
                .thenComparing(Comparator.comparingLong(Place::noteId).reversed());

        /** The cursor of the page that follows this note. */
        public String cursor() {
            return tier + "-" + rank + "-" + noteId;
        }

        public static Place parse(String cursor) {
            Matcher m = CURSOR.matcher(cursor == null ? "" : cursor);
            if (!m.matches()) {
                throw InvalidInput.of("after", "list.cursor-invalid");
            }
            try {
                return new Place(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)));
            } catch (NumberFormatException e) {
                throw InvalidInput.of("after", "list.cursor-invalid");
            }
        }
    }

    private final int sideRatings;
    private final int fewRatings;

    public NoteRouting(int sideRatings, int fewRatings) {
        this.sideRatings = sideRatings;
        this.fewRatings = fewRatings;
    }

    public NoteRouting(ScoringSettings settings) {
        this(settings.minNetHelpfulPerSide(), settings.routingFewRatings());
    }

    /** The candidates in this rater's order ({@code raterFactor} null or 0 when they have none yet). */
    public List<Place> order(Double raterFactor, List<Candidate> candidates) {
        List<Place> places = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            places.add(place(raterFactor, c));
        }
        places.sort(Place.ORDER);
        return places;
    }

    /** The candidates after {@code cursor} (all of them when it is null), in this rater's order. */
    public List<Place> orderAfter(Double raterFactor, List<Candidate> candidates, Place cursor) {
        List<Place> ordered = order(raterFactor, candidates);
        if (cursor == null) {
            return ordered;
        }
        return ordered.stream().filter(p -> Place.ORDER.compare(p, cursor) > 0).toList();
    }

    Place place(Double raterFactor, Candidate c) {
        if (raterFactor == null || raterFactor == 0) {
            return new Place(c.total() >= fewRatings ? 0 : 1, 0, c.noteId());
        }
        int mine = raterFactor > 0 ? c.positive() : c.negative();
        int theirs = raterFactor > 0 ? c.negative() : c.positive();
        if (mine < sideRatings || mine < theirs) {
            return new Place(0, mine, c.noteId());
        }
        return new Place(1, mine, c.noteId());
    }
}
