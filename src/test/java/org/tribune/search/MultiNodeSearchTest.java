package org.tribune.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.tribune.ClusterNode;
import org.tribune.TestDatabase;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.account.PrivacySettings;
import org.tribune.account.Members;
import org.tribune.post.Post;
import org.tribune.post.PostService;

/**
 * Two nodes on one PostgreSQL database, each searching its own Lucene index: what is published, edited or deleted on
 * A is found (or no longer found) on B within one second, and at once on A. A node that was stopped keeps its index
 * and catches up with what changed meanwhile; one stopped for longer than the log of changes is kept builds its
 * index again, and PostgreSQL answers its searches meanwhile.
 */
@Tag("multinode")
class MultiNodeSearchTest {
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private static final Path B_INDEX = Path.of(System.getProperty("java.io.tmpdir"), "tribune-test-search-b-" + UUID.randomUUID());
    private static Map<String, Object> database;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;

    @BeforeAll
    static void startTwoNodes() throws InterruptedException {
        assumeTrue(TestDatabase.isPostgres(), "several nodes need PostgreSQL; proved in the postgres-test run");
        database = TestDatabase.settings(true);
        a = ClusterNode.start("search-a", database);
        b = startB();
    }

    private static ConfigurableApplicationContext startB() throws InterruptedException {
        Map<String, Object> settings = new HashMap<>(database);
        settings.put("tribune.search.index-dir", B_INDEX.toString());
        ConfigurableApplicationContext node = ClusterNode.start("search-b", settings);
        SearchTest.awaitReady(node.getBean(SearchEngine.class));
        SearchTest.awaitReady(a.getBean(SearchEngine.class));
        return node;
    }

    @AfterAll
    static void stopNodes() {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
    }

    private static List<Long> found(ConfigurableApplicationContext node, String words, Account reader) {
        return node.getBean(SearchService.class).search(words, null, null, false, reader.id()).hits().stream()
                .map(SearchHit::id).toList();
    }

    private static Duration until(BooleanSupplier seen) throws InterruptedException {
        return ClusterNode.until(seen);
    }

