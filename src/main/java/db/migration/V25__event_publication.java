package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The transactional outbox: Spring Modulith's event publication registry (its schema version 2). A row is written
 * in the transaction that publishes an event, one per listener that must run after the commit, and deleted when
 * that listener has completed; a row left behind is work that a crash or a failure interrupted, which
 * {@code platform.EventRetries} hands to its listener again. Created here rather than by Modulith's own schema
 * initialisation so that every node finds it made once, in order, by Flyway. The columns are Modulith's; only the
 * event text differs from its H2 script, which limits it to 4,000 characters (a post's list of mentioned people
 * could exceed it).
 */
public class V25__event_publication extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        try (Statement sql = connection.createStatement()) {
            sql.execute("""
                    create table event_publication (
                        id                     uuid not null primary key,
                        listener_id            varchar(512) not null,
                        event_type             varchar(512) not null,
                        serialized_event       %s not null,
                        publication_date       timestamp(6) with time zone not null,
                        completion_date        timestamp(6) with time zone,
                        status                 varchar(20),
                        completion_attempts    int,
                        last_resubmission_date timestamp(6) with time zone
                    )""".formatted(postgres ? "text" : "varchar(1000000)"));
            // Completion finds its row by listener and event text: a hash index on PostgreSQL (a b-tree entry
            // cannot hold a long text), a plain one on H2.
            sql.execute(postgres
                    ? "create index event_publication_by_event on event_publication using hash (serialized_event)"
                    : "create index event_publication_by_event on event_publication (listener_id, serialized_event)");
            sql.execute("create index event_publication_by_completion on event_publication (completion_date, publication_date)");
        }
    }
}
