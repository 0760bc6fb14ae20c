package org.tribune.platform.live;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tribune.platform.Database;

/**
 * Chooses how live messages travel: in memory on H2 (one node), over LISTEN/NOTIFY on PostgreSQL (any number of
 * nodes sharing the database). The PostgreSQL bus is closed with the context (its {@code close}).
 */
@Configuration(proxyBeanMethods = false)
class LiveBusConfiguration {

    @Bean
    LiveBus liveBus(Database database, DataSource dataSource,
            @Value("${spring.datasource.username:}") String user,
            @Value("${spring.datasource.password:}") String password) {
        if (database.isPostgres()) {
            return new PostgresLiveBus(dataSource, database.url(), user, password);
        }
        return new LiveChannel.LocalBus();
    }
}
