package org.tribune.wiki;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tribune.account.Account;
import org.tribune.platform.Conflict;
import org.tribune.platform.Forbidden;
import org.tribune.platform.Ids;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.NotFound;
import org.tribune.trust.TrustLevel;
import org.tribune.trust.TrustLevels;

/**
 * The revision engine, the same for every {@link WikiKind}: history, edits with conflict detection, review of
 * pending edits, reverts and rollbacks, edit modes, and every refusal. Nobody reads a document's revisions who may
 * not read the document: the kind decides, and the answer is then "not found".
 */
@Service
public class WikiService {
    public static final int SUMMARY_MAX = 500;
    public static final int HISTORY_PAGE = 50;
    private static final Duration DAY = Duration.ofHours(24);

    private final Map<String, WikiKind> kinds;
    private final Revisions revisions;
    private final EditModes modes;
    private final TrustLevels trust;
    private final Ids ids;
    private final Clock clock;
    private final int editsPerDay;
    private final int revertsPerDay;
    private final EditMode defaultMode;

    WikiService(List<WikiKind> kinds, Revisions revisions, EditModes modes, TrustLevels trust, Ids ids, Clock clock,
            @Value("${tribune.wiki.edits-per-day:30}") int editsPerDay,
            @Value("${tribune.wiki.reverts-per-day:3}") int revertsPerDay,
            @Value("${tribune.wiki.default-mode:OPEN}") String defaultMode) {
        this.kinds = kinds.stream().collect(Collectors.toMap(WikiKind::name, Function.identity()));
        this.revisions = revisions;
        this.modes = modes;
        this.trust = trust;
        this.ids = ids;
        this.clock = clock;
        this.editsPerDay = editsPerDay;
        this.revertsPerDay = revertsPerDay;
        this.defaultMode = EditMode.parse(defaultMode);
    }

    /** An edit as its editor sends it: {@code baseRevisionId} is the revision they started from (null: the current). */
    public record Proposal(Content content, String summary, Long baseRevisionId) {
    }

    /** A saved revision, and whether it went live (false: it waits for review). */
    public record Saved(Revision revision, boolean live) {
    }

    /** A revision in a history, with where it stands and whether readers see it now. */
    public record Entry(Revision revision, Revision.Status status, boolean current) {
    }

    /** A page of a document's history, newest first. {@code nextBeforeSeq} continues it (null at the first). */
    public record History(WikiDocument document, Rights rights, List<Entry> entries, Integer nextBeforeSeq) {
    }

    /** A pending revision a reviewer may decide on. */
    public record Queued(WikiDocument document, Revision revision) {
    }

    // --- reading ---------------------------------------------------------------------------------------------

    /** The document if the viewer may read it; "not found" otherwise, as for a document that does not exist. */
    public WikiDocument document(Document ref, Account viewer) {
        WikiKind kind = kinds.get(ref.kind());
        if (kind == null) {
            throw new NotFound("document");
        }
        return kind.find(ref.id(), viewer).orElseThrow(() -> new NotFound("document"));
    }

    public Rights rights(Document ref, Account viewer) {
        return rights(document(ref, viewer), viewer);
    }

    public Rights rights(WikiDocument doc, Account viewer) {
        EditMode mode = mode(doc);
        if (viewer == null) {
            return Rights.refused(mode, "wiki.sign-in", false, false);
        }
        if (!viewer.isActive()) {
            return Rights.refused(mode, "group.active-members-only", false, false);
        }
        boolean owner = doc.ownerId() != null && doc.ownerId() == viewer.id();
        boolean moderates = doc.viewerModerates();
        TrustLevel level = trust.of(viewer.id());
        boolean mayReview = moderates || (doc.viewerTakesPart() && level.atLeast(TrustLevel.REGULAR));
        if (moderates) {
            return new Rights(mode, true, true, null, true, true);
        }
        if (mode == EditMode.LOCKED) {
            if (owner) {
                return new Rights(mode, true, true, null, mayReview, false);
            }
            TrustLevel allowed = kinds.get(doc.ref().kind()).lockedLevel();
            if (allowed == null) {
                return Rights.refused(mode, "wiki.locked", mayReview, false);
            }
            return doc.viewerTakesPart() && level.atLeast(allowed) ? new Rights(mode, true, true, null, mayReview, false)
                    : Rights.refused(mode, "wiki.locked-to-level", mayReview, false);
        }
        if (!owner && level == TrustLevel.NEW) {
            return Rights.refused(mode, "wiki.newcomers-own-posts-only", mayReview, false);
        }
        if (!owner && !doc.viewerTakesPart()) {
            return Rights.refused(mode, "wiki.members-only", mayReview, false);
        }
        if (mode == EditMode.OPEN) {
            return owner || level.atLeast(TrustLevel.MEMBER) ? new Rights(mode, true, true, null, mayReview, false)
                    : Rights.refused(mode, "wiki.level-to-edit", mayReview, false);
        }
        return new Rights(mode, true, level.atLeast(TrustLevel.REGULAR), null, mayReview, false);
    }

