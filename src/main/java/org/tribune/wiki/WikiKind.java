package org.tribune.wiki;

import java.util.Optional;

import org.tribune.account.Account;
import org.tribune.trust.TrustLevel;

/**
 * A kind of document the wiki keeps revisions of. A feature plugs a new kind in by declaring a bean of this type:
 * the wiki then offers it history, diffs, reverts, review, edit modes and talk pages through {@link WikiService},
 * and calls {@link #publish} whenever a revision is accepted.
 */
public interface WikiKind {

    /** The kind's name as stored with its revisions: upper-case, at most 20 characters, never changed. */
    String name();

    /**
     * The document as the viewer may see it; empty when it does not exist or the viewer may not read it (the wiki
     * then answers "not found", never "forbidden"). {@code viewer} is null for visitors.
     */
    Optional<WikiDocument> find(long documentId, Account viewer);

    /** Checks and normalises proposed content; throws {@link org.tribune.platform.InvalidInput} naming the fields. */
    Content check(Content proposed);

    /** Makes accepted content the document's public content (inside the wiki's transaction). */
    void publish(long documentId, Content accepted, long editorId);

    /** Whether only the owner and moderators may change the link (posts: a swapped link is the easiest spam). */
    default boolean linkIsOwners() {
        return false;
    }

    /** The mode of a document with no override and no group; empty: the site's default ({@code tribune.wiki.default-mode}). */
    default Optional<EditMode> defaultMode() {
        return Optional.empty();
    }

    /**
     * Who besides the owner and moderators may edit a LOCKED document of this kind: members of this trust level and
     * up (their edits go live). Null, the default: nobody else. This never lets them change the mode.
     */
    default TrustLevel lockedLevel() {
        return null;
    }

    /**
     * For a kind whose pages are addressed by a name (a source's domain) rather than an id: the named document's
     * id, made on first need when {@code create}; empty when it has none yet. Throws
     * {@link org.tribune.platform.InvalidInput} for a name that can never be one.
     */
    default Optional<Long> idOf(String name, boolean create) {
        return Optional.empty();
    }
}
