package org.tribune.platform.live;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tribune.platform.Database;
import org.tribune.platform.RedisStore;

/**
 * Chooses how live messages travel: over Redis pub/sub when {@code tribune.redis.url} is set, else over
 * LISTEN/NOTIFY on PostgreSQL (any number of nodes sharing the database), else in memory (H2, one node). The PostgreSQL bus is closed with the context (its {@code close}).
 */
@Configuration(proxyBeanMethods = false)
class LiveBusConfiguration {

    @Bean
    LiveBus liveBus(Database database, RedisStore redis, DataSource dataSource,
            @Value("${spring.datasource.username:}") String user,
            @Value("${spring.datasource.password:}") String password) {
        if (redis.isConfigured()) {
            return new RedisLiveBus(redis.pool(), redis.uri());
        }
        if (database.isPostgres()) {
            return new PostgresLiveBus(dataSource, database.url(), user, password);
        }
        return new LiveChannel.LocalBus();
    }
}