    /** The document's mode: its own override, else its group's, else its kind's default, else the site's. */
    public EditMode mode(WikiDocument doc) {
        return modes.of(doc.ref().kind(), doc.ref().id())
                .or(() -> doc.groupId() == null ? Optional.empty() : modes.of(EditModes.GROUP, doc.groupId()))
                .or(() -> kinds.get(doc.ref().kind()).defaultMode())
                .orElse(defaultMode);
    }

    /**
     * The document a page names, for kinds addressed by name (see {@link WikiKind#idOf}); with {@code create}, made
     * if it does not exist yet. "Not found" when it does not exist, or the kind has no names.
     */
    @Transactional
    public Document named(String kind, String name, boolean create) {
        WikiKind found = kinds.get(kind);
        if (found == null) {
            throw new NotFound("document");
        }
        return found.idOf(name, create).map(id -> new Document(kind, id)).orElseThrow(() -> new NotFound("document"));
    }

    /** Whether the document has its own mode, set by a moderator over its group's. */
    public Optional<EditMode> override(Document ref) {
        return modes.of(ref.kind(), ref.id());
    }

    public EditMode groupMode(long groupId) {
        return modes.of(EditModes.GROUP, groupId).orElse(defaultMode);
    }

    /** The accepted revision readers see, creating the first from the document's text when it has none yet. */
    @Transactional
    public Optional<Revision> current(Document ref, Account viewer) {
        WikiDocument doc = document(ref, viewer);
        start(doc);
        return revisions.head(ref).flatMap(id -> revisions.byId(ref, id)).map(Revisions.Stored::revision);
    }

    @Transactional
    public History history(Document ref, Account viewer, int beforeSeq) {
        WikiDocument doc = document(ref, viewer);
        start(doc);
        Long head = revisions.head(ref).orElse(null);
        List<Revisions.Stored> page = revisions.newest(ref, beforeSeq <= 0 ? Integer.MAX_VALUE : beforeSeq, HISTORY_PAGE);
        List<Entry> entries = page.stream().filter(s -> visible(doc, s, viewer))
                .map(s -> new Entry(s.revision(), s.status(), Objects.equals(s.revision().id(), head))).toList();
        Integer next = page.size() == HISTORY_PAGE ? page.getLast().revision().seq() : null;
        return new History(doc, rights(doc, viewer), entries, next);
    }

    /** One revision, if the viewer may see it (pending and rejected ones only for members and their editor). */
    public Entry revision(Document ref, long revisionId, Account viewer) {
        WikiDocument doc = document(ref, viewer);
        Revisions.Stored stored = revisions.byId(ref, revisionId).filter(s -> visible(doc, s, viewer))
                .orElseThrow(() -> new NotFound("revision"));
        return new Entry(stored.revision(), stored.status(), revisions.head(ref).map(h -> h == revisionId).orElse(false));
    }

    /** The revision before this one in number, if any: what a diff compares it with by default. */
    public Optional<Revision> previous(Document ref, Revision revision, Account viewer) {
        WikiDocument doc = document(ref, viewer);
        Long wanted = revision.baseId() != null ? revision.baseId() : revision.restoresId();
        if (wanted != null) {
            return revisions.byId(ref, wanted).filter(s -> visible(doc, s, viewer)).map(Revisions.Stored::revision);
        }
        return revisions.newest(ref, revision.seq(), 1).stream().filter(s -> visible(doc, s, viewer)).findFirst()
                .map(Revisions.Stored::revision);
    }

