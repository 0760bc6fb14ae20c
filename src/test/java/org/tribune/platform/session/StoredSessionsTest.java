package org.tribune.platform.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tribune.IntegrationTest;
import org.tribune.platform.Database;

import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Two nodes' session stores over the database of this run, with a clock of the test's own and news between them
 * that the test may cut: what one node changes or ends, the other never serves from its copy afterwards.
 */
@IntegrationTest
class StoredSessionsTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    @Autowired
    JdbcClient db;
    @Autowired
    Database database;
    @Autowired
    PlatformTransactionManager transactions;

    final TestClock clock = new TestClock();
    final Wire wire = new Wire();
    SimpleMeterRegistry metersOfA;
    SimpleMeterRegistry metersOfB;
    StoredSessions a;
    StoredSessions b;

    @BeforeEach
    void twoNodes() {
        metersOfA = new SimpleMeterRegistry();
        a = node(metersOfA);
        metersOfB = new SimpleMeterRegistry();
        b = node(metersOfB);
    }

    private StoredSessions node(SimpleMeterRegistry meters) {
        return new StoredSessions(new SessionRows(db, database.isPostgres()),
                Caffeine.newBuilder().<String, SessionSnapshot>build(), wire.node(), new TransactionTemplate(transactions),
                clock, TIMEOUT, TOUCH_EVERY, meters);
    }

    /** Accounts of this run only: the database may hold sessions of earlier runs. */
    private final String run = java.util.UUID.randomUUID().toString().substring(0, 8);

    private String signedIn(String account) {
        account = run + "-" + account;
        StoredSession session = a.createSession();
        session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, account);
        session.setAttribute("csrf", "token of " + account);
        a.save(session);
        return session.getId();
    }

    /** One page view, as Spring Session's filter does it: find, mark accessed, save. */
    private StoredSession view(StoredSessions node, String id) {
        StoredSession session = node.findById(id);
        if (session != null) {
            session.setLastAccessedTime(clock.instant());
            node.save(session);
        }
        return session;
    }

    private double count(String operation) {
        return count(metersOfA, operation);
    }

    private static double count(SimpleMeterRegistry meters, String operation) {
        return meters.get("tribune.sessions.store").tag("operation", operation).counter().count();
    }

    private double writesOnBoth() {
        return count(metersOfA, "write") + count(metersOfB, "write");
    }

    @Test
    void aPageViewThatChangesNothingWritesNothingAndReadsFromMemory() {
        String id = signedIn("101");
        view(a, id);
        double reads = count("read");
        double writes = count("write");

        clock.advance(Duration.ofSeconds(20));
        StoredSession session = view(a, id);
        session.setAttribute("csrf", "token of " + run + "-101"); // set again to what it was: no change
        a.save(session);
        view(a, id);

        assertThat(count("write")).isEqualTo(writes);
        assertThat(count("read")).isEqualTo(reads);
    }

    @Test
    void aChangedAttributeIsWrittenAndTheOtherNodeSeesIt() {
        String id = signedIn("102");
        assertThat((String) view(b, id).getAttribute("csrf")).isEqualTo("token of " + run + "-102"); // B keeps a copy
        double writes = count("write");

        StoredSession session = a.findById(id);
        session.setAttribute("csrf", "a new token");
        a.save(session);

        assertThat(count("write")).isEqualTo(writes + 1);
        assertThat((String) b.findById(id).getAttribute("csrf")).isEqualTo("a new token");
        assertThat((String) db.sql("select principal_name from spring_session where session_id = ?").param(id)
                .query(String.class).single()).isEqualTo(run + "-102");
    }

    @Test
    void theLastAccessIsWrittenAtMostEveryMinuteAndASessionInUseNeverEndsEarly() {
        String id = signedIn("103");
        double writes = writesOnBoth();
        for (int minute = 10; minute <= 120; minute += 10) {
            clock.advance(Duration.ofMinutes(10));
            assertThat(view(minute % 20 == 0 ? a : b, id)).as("in use at minute %d", minute).isNotNull();
            long expiry = db.sql("select expiry_time from spring_session where session_id = ?").param(id)
                    .query(Long.class).single();
            assertThat(Instant.ofEpochMilli(expiry)).isAfterOrEqualTo(clock.instant().plus(TIMEOUT));
        }
        clock.advance(Duration.ofSeconds(30));
        view(a, id);
        assertThat(writesOnBoth() - writes).as("one write per ten-minute gap, none for the view 30 s later")
                .isEqualTo(12);
    }

    @Test
    void idleTimeoutStillEndsTheSessionOnEveryNode() {
        String id = signedIn("104");
        String idle = signedIn("104");
        view(b, id);
        clock.advance(TIMEOUT.minusMinutes(1));
        assertThat(view(a, id)).isNotNull();

        clock.advance(TIMEOUT.plus(TOUCH_EVERY).plusSeconds(1));

        assertThat(b.findById(id)).as("B's copy is past its timeout").isNull();
        assertThat(a.findById(id)).isNull();
        a.deleteExpired();
        assertThat(db.sql("select count(*) from spring_session where session_id in (?, ?)").params(id, idle)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aSessionEndedOnOneNodeIsRefusedOnTheOther() {
        String id = signedIn("105");
        assertThat(view(b, id)).isNotNull();

        a.deleteById(id);

        assertThat(b.findById(id)).isNull();
        assertThat(a.findById(id)).isNull();
    }

    @Test
    void signingOutEverywhereEndsEverySessionOfTheAccountOnEveryNode() {
        String first = signedIn("106");
        String second = signedIn("106");
        String someoneElse = signedIn("107");
        view(b, first);
        view(b, second);

        assertThat(b.findByPrincipalName(run + "-106")).containsOnlyKeys(first, second);
        a.findByPrincipalName(run + "-106").keySet().forEach(a::deleteById);

        assertThat(b.findById(first)).isNull();
        assertThat(b.findById(second)).isNull();
        assertThat(b.findById(someoneElse)).isNotNull();
    }

    @Test
    void aNewIdAtSignInEndsTheOldOneEverywhere() {
        String id = signedIn("108");
        view(b, id);

        StoredSession session = a.findById(id);
        String fresh = session.changeSessionId();
        a.save(session);

        assertThat(b.findById(id)).isNull();
        assertThat(a.findById(id)).isNull();
        assertThat((String) b.findById(fresh).getAttribute("csrf")).isEqualTo("token of " + run + "-108");
    }

    @Test
    void whileNewsMayBeLostEveryReadGoesToTheStore() {
        String id = signedIn("109");
        String other = signedIn("109");
        view(b, id);
        view(b, other);

        wire.cut();
        a.deleteById(id); // B does not hear of it

        assertThat(b.findById(id)).isNull();
        assertThat(b.findById(other)).isNotNull();

        wire.back();
        a.deleteById(other);
        assertThat(b.findById(other)).isNull();
    }

    @Test
    void copiesKeptBeforeNewsWasLostAreDroppedWhenItIsBack() {
        String id = signedIn("110");
        view(b, id);
        wire.cut();
        db.sql("delete from spring_session where session_id = ?").param(id).update(); // ended, news lost
        wire.back();

        assertThat(b.findById(id)).isNull();
    }

    @Test
    void twoRequestsAddingTheSameAttributeDoNotCollide() {
        String id = signedIn("111");
        StoredSession first = a.findById(id);   // two requests load the session at the same time
        StoredSession second = b.findById(id);
        first.setAttribute("shared", "from the first");
        a.save(first);
        second.setAttribute("shared", "from the second");
        b.save(second);

        assertThat((String) a.findById(id).getAttribute("shared")).isEqualTo("from the second");
    }

    @Test
    void aRequestSavingASessionEndedMeanwhileDoesNotBringItBack() {
        String id = signedIn("112");
        StoredSession late = b.findById(id);
        a.deleteById(id);

        late.setAttribute("csrf", "written after the sign-out");
        b.save(late);

        assertThat(b.findById(id)).isNull();
        assertThat(db.sql("select count(*) from spring_session_attributes a join spring_session s "
                + "on s.primary_id = a.session_primary_id where s.session_id = ?").param(id).query(Long.class).single())
                .isZero();
    }

    /** News between the nodes of this test, which it can cut and bring back. */
    static final class Wire {
        private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
        private final List<Runnable> resyncs = new CopyOnWriteArrayList<>();
        private final AtomicLong epoch = new AtomicLong();
        private volatile boolean cut;

        SessionNews node() {
            return new SessionNews() {
                @Override
                public void changed(String sessionId) {
                    if (!cut) {
                        listeners.forEach(l -> l.accept(sessionId));
                    }
                }

                @Override
                public void onChanged(Consumer<String> sessionId) {
                    listeners.add(sessionId);
                }

                @Override
                public void onResync(Runnable resync) {
                    resyncs.add(resync);
                }

                @Override
                public boolean trusted() {
                    return !cut;
                }

                @Override
                public long epoch() {
                    return epoch.get();
                }
            };
        }

        void cut() {
            cut = true;
            epoch.incrementAndGet();
        }

        void back() {
            resyncs.forEach(Runnable::run);
            epoch.incrementAndGet();
            cut = false;
        }
    }

    static final class TestClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
