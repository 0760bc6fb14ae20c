package org.tribune.wiki;

import java.util.List;

import org.springframework.stereotype.Component;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupMembers;
import org.tribune.group.GroupService;
import org.tribune.post.Post;
import org.tribune.post.PostService;
import org.tribune.trust.TrustFixture;
import org.tribune.trust.TrustLevel;
import org.tribune.trust.TrustLevels;

/** People at a trust level, groups in an edit mode and posts to edit, for the wiki's tests. */
@Component
class WikiFixture {
    final Members members;
    final GroupService groups;
    final GroupMembers groupMembers;
    final GroupJoining groupJoining;
    final PostService posts;
    final TrustLevels trust;
    final WikiService wiki;

    WikiFixture(Members members, GroupService groups, GroupMembers groupMembers, GroupJoining groupJoining,
            PostService posts, TrustLevels trust, WikiService wiki) {
        this.members = members;
        this.groups = groups;
        this.groupMembers = groupMembers;
        this.groupJoining = groupJoining;
        this.posts = posts;
        this.trust = trust;
        this.wiki = wiki;
    }

    static String slug() {
        return ("w-" + Members.uniqueHandle("x").substring(2)).toLowerCase().replace('_', '-');
    }

    Account person(String prefix, TrustLevel level) {
        Account account = members.active(prefix);
        TrustFixture.set(trust, account.id(), level);
        return account;
    }

    Group group(Account owner, String visibility, EditMode mode) {
        Group group = groups.create(owner, new GroupForm(slug(), "Wiki " + visibility, "", "en", visibility, "OPEN", List.of(), false));
        wiki.setGroupMode(owner, group.id(), mode);
        return group;
    }

    void join(Group group, Account... people) {
        for (Account a : people) {
            groupJoining.join(a, group.slug(), List.of());
        }
    }

    Post post(Account author, Group group, String title, String body) {
        return posts.publish(author, group == null ? null : group.id(), new PostService.Draft(title, body, null));
    }

    static WikiService.Proposal edit(String title, String body, String summary, Long base) {
        return new WikiService.Proposal(new Content(title, body, null, null), summary, base);
    }

    long head(Post post, Account viewer) {
        return wiki.current(Document.post(post.id()), viewer).orElseThrow().id();
    }
}