    public int editorCount(Document ref) {
        return revisions.editorCount(ref);
    }

    private static boolean visible(WikiDocument doc, Revisions.Stored stored, Account viewer) {
        return stored.status() == Revision.Status.ACCEPTED
                || (viewer != null && (doc.viewerTakesPart() || doc.viewerModerates() || stored.revision().editorId() == viewer.id()));
    }

    // --- editing ---------------------------------------------------------------------------------------------

    /**
     * Saves an edit. On a stale base, changes to different fields are merged; changes to the same field raise an
     * {@link EditConflict} with both versions: nothing is ever silently overwritten.
     */
    @Transactional
    public Saved propose(Account editor, Document ref, Proposal proposal) {
        WikiDocument doc = document(ref, editor);
        Rights rights = requireEdit(doc, editor);
        WikiKind kind = kinds.get(ref.kind());
        start(doc);
        String summary = summary(proposal.summary(), doc.ownerId() != null && doc.ownerId() != editor.id());
        Optional<Revision> head = headOf(ref);
        Long headId = head.map(Revision::id).orElse(null);
        Content current = head.map(Revision::content).orElse(doc.current());
        // An edit changes the text, never the warning, which has its own doors (see Content).
        Content mine = kind.check(proposal.content()).withWarning(current.contentWarning());
        Long baseId = proposal.baseRevisionId() == null ? headId : proposal.baseRevisionId();
        Content toSave = mine;
        if (!Objects.equals(baseId, headId)) {
            Content base = revisions.byId(ref, baseId).map(s -> s.revision().content())
                    .orElseThrow(() -> InvalidInput.of("baseRevisionId", "wiki.base-unknown"));
            toSave = Content.merge(base, current, mine);
            if (toSave == null) {
                throw new EditConflict(head.orElseThrow(), base, mine);
            }
        }
        if (kind.linkIsOwners() && !rights.moderates() && !Objects.equals(doc.ownerId(), editor.id())
                && !Objects.equals(toSave.link(), current.link())) {
            throw InvalidInput.of("link", "wiki.link-owners-only");
        }
        if (toSave.equals(current)) {
            throw InvalidInput.of("body", "wiki.no-change");
        }
        requireDailyAllowance(editor);
        Revision revision = save(ref, headId, editor, Change.EDIT, null, !rights.goesLive(), summary, toSave);
        if (rights.goesLive()) {
            goLive(kind, revision, headId);
        }
        return new Saved(revision, rights.goesLive());
    }

    /** Makes an earlier accepted revision current again, as a new revision ("Reverted to …"); live at once. */
    @Transactional
    public Saved revert(Account editor, Document ref, long revisionId, String summary) {
        WikiDocument doc = document(ref, editor);
        Rights rights = requireEdit(doc, editor);
        start(doc);
        Revisions.Stored target = revisions.byId(ref, revisionId).filter(s -> visible(doc, s, editor))
                .orElseThrow(() -> new NotFound("revision"));
        if (target.status() != Revision.Status.ACCEPTED) {
            throw new Forbidden("wiki.revert-unaccepted");
        }
        return restore(editor, doc, rights, target.revision(), Change.REVERT, summary);
    }

    /** Undoes all of one editor's latest consecutive accepted edits at once, back to the revision before them. */
    @Transactional
    public Saved rollback(Account actor, Document ref, long editorId) {
        WikiDocument doc = document(ref, actor);
        Rights rights = requireEdit(doc, actor);
        start(doc);
        List<Long> heads = revisions.heads(ref, 1000);
        int i = 0;
        while (i < heads.size() && revisions.byId(ref, heads.get(i)).orElseThrow().revision().editorId() == editorId) {
            i++;
        }
        if (i == 0 || i == heads.size()) {
            throw new Conflict("wiki.rollback-nothing");
        }
        Revision target = revisions.byId(ref, heads.get(i)).orElseThrow().revision();
        return restore(actor, doc, rights, target, Change.ROLLBACK, "");
    }

