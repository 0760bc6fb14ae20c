package org.tribune.platform;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Opens an embedded H2 file so that {@code ./tribune backup} can copy it while this server runs and writes
 * ({@link Backups#online}). Nothing changes for PostgreSQL, whose {@code pg_dump} is online by nature.
 */
@Configuration(proxyBeanMethods = false)
class OnlineBackups {

    @Bean
    static BeanPostProcessor embeddedDatabaseOpenToBackups() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
                    pool.setJdbcUrl(Backups.online(pool.getJdbcUrl()));
                }
                return bean;
            }
        };
    }
}
