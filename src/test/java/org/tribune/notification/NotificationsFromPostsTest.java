package org.tribune.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tribune.IntegrationTest;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.follow.FollowService;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupService;
import org.tribune.post.Comment;
import org.tribune.post.Post;
import org.tribune.post.PostService;

/** Comments, replies, mentions, likes and follows reach the people they concern, once, and nobody else. */
@IntegrationTest
class NotificationsFromPostsTest {
    @Autowired
    Notifications notifications;
    @Autowired
    PostService posts;
    @Autowired
    GroupService groups;
    @Autowired
    GroupJoining groupJoining;
    @Autowired
    FollowService follows;
    @Autowired
    Members members;

    NotificationEntry awaitNewest(Account account, NotificationKind kind) {
        return await().atMost(Duration.ofSeconds(5)).until(() -> notifications.page(account.id(), null).entries().stream()
                .filter(e -> e.kind() == kind).findFirst().orElse(null), Objects::nonNull);
    }

    List<NotificationKind> kinds(Account account) {
        return notifications.page(account.id(), null).entries().stream().map(NotificationEntry::kind).toList();
    }

    static PostService.Draft text(String body) {
        return new PostService.Draft("", body, null);
    }

    @Test
    void aCommentNotifiesThePostsAuthorAndAReplyTheCommentsAuthor() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Account eve = members.active("eve");
        Post post = posts.publish(ana, null, text("hello"));
        Comment bobs = posts.comment(bob, post.id(), "nice", null);
        posts.comment(eve, post.id(), "I agree with you", bobs.id());

        NotificationEntry reply = awaitNewest(bob, NotificationKind.REPLY_TO_COMMENT);
        assertThat(reply.actor().handle()).isEqualTo(eve.handle());
        assertThat(reply.postId()).isEqualTo(post.id());
        await().atMost(Duration.ofSeconds(5)).until(() -> kinds(ana).stream().filter(k -> k == NotificationKind.COMMENT_ON_POST).count() == 2);
        assertThat(kinds(eve)).isEmpty();
    }

    @Test
    void replyingToThePostsAuthorNotifiesThemOnlyOnce() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Post post = posts.publish(ana, null, text("hello"));
        Comment anas = posts.comment(ana, post.id(), "my own comment", null);
        posts.comment(bob, post.id(), "reply to @" + ana.handle(), anas.id());

        awaitNewest(ana, NotificationKind.REPLY_TO_COMMENT);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> kinds(ana).size() == 1);
    }

    @Test
    void mentionsReachOnlyThoseWhoMayReadThePost() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Account eve = members.active("eve");
        Group secret = groups.create(ana, new GroupForm(NotificationServiceIntegrationTest.slug("m"), "Secret", "", "en",
                "PRIVATE", "OPEN", List.of(), false));
        groupJoining.join(bob, secret.slug(), List.of());

        posts.publish(ana, secret.id(), text("hi @" + bob.handle() + " and @" + eve.handle()));

        assertThat(awaitNewest(bob, NotificationKind.MENTION).group().slug()).isEqualTo(secret.slug());
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> kinds(eve).isEmpty());
    }

    @Test
    void likesAndFollowsAreNotified() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Post post = posts.publish(ana, null, text("like me"));
        Comment comment = posts.comment(ana, post.id(), "and me", null);

        posts.like(bob, post.id());
        posts.likeComment(bob, comment.id());
        follows.follow(bob, ana.handle());

        assertThat(awaitNewest(ana, NotificationKind.LIKE_ON_POST).actor().handle()).isEqualTo(bob.handle());
        assertThat(awaitNewest(ana, NotificationKind.LIKE_ON_COMMENT).commentId()).isEqualTo(comment.id());
        assertThat(awaitNewest(ana, NotificationKind.NEW_FOLLOWER).actor().handle()).isEqualTo(bob.handle());
        posts.like(ana, post.id());
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> kinds(ana).size() == 3);
    }
}
