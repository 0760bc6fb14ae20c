package org.tribune.notes;

import java.util.ArrayList;
import java.util.List;

import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.post.Post;
import org.tribune.post.PostService;
import org.tribune.trust.TrustFixture;
import org.tribune.trust.TrustLevel;
import org.tribune.trust.TrustLevels;

/**
 * A {@link NotePopulation} written through the application as people would: accounts (raters at trust level 1, a
 * writer at level 2), a post for each note, each note written and every rating given through {@link NoteService}.
 */
public final class StoredPopulation {
    public final NotePopulation plan;
    public final Account poster;
    public final Account writer;
    /** The raters, in the plan's order. */
    public final List<Account> raters = new ArrayList<>();
    /** The notes, in the plan's order; null where the note is left for the test to write ({@link #writeAllBut}). */
    public final List<Note> notes = new ArrayList<>();
    public final List<Post> posts = new ArrayList<>();

    private StoredPopulation(NotePopulation plan, Account poster, Account writer) {
        this.plan = plan;
        this.poster = poster;
        this.writer = writer;
    }

    /** Accounts, posts and notes; no rating yet ({@link #rateAll}). */
    public static StoredPopulation write(Members members, TrustLevels trust, PostService posts, NoteService notes,
            NotePopulation plan) {
        return writeAllBut(members, trust, posts, notes, plan, -1);
    }

    /** The same, leaving note {@code skipped} of the plan unwritten (its post is there): the test writes it. */
    public static StoredPopulation writeAllBut(Members members, TrustLevels trust, PostService posts, NoteService notes,
            NotePopulation plan, int skipped) {
        StoredPopulation stored = new StoredPopulation(plan, members.active("poster"), members.active("writer"));
        TrustFixture.set(trust, stored.writer.id(), TrustLevel.MEMBER);
        for (NotePopulation.Rater rater : plan.raters) {
            Account account = members.active(rater.camp() == NotePopulation.Camp.BRIGADE ? "brigade" : "camp" + rater.camp());
            TrustFixture.set(trust, account.id(), TrustLevel.BASIC);
            stored.raters.add(account);
        }
        for (NotePopulation.PlannedNote planned : plan.notes) {
            Post post = posts.publish(stored.poster, null, new PostService.Draft("Claim " + planned.index(),
                    "A claim that readers may want context on, number " + planned.index(), null));
            stored.posts.add(post);
            stored.notes.add(planned.index() == skipped ? null : notes.write(stored.writer, post.id(), true,
                    "Context on claim " + planned.index() + ": https://example.org/sources/" + post.id()));
        }
        return stored;
    }

    /** Every planned rating, through the service; ratings of a note left unwritten are skipped. */
    public void rateAll(NoteService service) {
        rateAllBut(service, java.util.Set.of(), -1);
    }

    /** The same, leaving the ratings of note {@code note} by these raters to the test. */
    public void rateAllBut(NoteService service, java.util.Set<Long> raterIds, int note) {
        for (NotePopulation.PlannedRating rating : plan.ratings) {
            Note stored = notes.get(rating.note());
            Account rater = raters.get(rating.rater());
            if (stored != null && !(rating.note() == note && raterIds.contains(rater.id()))) {
                service.rate(rater, stored.id(), rating.helpfulness(), List.of());
            }
        }
    }

    /** The stored notes of one kind. */
    public List<Note> of(NotePopulation.Kind kind) {
        return plan.of(kind).stream().map(n -> notes.get(n.index())).toList();
    }
}
