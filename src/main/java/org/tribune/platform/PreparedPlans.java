package org.tribune.platform;

import java.util.Properties;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * On PostgreSQL, every statement is prepared on the server from its first use and planned once, generically.
 *
 * <p>The driver's default prepares a statement only on its fifth use on a connection, and PostgreSQL's default plans
 * each of its first five executions for their parameters. Tribune's statements are many short indexed reads whose
 * text varies with the size of their lists (a feed's union of sources, a page's ids), so most executions were
 * parsed and planned from scratch, and planning the feed's union costs more than running it. Measured on the medium
 * benchmark set (docs/benchmarks.md): the home feed went from about 350 to about 520 requests a second. Generic
 * plans suit these queries: each reads an index by equality and stops at a small limit, whatever the values.
 *
 * <p>Parameters written in the database URL win (for example {@code prepareThreshold=0} behind PgBouncer in
 * transaction mode), and {@code tribune.database.generic-plans=false} turns this off.
 */
@Configuration(proxyBeanMethods = false)
class PreparedPlans {

    @Bean
    static BeanPostProcessor preparedPlansOnPostgres(@Value("${tribune.database.generic-plans:true}") boolean enabled) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (enabled && bean instanceof HikariDataSource pool) {
                    apply(pool.getJdbcUrl(), pool.getDataSourceProperties());
                }
                return bean;
            }
        };
    }

    /** Adds the driver properties for a PostgreSQL URL that does not set them itself; leaves other databases alone. */
    static void apply(String jdbcUrl, Properties driverProperties) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            return;
        }
        String query = jdbcUrl.contains("?") ? jdbcUrl.substring(jdbcUrl.indexOf('?') + 1) : "";
        if (!query.contains("prepareThreshold=")) {
            driverProperties.putIfAbsent("prepareThreshold", "1");
        }
        if (!query.contains("options=")) {
            driverProperties.putIfAbsent("options", "-c plan_cache_mode=force_generic_plan");
        }
    }
}
