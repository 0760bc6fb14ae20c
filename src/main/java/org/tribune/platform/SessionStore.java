package org.tribune.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions in the database, safe under concurrent requests: a browser sends several requests of one session at
 * once (a page, its live stream, "new posts"), and when two of them add the same attribute, Spring Session's plain
 * insert fails the second with a duplicate key, a server error. Inserting as an upsert lets the later write win.
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {
    static final String H2_UPSERT = "merge into %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES) "
            + "key (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) values (?, ?, ?)";

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> concurrentAttributeWrites(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            return postgres ? new PostgreSqlJdbcIndexedSessionRepositoryCustomizer()
                    : repository -> repository.setCreateSessionAttributeQuery(H2_UPSERT);
        }
    }
}
