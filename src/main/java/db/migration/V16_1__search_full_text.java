package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * PostgreSQL full-text search for the search index: a tsvector kept by the database itself (a stored generated
 * column) and its GIN index. The 'simple' configuration neither stems nor drops stop words, so French and English
 * posts are matched alike, word for word. H2 has no tsvector; it searches the plain {@code words} column. Then the
 * posts that existed before the index are copied in, on both engines.
 */
public class V16_1__search_full_text extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement sql = connection.createStatement()) {
            if (connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
                sql.execute("alter table search_entry add column document tsvector "
                        + "generated always as (to_tsvector('simple', title || ' ' || body)) stored");
                sql.execute("create index search_entry_document on search_entry using gin (document)");
            }
            sql.execute("insert into search_entry (post_id, group_id, author_id, title, body, words) "
                    + "select id, group_id, author_id, title, body, lower(title || ' ' || body) from post where deleted_at is null");
        }
    }
}
