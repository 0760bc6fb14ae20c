package org.tribune.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tribune.IntegrationTest;
import org.tribune.TestMail;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.post.Comment;
import org.tribune.post.Post;
import org.tribune.post.PostService;
import org.tribune.safety.WordFilters;

/**
 * The digest obeys the recipient's NOTIFICATIONS word filters as the page does: behind a WARN filter a notification
 * is one folded line naming the filter, without its words or its author; behind a HIDE filter it is not there.
 */
@IntegrationTest
class DigestWordFiltersTest {
    @Autowired
    DigestMails digests;
    @Autowired
    Notifications notifications;
    @Autowired
    Members members;
    @Autowired
    PostService posts;
    @Autowired
    WordFilters filters;

    @Test
    void aWarnedNotificationIsFoldedInTheDigestAndAHiddenOneLeftOut() throws Exception {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Account eve = members.active("eve");
        notifications.setDigest(ana.id(), "DAILY");
        filters.create(ana, new WordFilters.Request("butler", List.of("NOTIFICATIONS"), "HIDE", null));
        filters.create(ana, new WordFilters.Request("Finale", List.of("NOTIFICATIONS"), "WARN", null));
        filters.create(ana, new WordFilters.Request("weather", List.of("HOME"), "HIDE", null)); // another context
        Instant start = Instant.now();
        Post anas = posts.publish(ana, null, new PostService.Draft("My review", "Read it", null));
        Comment hidden = posts.comment(bob, anas.id(), "The butler did it", null);
        Comment warned = posts.comment(eve, anas.id(), "The finale was great", null);
        Comment plain = posts.comment(bob, anas.id(), "Lovely weather", null);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (notifications.page(ana.id(), null).entries().stream().filter(e -> e.commentId() != null).count() < 2
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        digests.sendDue(start.plus(Duration.ofDays(1)).plusSeconds(60));
        TestMail.Mail mail = DigestMailsIntegrationTest.awaitDigest(ana.email(), 1);
        assertThat(mail.subject()).isEqualTo("2 new notifications on Tribune");
        assertThat(mail.body()).contains("Filtered: “Finale” (open it on the site to read it)")
                .contains("/p/" + anas.id() + "#c" + warned.id())
                .doesNotContain(eve.displayName())
                .contains(bob.displayName())
                .contains("#c" + plain.id())
                .doesNotContain("#c" + hidden.id())
                .doesNotContain("butler");
    }
}