    private static String word() {
        return "mns" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Test
    void whatIsPublishedEditedOrDeletedOnAIsFoundSoOnBWithinOneSecond() throws Exception {
        Members members = a.getBean(Members.class);
        Account writer = members.active("msw");
        Account reader = members.active("msr");
        PostService postsOnA = a.getBean(PostService.class);
        String first = word();
        String second = word();
        Post post = postsOnA.publish(writer, null, new PostService.Draft("", "Found everywhere " + first, null));
        assertThat(found(a, first, reader)).as("on A at once").containsExactly(post.id());
        Duration published = until(() -> found(b, first, reader).contains(post.id()));
        assertThat(published).isLessThan(ONE_SECOND);

        postsOnA.applyAcceptedRevision(post.id(), writer.id(), new PostService.Text("", "Now about " + second, null, null));
        assertThat(found(a, second, reader)).containsExactly(post.id());
        assertThat(found(a, first, reader)).isEmpty();
        Duration edited = until(() -> found(b, second, reader).contains(post.id()) && found(b, first, reader).isEmpty());
        assertThat(edited).isLessThan(ONE_SECOND);

        postsOnA.delete(writer, post.id());
        assertThat(found(a, second, reader)).isEmpty();
        Duration deleted = until(() -> found(b, second, reader).isEmpty());
        assertThat(deleted).isLessThan(ONE_SECOND);
        System.out.printf("MultiNodeSearchTest: on B after %d ms (published), %d ms (edited), %d ms (deleted)%n",
                published.toMillis(), edited.toMillis(), deleted.toMillis());
    }

    @Test
    void aTransactionLeftOpenOnTheServerDelaysNothingOnB() throws Exception {
        Account writer = a.getBean(Members.class).active("msp");
        Account reader = a.getBean(Members.class).active("msq");
        String w = word();
        // as a backup or a long report would: a transaction with an id, open while others commit
        try (java.sql.Connection open = a.getBean(javax.sql.DataSource.class).getConnection()) {
            open.setAutoCommit(false);
            try (java.sql.Statement statement = open.createStatement()) {
                statement.execute("select pg_current_xact_id()");
            }
            Post post = a.getBean(PostService.class).publish(writer, null, new PostService.Draft("", "Meanwhile " + w, null));
            assertThat(until(() -> found(b, w, reader).contains(post.id()))).isLessThan(ONE_SECOND);
            open.rollback();
        }
    }

    private static List<Long> people(ConfigurableApplicationContext node, String name, Account reader) {
        return node.getBean(SearchService.class).search(name, "people", null, false, reader.id()).hits().stream()
                .map(SearchHit::id).toList();
    }

    @Test
    void someoneWhoTurnsFindingByNameOffOnAIsNoLongerFoundOnBWithinOneSecond() throws Exception {
        Account person = a.getBean(Members.class).active("msn");
        Account reader = a.getBean(Members.class).active("mso");
        // B finds them, so it holds their settings in memory
        assertThat(until(() -> people(b, person.handle(), reader).contains(person.id()))).isLessThan(Duration.ofSeconds(5));
        AccountService accountsOnA = a.getBean(AccountService.class);
        PrivacySettings now = accountsOnA.privacy(person.id());
        accountsOnA.updatePrivacy(person.id(), new PrivacySettings(now.profile(), now.groups(), now.follows(),
                now.mentions(), now.indexable(), false));
        assertThat(people(a, person.handle(), reader)).as("on A at once").isEmpty();
        Duration hidden = until(() -> people(b, person.handle(), reader).isEmpty());
        assertThat(hidden).isLessThan(ONE_SECOND);
        assertThat(b.getBean(AccountService.class).privacy(person.id()).findable()).isFalse();
    }

    @Test
    void aRestartedNodeKeepsItsIndexAndFindsWhatChangedWhileItWasAway() throws Exception {
        Account writer = a.getBean(Members.class).active("msk");
        Account reader = a.getBean(Members.class).active("msl");
        PostService postsOnA = a.getBean(PostService.class);
        String kept = word();
        String meanwhile = word();
        Post before = postsOnA.publish(writer, null, new PostService.Draft("", "Before the restart " + kept, null));
        until(() -> found(b, kept, reader).contains(before.id()));
        b.close();
        Post during = postsOnA.publish(writer, null, new PostService.Draft("", "While B was away " + meanwhile, null));
        postsOnA.delete(writer, before.id());
        b = startB();
        FollowingSearch engine = (FollowingSearch) b.getBean(SearchEngine.class);
        assertThat(engine.builtAtStart()).as("the index on disk is used as it is").isFalse();
        assertThat(found(b, meanwhile, reader)).containsExactly(during.id());
        assertThat(found(b, kept, reader)).isEmpty();
    }

    @Test
    void aNodeAwayLongerThanTheChangesAreKeptBuildsItsIndexAgainAndFindsEverything() throws Exception {
        Account writer = a.getBean(Members.class).active("msf");
        Account reader = a.getBean(Members.class).active("msg");
        PostService postsOnA = a.getBean(PostService.class);
        String w = word();
        b.close();
        Post during = postsOnA.publish(writer, null, new PostService.Draft("", "Forgotten change " + w, null));
        // every change so far is forgotten, as after tribune.search.changes-kept-for
        SearchChanges changes = a.getBean(SearchChanges.class);
        org.springframework.jdbc.core.simple.JdbcClient db = a.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        until(() -> changes.forget(java.time.Instant.now().plusSeconds(60)) >= 0 && db.sql(
                "select count(*) from search_change where kind = 'post' and id = ?").param(during.id()).query(Long.class).single() == 0);
        b = startB();
        FollowingSearch engine = (FollowingSearch) b.getBean(SearchEngine.class);
        assertThat(engine.builtAtStart()).as("its index is older than the log: built again").isTrue();
        assertThat(found(b, w, reader)).containsExactly(during.id());
    }

    @Test
    void aRunningNodeThatFellBehindTheLogBuildsItsIndexAgain() throws Exception {
        Account writer = a.getBean(Members.class).active("msh");
        Account reader = a.getBean(Members.class).active("msi");
        String w = word();
        Post post = a.getBean(PostService.class).publish(writer, null, new PostService.Draft("", "Behind " + w, null));
        FollowingSearch onB = (FollowingSearch) b.getBean(SearchEngine.class);
        until(() -> found(b, w, reader).contains(post.id()));
        int builds = onB.builds();
        // the log is forgotten past B's position, as if B had not read it for longer than it is kept
        org.springframework.jdbc.core.simple.JdbcClient db = a.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        db.sql("update search_change_horizon set before = ? where id = 1").param(a.getBean(SearchChanges.class).now().xmax() + 1).update();
        onB.follow();
        assertThat(onB.builds()).isEqualTo(builds + 1);
        assertThat(onB.ready()).isTrue();
        assertThat(found(b, w, reader)).containsExactly(post.id());
    }
}
