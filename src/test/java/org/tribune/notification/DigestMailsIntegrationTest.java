package org.tribune.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tribune.IntegrationTest;
import org.tribune.TestMail;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.account.Members;
import org.tribune.platform.Ids;

/**
 * The digest job runs with a "now" of the test's choosing; notifications are made at the real time, so a day later
 * is {@code now + 1 day}. Other tests' notifications share the database: each test looks only at its own people.
 */
@IntegrationTest
class DigestMailsIntegrationTest {
    @Autowired
    DigestMails digests;
    @Autowired
    Notifications notifications;
    @Autowired
    Inbox inbox;
    @Autowired
    Ids ids;
    @Autowired
    AccountService accounts;
    @Autowired
    Members members;

    /** The digests this address received (it also got the mail that confirmed it), oldest first. */
    static List<TestMail.Mail> digestsTo(String address) {
        return TestMail.to(address).stream().filter(m -> m.subject().contains("notification")).toList();
    }

    /** Waits for the {@code count}-th digest to this address. */
    static TestMail.Mail awaitDigest(String address, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<TestMail.Mail> digests = digestsTo(address);
            if (digests.size() >= count) {
                return digests.get(count - 1);
            }
            Thread.sleep(25);
        }
        throw new AssertionError("no digest number " + count + " to " + address + "; got " + TestMail.to(address));
    }

    static void settle() throws InterruptedException {
        // Mail leaves after commit on a worker of its own; give any mail that should not exist the time to arrive.
        Thread.sleep(1_500);
    }

    @Test
    void aDailyDigestGoesOncePerDayInTheRecipientsLanguage() throws Exception {
        Account ana = members.active("ana");
        accounts.updatePreferences(ana.id(), "fr", "UTC");
        Account bob = members.active("bob");
        notifications.setDigest(ana.id(), "DAILY");
        Instant start = Instant.now();
        notifications.record(ana.id(), NotificationKind.NEW_FOLLOWER, bob.id(), null, null, null);
        long post = NotificationServiceIntegrationTest.someId();
        notifications.record(ana.id(), NotificationKind.MENTION, bob.id(), null, post, null);

        digests.sendDue(start.plus(Duration.ofHours(20)));
        digests.sendDue(start.plus(Duration.ofDays(1)).plusSeconds(60));
        TestMail.Mail mail = awaitDigest(ana.email(), 1);
        assertThat(mail.subject()).isEqualTo("2 nouvelles notifications sur Tribune");
        assertThat(mail.body()).contains("Bonjour @" + ana.handle())
                .contains(bob.displayName() + " vous suit désormais")
                .contains(bob.displayName() + " vous a mentionné")
                .contains("/p/" + post)
                .contains("/@" + bob.handle());
        assertThat(mail.link("/settings/notifications")).startsWith("http");
        assertThat(mail.link("/notifications")).startsWith("http");

        // The job runs again in the same hour, and the next hour: nothing new to say.
        digests.sendDue(start.plus(Duration.ofDays(1)).plusSeconds(60));
        digests.sendDue(start.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)));
        // Something new, but the day since the last digest is not over yet.
        Instant later = start.plus(Duration.ofDays(1)).plus(Duration.ofHours(5));
        inbox.insert(new Notification(ids.next(), ana.id(), NotificationKind.COMMENT_ON_POST, bob.id(), null, post,
                NotificationServiceIntegrationTest.someId(), later, null));
        digests.sendDue(later.plus(Duration.ofHours(10)));
        settle();
        assertThat(digestsTo(ana.email())).hasSize(1);

        digests.sendDue(start.plus(Duration.ofDays(2)).plus(Duration.ofHours(2)));
        TestMail.Mail second = awaitDigest(ana.email(), 2);
        assertThat(second.subject()).isEqualTo("1 nouvelle notification sur Tribune");
        assertThat(second.body()).contains("a commenté votre publication").doesNotContain("vous suit");
    }

    @Test
    void theDigestIsWeeklyUnlessChosenOtherwiseAndInEnglishForEnglishSpeakers() throws Exception {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Instant start = Instant.now();
        notifications.record(ana.id(), NotificationKind.LIKE_ON_POST, bob.id(), null, NotificationServiceIntegrationTest.someId(), null);

        digests.sendDue(start.plus(Duration.ofDays(1)).plusSeconds(60));
        digests.sendDue(start.plus(Duration.ofDays(6)));
        settle();
        assertThat(digestsTo(ana.email())).isEmpty();

        digests.sendDue(start.plus(Duration.ofDays(7)).plusSeconds(60));
        TestMail.Mail mail = awaitDigest(ana.email(), 1);
        assertThat(mail.subject()).isEqualTo("1 new notification on Tribune");
        assertThat(mail.body()).contains("Hello @" + ana.handle()).contains(bob.displayName() + " liked your post")
                .contains("To change how often you get this e-mail, or to stop it:");
    }

    @Test
    void neverMeansNoMailAndReadNotificationsAreNotMailed() throws Exception {
        Account ana = members.active("ana");
        Account eve = members.active("eve");
        Account bob = members.active("bob");
        notifications.setDigest(ana.id(), "NEVER");
        notifications.setDigest(eve.id(), "DAILY");
        Instant start = Instant.now();
        notifications.record(ana.id(), NotificationKind.NEW_FOLLOWER, bob.id(), null, null, null);
        notifications.record(eve.id(), NotificationKind.NEW_FOLLOWER, bob.id(), null, null, null);
        notifications.markAllRead(eve.id());

        digests.sendDue(start.plus(Duration.ofDays(8)));
        settle();
        assertThat(digestsTo(ana.email())).isEmpty();
        assertThat(digestsTo(eve.email())).isEmpty();
        assertThat(notifications.digest(ana.id())).isEqualTo(Digest.NEVER);
    }

    @Test
    void twoNodesRunningTheJobAtOnceSendOneDigest() throws Exception {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        notifications.setDigest(ana.id(), "DAILY");
        Instant start = Instant.now();
        notifications.record(ana.id(), NotificationKind.NEW_FOLLOWER, bob.id(), null, null, null);
        Instant due = start.plus(Duration.ofDays(1)).plus(Duration.ofHours(3));

        Callable<Integer> node = () -> digests.sendDue(due);
        try (ExecutorService nodes = Executors.newFixedThreadPool(2)) {
            List<Future<Integer>> runs = nodes.invokeAll(List.of(node, node));
            for (Future<Integer> run : runs) {
                run.get();
            }
        }
        awaitDigest(ana.email(), 1);
        settle();
        assertThat(digestsTo(ana.email())).hasSize(1);
    }
}
