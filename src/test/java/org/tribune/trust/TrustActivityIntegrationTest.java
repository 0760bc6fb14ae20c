package org.tribune.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.post.Comment;
import org.tribune.post.Post;
import org.tribune.post.PostService;

/** Reading is counted in memory and reaches the database only in bulk, at a flush; likes and replies just after their commit. */
@IntegrationTest
class TrustActivityIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    ReadingLog reading;
    @Autowired
    ActivityStore store;
    @Autowired
    PostService posts;
    @Autowired
    JdbcClient db;

    Optional<DayCounts> today(long accountId) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return store.days(accountId).stream().filter(d -> d.day().equals(today)).findFirst();
    }

    long rows(long accountId) {
        return db.sql("select count(*) from trust_activity_day where account_id = ?").param(accountId).query(Long.class).single();
    }

    @Test
    void aThousandReadsAndPagesAreOneRowWrittenAtTheFlush() {
        Account ana = members.active("ana");
        for (long post = 1; post <= 1000; post++) {
            reading.read(ana.id(), List.of(post));
            if (post % 20 == 0) {
                reading.visited(ana.id());
            }
        }
        assertThat(rows(ana.id())).as("nothing written before the flush").isZero();

        reading.flush();
        assertThat(rows(ana.id())).isEqualTo(1);
        DayCounts counts = today(ana.id()).orElseThrow();
        assertThat(counts.postsRead()).isEqualTo(1000);
        assertThat(counts.visited()).isTrue();

        reading.read(ana.id(), List.of(5000L, 5001L));
        reading.flush();
        reading.flush();
        assertThat(rows(ana.id())).as("the next flush adds to the same row").isEqualTo(1);
        assertThat(today(ana.id()).orElseThrow().postsRead()).isEqualTo(1002);
    }

    @Test
    void aFlushOfMoreRowsThanOneStatementTakesWritesThemAll() {
        long first = java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 50, 1L << 52);
        int people = ActivityStore.CHUNK * 2 + 17;
        for (long id = first; id < first + people; id++) {
            reading.read(id, List.of(1L, 2L));
        }
        reading.flush();
        long written = db.sql("select count(*) from trust_activity_day where account_id >= ? and account_id < ? and posts_read = 2")
                .params(first, first + people).query(Long.class).single();
        assertThat(written).isEqualTo(people);
    }

    @Test
    void likesRepliesAndPublishingAreCountedFromPostEvents() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Post post = posts.publish(ana, null, new PostService.Draft("Trees on Elm Street", "Who waters them?", ""));
        posts.like(bob, post.id());
        posts.like(ana, post.id());
        Comment reply = posts.comment(bob, post.id(), "I do, on Sundays.", null);
        posts.comment(bob, post.id(), "And on Wednesdays.", null);
        posts.comment(ana, post.id(), "Thank you!", reply.id()); // an answer to Bob's comment, under her own post
        posts.comment(ana, post.id(), "Anyone else?", null); // under her own post, to nobody: not a reply
        posts.likeComment(ana, reply.id());
        long publishedBefore = store.publishedSince(LocalDate.now(ZoneOffset.UTC));

        reading.flush();

        // Likes and replies are durable listeners, written just after each commit on a thread of their own.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
            DayCounts anas = today(ana.id()).orElseThrow();
            DayCounts bobs = today(bob.id()).orElseThrow();
            assertThat(bobs.likesGiven()).isEqualTo(1);
            assertThat(bobs.likesReceived()).isEqualTo(1);
            assertThat(bobs.replies()).isEqualTo(2);
            assertThat(anas.likesReceived()).as("her own like does not count").isEqualTo(1);
            assertThat(anas.likesGiven()).isEqualTo(1);
            assertThat(anas.replies()).isEqualTo(1);
            var activity = store.activity(List.of(ana.id(), bob.id()), null);
            assertThat(activity.get(bob.id()).replyThreads()).isEqualTo(1);
            assertThat(activity.get(ana.id()).distinctLikers()).isEqualTo(1);
        });
        assertThat(store.publishedSince(LocalDate.now(ZoneOffset.UTC))).isGreaterThan(publishedBefore);
    }

    @Test
    void pagesCountVisitsPostsOpenedAndPostsShown() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Post post = posts.publish(ana, null, new PostService.Draft("Bike lanes", "Where do we need them most?", ""));
        reading.flush();
        WebClient bobs = new WebClient(port);
        bobs.login(bob.email(), Members.PASSWORD);

        assertThat(bobs.get("/p/" + post.id()).status()).isEqualTo(200);
        assertThat(bobs.get("/@" + ana.handle()).status()).isEqualTo(200);
        assertThat(bobs.get("/feed/new?after=0").status()).isEqualTo(200);
        new WebClient(port).get("/p/" + post.id()); // a visitor counts for nobody
        reading.flush();

        DayCounts counts = today(bob.id()).orElseThrow();
        assertThat(counts.visited()).isTrue();
        assertThat(counts.postsEntered()).isEqualTo(1);
        assertThat(counts.postsRead()).as("the same post on its page and in Ana's feed is read once").isEqualTo(1);
        assertThat(today(ana.id()).map(DayCounts::postsEntered).orElse(0)).isZero();
    }
}
