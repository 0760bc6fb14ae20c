package org.tribune.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tribune.IntegrationTest;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.follow.FollowEvents;
import org.tribune.group.Group;
import org.tribune.group.GroupEvents;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupService;
import org.tribune.post.Post;
import org.tribune.post.PostEvents;
import org.tribune.post.PostService;

/**
 * A durable listener's publication handed to it twice (a node that died between the listener's commit and Modulith's
 * completion, a retry while a slow first run is still going, two nodes) has the effect of one run: it claims its
 * publication in its own transaction ({@link DurableListeners}). The listener is handed the event here the way
 * Modulith hands it: its method, in a transaction of its own (REQUIRES_NEW), without the completion that follows.
 */
@IntegrationTest
class DurableListenersTest {
    private static final List<String> LISTENERS = List.of("org.tribune.notification.EventNotifications",
            "org.tribune.trust.PostActivity");

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient db;
    @Autowired
    EventSerializer serializer;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    IncompleteEventPublications incomplete;
    @Autowired
    Database database;
    @Autowired
    Members members;
    @Autowired
    PostService posts;
    @Autowired
    GroupService groups;

    Account ana;
    Account bob;
    TransactionTemplate ownTransaction;

    @BeforeEach
    void twoPeople() {
        ana = members.active("ana");
        bob = members.active("bob");
        ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The row the publishing transaction writes for one listener; seconds old, so the periodic retry leaves it. */
    private UUID pending(String listener, Object event) {
        UUID id = UUID.randomUUID();
        db.sql("insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status, "
                        + "completion_attempts) values (?, ?, ?, ?, ?, 'PUBLISHED', 0)")
                .params(id, listener, event.getClass().getName(), serializer.serialize(event).toString(),
                        Sql.ts(Instant.now().minusSeconds(5)))
                .update();
        return id;
    }

    private boolean isPending(UUID id) {
        return db.sql("select count(*) from event_publication where id = ?").param(id).query(Long.class).single() > 0;
    }

    /** The listener's own method, as Modulith invokes it, in the transaction that is already open. */
    private void run(String listener, Object event) {
        for (String name : LISTENERS) {
            Object bean = AopTestUtils.getUltimateTargetObject(context.getBean(type(name)));
            for (Method method : bean.getClass().getDeclaredMethods()) {
                ApplicationModuleListener annotation = method.getAnnotation(ApplicationModuleListener.class);
                if (annotation != null && annotation.id().equals(listener)) {
                    method.setAccessible(true);
                    try {
                        method.invoke(bean, event);
                    } catch (InvocationTargetException e) {
                        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                    return;
                }
            }
        }
        throw new IllegalArgumentException("no listener " + listener);
    }

    private static Class<?> type(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The publication handed to its listener once, in a transaction of its own. */
    private void handOver(String listener, Object event) {
        ownTransaction.executeWithoutResult(status -> run(listener, event));
    }

    private long notifications(Account recipient, String kind) {
        return db.sql("select count(*) from notification where recipient_id = ? and kind = ?")
                .params(recipient.id(), kind).query(Long.class).single();
    }

    /** Today's likes given, as trust levels count them. */
    private long likesGiven(Account liker) {
        return db.sql("select coalesce(sum(likes_given), 0) from trust_activity_day where account_id = ?")
                .param(liker.id()).query(Long.class).single();
    }

    @Test
    void aFollowHandedOverTwiceNotifiesOnce() {
        FollowEvents.Followed followed = new FollowEvents.Followed(bob.id(), ana.id());
        UUID id = pending("notification.followed", followed);

        handOver("notification.followed", followed);
        handOver("notification.followed", followed);

        assertThat(notifications(ana, "NEW_FOLLOWER")).isEqualTo(1);
        assertThat(isPending(id)).as("claimed with the notification").isFalse();
    }

    @Test
    void aGroupInvitationRetriedByTheRegistryAndHandedOverAgainNotifiesOnce() {
        Group group = groups.create(ana, new GroupForm(("o-" + Members.uniqueHandle("x").substring(2)).toLowerCase()
                .replace('_', '-'), "Allotments", "", "en", "PUBLIC", "OPEN", List.of(), false));
        GroupEvents.Invited invited = new GroupEvents.Invited(group.id(), bob.id(), ana.id());
        UUID id = pending("notification.invited", invited);

        // Modulith's own path: the listener runs, then Modulith completes a publication the listener already claimed.
        incomplete.resubmitIncompletePublications(p -> p.getIdentifier().equals(id));
        await().atMost(Duration.ofSeconds(10)).until(() -> notifications(bob, "INVITED") == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> !isPending(id));
        // The same publication again, as a node that had died before completing would leave it.
        handOver("notification.invited", invited);

        assertThat(notifications(bob, "INVITED")).isEqualTo(1);
    }

    @Test
    void aLikeHandedOverTwiceIsCountedOnce() {
        Post anas = posts.publish(ana, null, new PostService.Draft("", "Plum jam recipe", null));
        PostEvents.PostLiked liked = new PostEvents.PostLiked(anas.id(), null, bob.id(), ana.id());
        long before = likesGiven(bob);
        pending("trust.postLiked", liked);

        handOver("trust.postLiked", liked);
        handOver("trust.postLiked", liked);

        assertThat(likesGiven(bob)).isEqualTo(before + 1);
    }

    @Test
    void aPublicationReadBackWithItsMentionsInAnotherOrderIsStillClaimed() {
        Account carl = members.active("carl");
        Post anas = posts.publish(ana, null, new PostService.Draft("", "Bring chairs", null));
        // As written at publication, and as read back after a restart: the same mentions, in another order.
        PostEvents.PostPublished written = new PostEvents.PostPublished(anas.id(), null, ana.id(),
                new LinkedHashSet<>(List.of(carl.id(), bob.id())));
        PostEvents.PostPublished readBack = new PostEvents.PostPublished(anas.id(), null, ana.id(),
                new LinkedHashSet<>(List.of(bob.id(), carl.id())));
        assertThat(serializer.serialize(readBack).toString()).isNotEqualTo(serializer.serialize(written).toString());
        UUID id = pending("notification.postPublished", written);

        handOver("notification.postPublished", readBack);

        assertThat(isPending(id)).as("claimed").isFalse();
        assertThat(notifications(bob, "MENTION")).isEqualTo(1);
        assertThat(notifications(carl, "MENTION")).isEqualTo(1);
    }

    @Test
    void aListenerWhoseTransactionFailsLeavesItsPublicationForTheRetry() {
        FollowEvents.Followed followed = new FollowEvents.Followed(ana.id(), bob.id());
        UUID id = pending("notification.followed", followed);

        try {
            ownTransaction.executeWithoutResult(status -> {
                run("notification.followed", followed);
                throw new IllegalStateException("the database went away before the commit");
            });
        } catch (IllegalStateException expected) {
            // the listener's transaction rolled back
        }

        assertThat(isPending(id)).as("the claim rolled back with the work").isTrue();
        assertThat(notifications(bob, "NEW_FOLLOWER")).isZero();
        handOver("notification.followed", followed);
        assertThat(notifications(bob, "NEW_FOLLOWER")).isEqualTo(1);
        assertThat(isPending(id)).isFalse();
    }

    @Test
    void twoRunsAtOnceNotifyOnce() throws Exception {
        FollowEvents.Followed followed = new FollowEvents.Followed(bob.id(), ana.id());
        pending("notification.followed", followed);
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);

        // The first run claims the publication and holds its transaction open, as a slow listener would.
        ExecutorService twoThreads = Executors.newFixedThreadPool(2);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> ownTransaction.executeWithoutResult(status -> {
            run("notification.followed", followed);
            claimed.countDown();
            try {
                assertThat(commit.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }), twoThreads);
        assertThat(claimed.await(30, TimeUnit.SECONDS)).isTrue();
        // A retry, or another node, hands the same publication over meanwhile: its claim waits for the first's lock.
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> handOver("notification.followed", followed),
                twoThreads);
        await().atMost(Duration.ofSeconds(10)).until(this::aClaimWaits);
        commit.countDown();
        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);
        twoThreads.shutdown();

        assertThat(notifications(ana, "NEW_FOLLOWER")).isEqualTo(1);
    }

    /** The second claim is in its DELETE, waiting for the first transaction (H2 does not name the blocker). */
    private boolean aClaimWaits() {
        return database.isPostgres()
                ? db.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                        + "and datname = current_database() and query like 'delete from event_publication%'")
                        .query(Long.class).single() > 0
                : db.sql("select count(*) from information_schema.sessions "
                        + "where executing_statement like 'delete from event_publication%'")
                        .query(Long.class).single() > 0;
    }
}
