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
 * Two camps of raters in the database, rating a background of notes the way camps do (each likes its side's notes,
 * nobody likes the poor ones), plus one misleading post with a note both camps find helpful. Every rater rates every
 * note, so all of them count for the scorer.
 */
public final class NoteCamps {
    public static final String BRIDGING_TEXT = "The photo is from 2015, not from this week: https://example.org/archive/2015";

    public final Account poster;
    public final Account writer;
    public final List<Account> campA = new ArrayList<>();
    public final List<Account> campB = new ArrayList<>();
    public final List<Note> sideA = new ArrayList<>();
    public final List<Note> sideB = new ArrayList<>();
    public final List<Note> poor = new ArrayList<>();
    public Post misleadingPost;
    public Note bridging;

    private NoteCamps(Account poster, Account writer) {
        this.poster = poster;
        this.writer = writer;
    }

    /** Accounts and notes only; the ratings come with {@link #rateAll}. */
    public static NoteCamps write(Members members, TrustLevels trust, PostService posts, NoteService notes, int perCamp) {
        NoteCamps camps = background(members, trust, posts, notes, perCamp);
        camps.bridging = notes.write(camps.writer, camps.misleadingPost.id(), true, BRIDGING_TEXT);
        return camps;
    }

    /** Everything but the note on the misleading post, for a test that writes it as a person would. */
    public static NoteCamps background(Members members, TrustLevels trust, PostService posts, NoteService notes, int perCamp) {
        NoteCamps camps = new NoteCamps(members.active("poster"), members.active("writer"));
        TrustFixture.set(trust, camps.writer.id(), TrustLevel.MEMBER);
        for (int i = 0; i < perCamp; i++) {
            camps.campA.add(member(members, trust, "campa"));
            camps.campB.add(member(members, trust, "campb"));
        }
        camps.misleadingPost = posts.publish(camps.poster, null,
                new PostService.Draft("Flood in the city centre today", "Look at this photo of the flood, taken this morning!", null));
        for (int i = 0; i < 4; i++) {
            camps.sideA.add(note(camps, posts, notes, "Side A view " + i));
            camps.sideB.add(note(camps, posts, notes, "Side B view " + i));
        }
        for (int i = 0; i < 6; i++) {
            camps.poor.add(note(camps, posts, notes, "Poor note " + i));
        }
        return camps;
    }

    /** Each camp rates every note: its side's helpful, the other side's and the poor ones not, the bridging one helpful. */
    public void rateAll(NoteService notes) {
        rateAll(notes, java.util.Set.of());
    }

    /** The same, leaving the bridging note to these raters, who rate it themselves. */
    public void rateAll(NoteService notes, java.util.Set<Long> leaveBridgingTo) {
        rate(notes, campA, sideA, sideB, leaveBridgingTo);
        rate(notes, campB, sideB, sideA, leaveBridgingTo);
    }

    private void rate(NoteService notes, List<Account> camp, List<Note> ours, List<Note> theirs, java.util.Set<Long> skip) {
        for (Account rater : camp) {
            if (!skip.contains(rater.id())) {
                notes.rate(rater, bridging.id(), Helpfulness.HELPFUL, List.of("good-sources"));
            }
            ours.forEach(n -> notes.rate(rater, n.id(), Helpfulness.HELPFUL, List.of()));
            theirs.forEach(n -> notes.rate(rater, n.id(), Helpfulness.NOT_HELPFUL, List.of("opinion")));
            poor.forEach(n -> notes.rate(rater, n.id(), Helpfulness.NOT_HELPFUL, List.of("sources-missing")));
        }
    }

    private static Account member(Members members, TrustLevels trust, String prefix) {
        Account account = members.active(prefix);
        TrustFixture.set(trust, account.id(), TrustLevel.BASIC);
        return account;
    }

    private static Note note(NoteCamps camps, PostService posts, NoteService notes, String title) {
        Post post = posts.publish(camps.poster, null, new PostService.Draft(title, "A claim about " + title, null));
        return notes.write(camps.writer, post.id(), true, "Context on " + title + ": https://example.org/" + post.id());
    }
}
