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
import org.tribune.account.Role;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupMembers;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupService;
import org.tribune.moderation.FlagReason;
import org.tribune.moderation.FlagService;
import org.tribune.moderation.ModerationAction;
import org.tribune.moderation.ModerationService;
import org.tribune.moderation.TargetKind;
import org.tribune.post.Post;
import org.tribune.post.PostService;
import org.tribune.trust.TrustFixture;
import org.tribune.trust.TrustLevel;
import org.tribune.trust.TrustLevels;

/** The person a moderation action concerns is told, never by whom it was flagged; appeals reach other moderators. */
@IntegrationTest
class NotificationsFromModerationTest {
    @Autowired
    Notifications notifications;
    @Autowired
    PostService posts;
    @Autowired
    FlagService flags;
    @Autowired
    ModerationService moderation;
    @Autowired
    GroupService groups;
    @Autowired
    GroupJoining groupJoining;
    @Autowired
    GroupMembers groupMembers;
    @Autowired
    TrustLevels trust;
    @Autowired
    Members members;

    NotificationEntry awaitNewest(Account account, NotificationKind kind) {
        return await().atMost(Duration.ofSeconds(5)).until(() -> notifications.page(account.id(), null).entries().stream()
                .filter(e -> e.kind() == kind).findFirst().orElse(null), Objects::nonNull);
    }

    @Test
    void theAuthorHearsOfTheDecisionAndTheOtherModeratorOfTheAppeal() {
        Account owner = members.active("owner");
        var group = groups.create(owner, new GroupForm("nmod-" + Long.toString(System.nanoTime(), 36), "Notified", "",
                "en", "PUBLIC", "OPEN", List.of(), false));
        Account second = members.active("second");
        groupJoining.join(second, group.slug(), List.of());
        groupMembers.setRole(owner, group.slug(), second.handle(), "MODERATOR");
        Account author = members.active("author");
        groupJoining.join(author, group.slug(), List.of());
        Post post = posts.publish(author, group.id(), new PostService.Draft("", "Off topic here", null));
        Account flagger = members.active("flagger");
        TrustFixture.set(trust, flagger.id(), TrustLevel.LEADER);
        assertThat(flags.flag(flagger, TargetKind.POST, post.id(), FlagReason.OFF_TOPIC)).isEqualTo(FlagService.Outcome.HIDDEN);

        NotificationEntry told = awaitNewest(author, NotificationKind.MODERATION_ACTION);
        assertThat(told.actor()).isNull();
        assertThat(told.path()).isEqualTo("/moderation/mine");

        ModerationAction removed = moderation.decide(owner, TargetKind.POST, post.id(), true, "off-topic", "");
        moderation.appeal(author, removed.id(), "It was on topic.");
        assertThat(awaitNewest(second, NotificationKind.APPEAL_TO_DECIDE).path()).isEqualTo("/moderation/appeals");
        assertThat(notifications.page(owner.id(), null).entries()).noneMatch(e -> e.kind() == NotificationKind.APPEAL_TO_DECIDE);
        assertThat(moderation.appeals(members.withRole("site", Role.MODERATOR))).isNotEmpty();
    }
}