    private Saved restore(Account editor, WikiDocument doc, Rights rights, Revision target, Change change, String summary) {
        Document ref = doc.ref();
        Optional<Revision> head = headOf(ref);
        // A revert brings back the text, under the warning the document has now (see Content).
        Content restored = target.content().withWarning(head.map(Revision::content).orElse(doc.current()).contentWarning());
        if (head.map(h -> h.id() == target.id() || h.content().equals(restored)).orElse(false)) {
            throw new Conflict("wiki.already-current");
        }
        if (revisions.revertsSince(editor.id(), ref, clock.instant().minus(DAY)) >= revertsPerDay) {
            throw new Forbidden("wiki.three-reverts");
        }
        WikiKind kind = kinds.get(ref.kind());
        Content current = head.map(Revision::content).orElse(doc.current());
        if (kind.linkIsOwners() && !rights.moderates() && !Objects.equals(doc.ownerId(), editor.id())
                && !Objects.equals(target.content().link(), current.link())) {
            throw new Forbidden("wiki.link-owners-only");
        }
        requireDailyAllowance(editor);
        Long headId = head.map(Revision::id).orElse(null);
        Revision revision = save(ref, headId, editor, change, target.id(), false, summary(summary, false), restored);
        goLive(kind, revision, headId);
        return new Saved(revision, true);
    }

    // --- review ----------------------------------------------------------------------------------------------

    @Transactional
    public Revision accept(Account reviewer, Document ref, long revisionId) {
        WikiDocument doc = document(ref, reviewer);
        Revision pending = pendingFor(doc, reviewer, revisionId);
        Long headId = revisions.head(ref).orElse(null);
        if (!Objects.equals(pending.baseId(), headId)) {
            throw new Conflict("wiki.review-stale");
        }
        revisions.decide(revisionId, Revision.Status.ACCEPTED, reviewer.id(), clock.instant());
        goLive(kinds.get(ref.kind()), pending, headId);
        return pending;
    }

    @Transactional
    public Revision reject(Account reviewer, Document ref, long revisionId) {
        WikiDocument doc = document(ref, reviewer);
        Revision pending = pendingFor(doc, reviewer, revisionId);
        revisions.decide(revisionId, Revision.Status.REJECTED, reviewer.id(), clock.instant());
        return pending;
    }

    private Revision pendingFor(WikiDocument doc, Account reviewer, long revisionId) {
        Revisions.Stored stored = revisions.byId(doc.ref(), revisionId).filter(s -> visible(doc, s, reviewer))
                .orElseThrow(() -> new NotFound("revision"));
        if (!rights(doc, reviewer).mayReview()) {
            throw new Forbidden("wiki.reviewers-only");
        }
        if (stored.status() != Revision.Status.PENDING) {
            throw new Conflict("wiki.already-reviewed");
        }
        return stored.revision();
    }

    /** Pending edits this reviewer may decide on, newest first, below {@code beforeId}; optionally of one group. */
    public List<Queued> reviewQueue(Account reviewer, Long groupId, long beforeId) {
        List<Queued> queue = new ArrayList<>();
        Map<Document, Optional<WikiDocument>> seen = new HashMap<>();
        long before = beforeId <= 0 ? Long.MAX_VALUE : beforeId;
        for (int round = 0; round < 10 && queue.size() < HISTORY_PAGE; round++) {
            List<Revisions.Stored> page = revisions.pending(before, 200);
            for (Revisions.Stored s : page) {
                Optional<WikiDocument> doc = seen.computeIfAbsent(s.revision().document(), ref -> {
                    WikiKind kind = kinds.get(ref.kind());
                    return kind == null ? Optional.empty() : kind.find(ref.id(), reviewer)
                            .filter(d -> groupId == null || groupId.equals(d.groupId()))
                            .filter(d -> rights(d, reviewer).mayReview());
                });
                doc.ifPresent(d -> queue.add(new Queued(d, s.revision())));
            }
            if (page.size() < 200) {
                break;
            }
            before = page.getLast().revision().id();
        }
        return queue.size() > HISTORY_PAGE ? queue.subList(0, HISTORY_PAGE) : queue;
    }

    // --- modes -----------------------------------------------------------------------------------------------

