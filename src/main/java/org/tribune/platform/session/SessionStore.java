package org.tribune.platform.session;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tribune.platform.Database;
import org.tribune.platform.cluster.Broadcast;

import com.github.benmanes.caffeine.cache.Cache;
import org.tribune.platform.cluster.LocalCaches;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * Web sessions: in the shared database, so that any node serves any signed-in person, with each node keeping copies
 * of the sessions it serves (see {@link StoredSessions}). Replaces Spring Session's JDBC store, which read and wrote
 * every session on every page.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
class SessionStore {

    @Bean
    StoredSessions sessionRepository(JdbcClient db, Database database, SessionNews news,
            PlatformTransactionManager transactions, Clock clock, MeterRegistry meters,
            @Value("${server.servlet.session.timeout:30m}") Duration timeout,
            @Value("${tribune.sessions.touch-every:60s}") Duration touchEvery,
            @Value("${tribune.sessions.cache-bytes:33554432}") long cacheBytes) {
        Cache<String, SessionSnapshot> copies = LocalCaches.newBuilder()
                .maximumWeight(cacheBytes)
                .weigher(SessionStore::weight)
                // A copy is asked again at least this often, whatever news was lost.
                .expireAfterWrite(touchEvery)
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, copies, "sessions");
        return new StoredSessions(new SessionRows(db, database.isPostgres()), copies, news,
                new TransactionTemplate(transactions), clock, timeout, touchEvery, meters);
    }

    /** Roughly the bytes a copy holds: its attributes, ids and the map around them. */
    private static int weight(String id, SessionSnapshot session) {
        return 300 + session.attributes().entrySet().stream()
                .mapToInt(e -> 64 + 2 * e.getKey().length() + e.getValue().length).sum();
    }

    @Bean
    SessionNews sessionNews(Broadcast broadcast) {
        return SessionNews.over(broadcast);
    }

    @Bean
    ExpiredSessions expiredSessions(StoredSessions sessions) {
        return new ExpiredSessions(sessions);
    }

    /** Every node ends idle sessions; deleting what another node already deleted is harmless. */
    static final class ExpiredSessions {
        private final StoredSessions sessions;

        ExpiredSessions(StoredSessions sessions) {
            this.sessions = sessions;
        }

        @Scheduled(cron = "${tribune.sessions.cleanup-cron:0 * * * * *}")
        void deleteExpired() {
            sessions.deleteExpired();
        }
    }
}
