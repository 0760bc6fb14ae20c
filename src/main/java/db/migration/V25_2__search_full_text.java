package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * PostgreSQL full-text search of {@code search_document}: two text search configurations, French and English, that
 * fold accents ({@code unaccent}, an extension shipped with PostgreSQL that this migration creates, so the database
 * user needs the right to, or an administrator creates it first) before stemming; a weighted tsvector of title and
 * body in the document's language and one of the folded name words, both kept by a trigger (a generated column cannot
 * call unaccent, which PostgreSQL does not declare immutable); GIN indexes on both. H2 has none of this: there the
 * Lucene index answers.
 */
public class V25_2__search_full_text extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
            return;
        }
        try (Statement sql = connection.createStatement()) {
            sql.execute("create extension if not exists unaccent");
            for (String language : new String[] {"french", "english"}) {
                sql.execute("create text search configuration tribune_" + language + " (copy = " + language + ")");
                sql.execute("alter text search configuration tribune_" + language
                        + " alter mapping for hword, hword_part, word, asciiword, asciihword, hword_asciipart with unaccent, "
                        + language + "_stem");
            }
            sql.execute("alter table search_document add column document tsvector");
            sql.execute("alter table search_document add column names tsvector");
            sql.execute("""
                    create function search_document_vectors() returns trigger language plpgsql as $$
                    declare
                        config regconfig := case new.language when 'fr' then 'tribune_french'::regconfig
                                                              else 'tribune_english'::regconfig end;
                    begin
                        new.document := setweight(to_tsvector(config, new.title), 'A')
                                     || setweight(to_tsvector(config, new.body), 'B');
                        new.names := to_tsvector('simple', new.name_words);
                        return new;
                    end
                    $$""");
            sql.execute("create trigger search_document_vectors before insert or update on search_document "
                    + "for each row execute function search_document_vectors()");
            sql.execute("create index search_document_text on search_document using gin (document)");
            sql.execute("create index search_document_names on search_document using gin (names)");
        }
    }
}
