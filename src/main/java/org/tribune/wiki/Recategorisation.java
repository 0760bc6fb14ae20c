package org.tribune.wiki;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tribune.account.Account;
import org.tribune.group.Group;
import org.tribune.group.GroupAccess;
import org.tribune.platform.Forbidden;
import org.tribune.platform.Ids;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.NotFound;
import org.tribune.post.PostService;
import org.tribune.trust.TrustLevel;
import org.tribune.trust.TrustLevels;

/**
 * Moving a post to the group where it belongs. Trust level 3 members of its group and its moderators may; the
 * target must be a group the mover may post in, of the same visibility as the post's group, so a move never
 * shows a post to people who could not read it before, nor hides it from its readers.
 */
@Service
public class Recategorisation {
    private final WikiService wiki;
    private final PostService posts;
    private final GroupAccess groups;
    private final TrustLevels trust;
    private final Moves moves;
    private final Ids ids;
    private final Clock clock;

    Recategorisation(WikiService wiki, PostService posts, GroupAccess groups, TrustLevels trust, Moves moves, Ids ids, Clock clock) {
        this.wiki = wiki;
        this.posts = posts;
        this.groups = groups;
        this.trust = trust;
        this.moves = moves;
        this.ids = ids;
        this.clock = clock;
    }

    public boolean mayMove(WikiDocument post, Account mover) {
        if (post.groupId() == null || mover == null || !mover.isActive()) {
            return false;
        }
        return post.viewerModerates() || (post.viewerTakesPart() && trust.of(mover.id()).atLeast(TrustLevel.REGULAR));
    }

    /** The groups this post could be moved to by this person. */
    public List<Group> targets(WikiDocument post, Account mover) {
        if (!mayMove(post, mover)) {
            return List.of();
        }
        Group from = groups.group(post.groupId()).orElseThrow();
        return groups.groups(groups.memberGroupIds(mover.id())).values().stream()
                .filter(g -> g.id() != from.id() && g.visibility() == from.visibility() && groups.canPost(g, mover))
                .sorted(Comparator.comparing(Group::name)).toList();
    }

    @Transactional
    public Move move(Account mover, long postId, long toGroupId, String summary) {
        WikiDocument post = wiki.document(Document.post(postId), mover);
        if (!mayMove(post, mover)) {
            throw new Forbidden(post.groupId() == null ? "wiki.move-profile-post" : "wiki.move-level");
        }
        Group from = groups.group(post.groupId()).orElseThrow();
        Group to = groups.group(toGroupId).filter(g -> groups.canSee(g, mover.id())).orElseThrow(() -> new NotFound("group"));
        if (to.id() == from.id()) {
            throw InvalidInput.of("group", "wiki.move-same-group");
        }
        if (!groups.canPost(to, mover)) {
            throw new Forbidden("wiki.move-not-member");
        }
        if (to.visibility() != from.visibility()) {
            throw new Forbidden("wiki.move-visibility");
        }
        String reason = summary == null ? "" : summary.strip();
        if (reason.length() > WikiService.SUMMARY_MAX || reason.contains("\n")) {
            throw InvalidInput.of("summary", "wiki.summary-too-long", WikiService.SUMMARY_MAX);
        }
        posts.moveToGroup(postId, to.id(), mover.id());
        Move move = new Move(ids.next(), postId, from.id(), to.id(), mover.id(), reason, clock.instant());
        moves.insert(move);
        return move;
    }

    /** The moves of a post, newest first, for those who may read it. */
    public List<Move> moves(long postId, Account viewer) {
        wiki.document(Document.post(postId), viewer);
        return moves.ofPost(postId);
    }
}
