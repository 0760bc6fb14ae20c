package org.tribune.notes;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tribune.account.Account;
import org.tribune.platform.Conflict;
import org.tribune.platform.Forbidden;
import org.tribune.platform.Ids;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.NotFound;
import org.tribune.platform.web.Markdown;
import org.tribune.post.Post;
import org.tribune.post.PostEvents;
import org.tribune.post.PostService;
import org.tribune.trust.TrustLevel;
import org.tribune.trust.TrustLevels;

/**
 * Writing and rating community notes. Every read goes through the post's own check ({@link PostService#read}), so a
 * note on a private group's post is only ever seen by those who may read the post.
 */
@Service
@EnableConfigurationProperties({NoteRules.class, ScoringSettings.class})
public class NoteService {
    public static final TrustLevel WRITER_LEVEL = TrustLevel.MEMBER;
    public static final TrustLevel RATER_LEVEL = TrustLevel.BASIC;
    private static final Pattern LINK = Pattern.compile("https?://[^\\s()<>\\[\\]\"']+");

    private final Notes notes;
    private final NoteRatings ratings;
    private final PostService posts;
    private final TrustLevels trust;
    private final Markdown markdown;
    private final NoteRules rules;
    private final ScoringSettings scoring;
    private final RaterFactors raterFactors;
    private final Ids ids;
    private final Clock clock;

    NoteService(Notes notes, NoteRatings ratings, PostService posts, TrustLevels trust, Markdown markdown,
            NoteRules rules, ScoringSettings scoring, RaterFactors raterFactors, Ids ids, Clock clock) {
        this.scoring = scoring;
        this.raterFactors = raterFactors;
        this.notes = notes;
        this.ratings = ratings;
        this.posts = posts;
        this.trust = trust;
        this.markdown = markdown;
        this.rules = rules;
        this.ids = ids;
        this.clock = clock;
    }

    /** Why someone may not write a note now, as a message key; null when they may. */
    public String whyCannotWrite(Account writer) {
        if (writer == null || !writer.isActive()) {
            return "notes.active-members-only";
        }
        TrustLevel level = trust.of(writer.id());
        if (!level.atLeast(WRITER_LEVEL)) {
            return "notes.writer-level";
        }
        return whyCannotWrite(rules, level, notes.countFinal(), ratings.matchingFinalOutcomes(writer.id()),
                notes.latestStatusesOf(writer.id(), rules.pauseWindow()));
    }

    /**
     * The writing rules on their own: TL2+; once the site has {@code bootstrapFinalNotes} notes with a final status,
     * at least {@code writerMatchingRatings} of the writer's ratings must have matched final outcomes (before that
     * nobody could have such a history); and writing pauses while {@code pauseNotHelpful} of the writer's last
     * {@code pauseWindow} notes are Not Helpful.
     */
    static String whyCannotWrite(NoteRules rules, TrustLevel level, long finalNotes, long matchingRatings,
            List<NoteStatus> latestStatuses) {
        if (!level.atLeast(WRITER_LEVEL)) {
            return "notes.writer-level";
        }
        if (finalNotes >= rules.bootstrapFinalNotes() && matchingRatings < rules.writerMatchingRatings()) {
            return "notes.writer-history";
        }
        if (latestStatuses.stream().limit(rules.pauseWindow()).filter(s -> s == NoteStatus.NOT_HELPFUL).count()
                >= rules.pauseNotHelpful()) {
            return "notes.writer-paused";
        }
        return null;
    }