    /** A moderator's override of one document's mode; null returns it to its group's mode. */
    @Transactional
    public void setMode(Account actor, Document ref, EditMode mode) {
        WikiDocument doc = document(ref, actor);
        if (!rights(doc, actor).moderates()) {
            throw new Forbidden("wiki.moderators-only");
        }
        modes.set(ref.kind(), ref.id(), mode, actor.id(), clock.instant());
    }

    /** A group's mode, set by its owners and moderators (and the site's moderators). */
    @Transactional
    public void setGroupMode(Account actor, long groupId, EditMode mode) {
        WikiDocument page = document(Document.groupPage(groupId), actor);
        if (!rights(page, actor).moderates()) {
            throw new Forbidden("wiki.moderators-only");
        }
        modes.set(EditModes.GROUP, groupId, Objects.requireNonNull(mode), actor.id(), clock.instant());
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private Rights requireEdit(WikiDocument doc, Account editor) {
        Rights rights = rights(doc, editor);
        if (!rights.mayEdit()) {
            throw new Forbidden(rights.refusal());
        }
        return rights;
    }

    private void requireDailyAllowance(Account editor) {
        int allowance = trust.of(editor.id()).dailyAllowance(editsPerDay);
        if (revisions.editsSince(editor.id(), clock.instant().minus(DAY)) >= allowance) {
            throw new Forbidden("wiki.daily-limit");
        }
    }

    private static String summary(String summary, boolean required) {
        String s = summary == null ? "" : summary.strip();
        if (s.contains("\n") || s.length() > SUMMARY_MAX) {
            throw InvalidInput.of("summary", "wiki.summary-too-long", SUMMARY_MAX);
        }
        if (required && s.isEmpty()) {
            throw InvalidInput.of("summary", "wiki.summary-required");
        }
        return s;
    }

    private Optional<Revision> headOf(Document ref) {
        return revisions.head(ref).flatMap(id -> revisions.byId(ref, id)).map(Revisions.Stored::revision);
    }

    /**
     * A change its owner made live through a door of its own (a post's content warning, by its author or a
     * moderator): a revision of its own by whoever made it, in the history and the diffs like an edit. {@code before}
     * describes the document as it was, for its lazy first revision.
     */
    @Transactional
    void recordLiveChange(WikiDocument before, long editorId, Content after) {
        start(before);
        Long headId = revisions.head(before.ref()).orElse(null);
        Revision revision = save(before.ref(), headId, editorId, Change.EDIT, null, false, "", after);
        revisions.moveHead(ids.next(), before.ref(), revision.id(), headId, clock.instant());
    }

    private Revision save(Document ref, Long baseId, Account editor, Change change, Long restoresId, boolean pending,
            String summary, Content content) {
        return save(ref, baseId, editor.id(), change, restoresId, pending, summary, content);
    }

    private Revision save(Document ref, Long baseId, long editorId, Change change, Long restoresId, boolean pending,
            String summary, Content content) {
        Revision revision = new Revision(ids.next(), ref, revisions.lastSeq(ref) + 1, baseId, editorId, clock.instant(),
                change, restoresId, pending, summary, content);
        if (!revisions.insert(revision)) {
            throw new Conflict("wiki.edit-raced");
        }
        return revision;
    }

    private void goLive(WikiKind kind, Revision revision, Long replacesId) {
        revisions.moveHead(ids.next(), revision.document(), revision.id(), replacesId, clock.instant());
        kind.publish(revision.document().id(), revision.content(), revision.editorId());
    }

    /**
     * Documents written before the wiki (or by a kind that stores its own first version) get their revision 1
     * lazily, from their text as it is, attributed to their owner at their creation time.
     */
    private void start(WikiDocument doc) {
        if (doc.ownerId() == null || revisions.lastSeq(doc.ref()) > 0) {
            return;
        }
        Revision first = new Revision(ids.next(), doc.ref(), 1, null, doc.ownerId(), doc.createdAt(), Change.CREATE, null,
                false, "", doc.current());
        if (revisions.insert(first)) {
            try {
                revisions.moveHead(ids.next(), doc.ref(), first.id(), null, clock.instant());
            } catch (Conflict raced) {
                // Someone else started it at the same moment: their head stands.
            }
        }
    }

    Instant now() {
        return clock.instant();
    }
}
