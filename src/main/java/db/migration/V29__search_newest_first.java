package db.migration;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Bounded search on PostgreSQL (docs/search.md): a search by relevance ranks only the newest matches, and a search by
 * recency lists the newest, so both walk {@code search_document} down by {@code (created_at, id)} and stop early
 * when the words are common. Groups and people are a small part of the table: each kind has its own index, so their
 * walk does not step over millions of posts. H2 has none of this: there the Lucene index answers.
 */
public class V29__search_newest_first extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        if (!context.getConnection().getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
            return;
        }
        try (Statement sql = context.getConnection().createStatement()) {
            sql.execute("create index search_document_newest on search_document (created_at, id)");
            sql.execute("create index search_document_newest_groups on search_document (created_at, id) where kind = 'group'");
            sql.execute("create index search_document_newest_people on search_document (created_at, id) where kind = 'person'");
        }
    }
}