    @Transactional
    public Note write(Account writer, long postId, boolean misleading, String body) {
        Post post = posts.read(postId, writer.id());
        String refusal = whyCannotWrite(writer);
        if (refusal != null) {
            throw new Forbidden(refusal);
        }
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw InvalidInput.of("body", "notes.body-required");
        }
        if (text.length() > rules.maxLength()) {
            throw InvalidInput.of("body", "notes.body-too-long", rules.maxLength());
        }
        List<String> sources = sources(text);
        if (sources.isEmpty()) {
            throw InvalidInput.of("body", "notes.source-required");
        }
        if (notes.wrote(writer.id(), postId)) {
            throw new Conflict("notes.already-written");
        }
        Note note = new Note(ids.next(), postId, post.groupId(), writer.id(), misleading, text, markdown.toSafeHtml(text),
                sources, clock.instant(), NoteStatus.NEEDS_MORE_RATINGS, null, null, null, null);
        notes.insert(note);
        notes.requestAnswered(postId);
        return note;
    }

    /** The web links of a note's text, in order, each once; at most ten. */
    static List<String> sources(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = LINK.matcher(text);
        while (m.find() && found.size() < 10) {
            String link = m.group().replaceAll("[.,;:!?]+$", "");
            try {
                URI uri = URI.create(link);
                if (uri.getHost() != null && uri.getUserInfo() == null && link.length() <= 2000) {
                    found.add(link);
                }
            } catch (IllegalArgumentException ignored) {
                // not a link after all
            }
        }
        return new ArrayList<>(found);
    }

    @Transactional
    public void rate(Account rater, long noteId, Helpfulness helpfulness, Collection<String> tags) {
        Note note = notes.byId(noteId).orElseThrow(() -> new NotFound("note"));
        posts.read(note.postId(), rater.id());
        if (note.authorId() == rater.id()) {
            throw new Forbidden("notes.not-your-own");
        }
        if (!mayRate(rater)) {
            throw new Forbidden("notes.rater-level");
        }
        Set<String> checked = new TreeSet<>();
        for (String tag : tags == null ? List.<String>of() : tags) {
            if (tag == null || tag.isBlank()) {
                continue;
            }
            if (!Helpfulness.TAGS.contains(tag.strip())) {
                throw InvalidInput.of("tags", "notes.tag-unknown");
            }
            checked.add(tag.strip());
        }
        ratings.rate(noteId, rater.id(), helpfulness.value(), String.join(",", checked), clock.instant());
    }

    /** One note, for someone who may read its post. */
    public NoteView note(long noteId, Account viewer) {
        Note note = notes.byId(noteId).orElseThrow(() -> new NotFound("note"));
        Long viewerId = viewer == null ? null : viewer.id();
        posts.read(note.postId(), viewerId);
        List<NoteView> views = views(List.of(note), viewer);
        if (views.isEmpty()) {
            throw new NotFound("note");
        }
        return views.getFirst();
    }

    /**
     * The notes of a post this viewer may see: Helpful ones for everyone; those still needing ratings for raters
     * (TL1+); a writer's own notes whatever their status. Not Helpful notes are shown to nobody else.
     */
    public List<NoteView> ofPost(long postId, Account viewer) {
        posts.read(postId, viewer == null ? null : viewer.id());
        return views(notes.ofPost(postId), viewer);
    }

    private List<NoteView> views(List<Note> list, Account viewer) {
        boolean rater = viewer != null && viewer.isActive() && trust.of(viewer.id()).atLeast(RATER_LEVEL);
        List<NoteView> views = new ArrayList<>();
        for (Note note : list) {
            boolean mine = viewer != null && note.authorId() == viewer.id();
            boolean shown = note.status() == NoteStatus.HELPFUL || mine
                    || (rater && note.status() == NoteStatus.NEEDS_MORE_RATINGS);
            if (!shown) {
                continue;
            }
            Helpfulness myRating = viewer == null ? null
                    : ratings.of(note.id(), viewer.id()).map(r -> Helpfulness.of(r.helpfulness())).orElse(null);
            views.add(new NoteView(note, mine, myRating, ratings.count(note.id()), rater && !mine));
        }
        return views;
    }

    /** A page of the notes offered to one rater, and the cursor of the next page (null on the last). */
    public record RatingQueue(List<NoteView> notes, String next) {
    }

    /** Whether this person may rate notes (and so open the notes needing ratings): active, at the rater level. */
    public boolean mayRate(Account rater) {
        return rater != null && rater.isActive() && trust.of(rater.id()).atLeast(RATER_LEVEL);
    }

    /**
     * Notes waiting for ratings, offered to a rater: not their own, not yet rated by them, on posts they may read, in
     * the order of {@link NoteRouting} for this rater (the notes lacking ratings from their side of the factor
     * first). {@code after} is the cursor of the previous page, null or blank for the first.
     */
    public RatingQueue needingRatings(Account rater, String after, int limit) {
        if (!mayRate(rater)) {
            throw new Forbidden("notes.rater-level");
        }
        NoteRouting.Place cursor = after == null || after.isBlank() ? null : NoteRouting.Place.parse(after.strip());
        Instant since = clock.instant().minus(Duration.ofDays(scoring.freezeDays()));
        List<NoteRouting.Place> ordered = new NoteRouting(scoring).orderAfter(raterFactors.of(rater.id()).orElse(null),
                notes.waitingFor(rater.id(), since), cursor);
        List<NoteView> found = new ArrayList<>();
        NoteRouting.Place last = null;
        int next = 0;
        // Fetched a batch at a time in the rater's order; notes on posts they may not read are passed over.
        while (next < ordered.size() && found.size() < limit) {
            Map<Long, Note> byId = new HashMap<>();
            notes.byIds(ordered.subList(next, Math.min(ordered.size(), next + limit)).stream()
                    .map(NoteRouting.Place::noteId).toList()).forEach(n -> byId.put(n.id(), n));
            for (int end = Math.min(ordered.size(), next + limit); next < end && found.size() < limit; next++) {
                last = ordered.get(next);
                Note note = byId.get(last.noteId());
                if (note != null && readable(note.postId(), rater.id())) {
                    found.addAll(views(List.of(note), rater));
                }
            }
        }
        boolean more = next < ordered.size();
        return new RatingQueue(found, more ? last.cursor() : null);
    }

    /** Posts whose readers asked for context ("needs context" flags) that this member may read. */
    public List<Post> requestedContext(Account viewer, int limit) {
        return notes.requestedPosts(limit * 3).stream()
                .map(id -> readablePost(id, viewer == null ? null : viewer.id())).filter(p -> p != null)
                .limit(limit).toList();
    }

    private boolean readable(long postId, long viewerId) {
        return readablePost(postId, viewerId) != null;
    }

    private Post readablePost(long postId, Long viewerId) {
        try {
            return posts.read(postId, viewerId);
        } catch (NotFound e) {
            return null;
        }
    }

    /** The post changed: Helpful notes set before now say "post edited since this note". */
    @EventListener
    void on(PostEvents.PostEdited e) {
        notes.postEdited(e.postId(), clock.instant());
    }

    /** A reader flagged a post as needing context: it joins the list offered to note writers. */
    @EventListener
    void on(org.tribune.moderation.ModerationEvents.ContextRequested e) {
        notes.request(e.postId(), e.groupId(), clock.instant());
    }
}
