package org.tribune.platform;

import java.time.Duration;
import java.util.Properties;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bounds how long a request can wait on a PostgreSQL server that went away. The pool gives up on a connection after
 * {@code spring.datasource.hikari.connection-timeout} (then the request is answered 503, see {@link Outages}); these
 * driver settings bound the rest: opening a connection ({@code connectTimeout}), and a statement whose server
 * vanished without closing the connection, as a failover or a cut network does ({@code socketTimeout}: the driver
 * gives up reading after it, so no request hangs until TCP's own timeout of a quarter of an hour). The socket
 * timeout is a last resort: it must stay above the longest statement Tribune runs (the nightly computations, a
 * seed's {@code vacuum analyze}); {@code statement_timeout} on the role is the finer tool (docs/operations.md).
 * Parameters written in the database URL win.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseTimeouts {

    @Bean
    static BeanPostProcessor databaseTimeoutsOnPostgres(
            @Value("${tribune.database.connect-timeout:PT5S}") Duration connect,
            @Value("${tribune.database.socket-timeout:PT5M}") Duration socket) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool) {
                    apply(pool.getJdbcUrl(), pool.getDataSourceProperties(), connect, socket);
                }
                return bean;
            }
        };
    }

    /** Adds the timeouts for a PostgreSQL URL that does not set them itself; leaves other databases alone. */
    static void apply(String jdbcUrl, Properties driverProperties, Duration connect, Duration socket) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            return;
        }
        String query = jdbcUrl.contains("?") ? jdbcUrl.substring(jdbcUrl.indexOf('?') + 1) : "";
        if (!query.contains("connectTimeout=")) {
            driverProperties.putIfAbsent("connectTimeout", Long.toString(Math.max(1, connect.toSeconds())));
        }
        if (!query.contains("socketTimeout=")) {
            driverProperties.putIfAbsent("socketTimeout", Long.toString(Math.max(0, socket.toSeconds())));
        }
    }
}
