package db.migration;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Phrases on PostgreSQL (docs/search.md): a GIN index keeps no word positions, so a phrase of two common words that
 * rarely stand side by side was checked row by row. Each document now also holds its pairs of words: every two
 * lexemes of its tsvector at consecutive positions ({@code 'citi river'}), and every two with one position between
 * them ({@code 'ecol _ musiqu'}, where a query's stop word leaves a gap), in {@code word_pairs}, with a GIN index of its
 * own. A phrase asks the same function for its own pairs, which every document matching it must hold, so the index
 * narrows the candidates and the exact phrase check ({@code document @@ phraseto_tsquery}) still decides: the same
 * hits as before, found without reading the documents that only hold both words apart.
 * <p>
 * The pairs are read from the tsvector itself (its positions, as the phrase check reads them), so stemming, accents
 * and stop words are the same on both sides. A pair too long to be a lexeme (2,046 bytes) is left out on both sides.
 * Positions are shared by several lexemes only when a text reaches PostgreSQL's last position (16,383): then every
 * pair is made by a join, slower but complete. Existing documents get their pairs here (about 100 µs each). H2 has
 * none of this: there Lucene answers phrases from its positions.
 */
public class V33__search_phrase_pairs extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        if (!context.getConnection().getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
            return;
        }
        try (Statement sql = context.getConnection().createStatement()) {
            sql.execute("""
                    create function search_word_pairs(v tsvector) returns tsvector
                    language plpgsql immutable strict parallel safe as $$
                    declare
                        pairs text[];
                        tied boolean;
                    begin
                        select array_agg(x) filter (where x is not null and octet_length(x) <= 2046),
                               coalesce(bool_or(p1 = p), false)
                          into pairs, tied
                          from (select p, p1,
                                       case when p1 = p + 1 then lexeme || ' ' || l1 end as y1,
                                       case when p1 = p + 2 then lexeme || ' _ ' || l1
                                            when p2 = p + 2 then lexeme || ' _ ' || l2 end as y2
                                  from (select l.lexeme, p, lead(l.lexeme) over w as l1, lead(p) over w as p1,
                                               lead(l.lexeme, 2) over w as l2, lead(p, 2) over w as p2
                                          from unnest(v) l, unnest(l.positions) p
                                        window w as (order by p)) s) s2,
                               lateral (values (y1), (y2)) pair(x);
                        if tied then
                            with words as (select l.lexeme, p from unnest(v) l, unnest(l.positions) p)
                            select array_agg(x) filter (where octet_length(x) <= 2046) into pairs
                              from (select case b.p - a.p when 1 then a.lexeme || ' ' || b.lexeme
                                                          else a.lexeme || ' _ ' || b.lexeme end as x
                                      from words a cross join (values (1), (2)) d(n) join words b on b.p = a.p + d.n) s;
                        end if;
                        return array_to_tsvector(coalesce(pairs, '{}'));
                    end
                    $$""");
            // What a phrase's matches must hold, in French or in English (as the phrase is looked for in both):
            // the pairs of each language's analysis ANDed, the languages ORed; null when one of them has no pair
            // (a phrase whose words are all apart), which cannot be narrowed.
            sql.execute("""
                    create function search_phrase_pairs(phrase text) returns tsquery
                    language plpgsql stable parallel safe as $$
                    declare
                        config regconfig;
                        pairs text[];
                        alternatives text[] := '{}';
                    begin
                        foreach config in array array['tribune_french', 'tribune_english']::regconfig[] loop
                            continue when numnode(phraseto_tsquery(config, phrase)) = 0;
                            pairs := tsvector_to_array(search_word_pairs(to_tsvector(config, phrase)));
                            if cardinality(pairs) = 0 then
                                return null;
                            end if;
                            alternatives := alternatives || ('(' || array_to_string(array(
                                select '''' || replace(replace(x, '\\', '\\\\'), '''', '''''') || '''' from unnest(pairs) x),
                                ' & ') || ')');
                        end loop;
                        return case when cardinality(alternatives) = 0 then null
                                    else cast(array_to_string(alternatives, ' | ') as tsquery) end;
                    end
                    $$""");
            sql.execute("alter table search_document add column word_pairs tsvector");
            sql.execute("""
                    create or replace function search_document_vectors() returns trigger language plpgsql as $$
                    declare
                        config regconfig := case new.language when 'fr' then 'tribune_french'::regconfig
                                                              else 'tribune_english'::regconfig end;
                    begin
                        new.document := setweight(to_tsvector(config, new.title), 'A')
                                     || setweight(to_tsvector(config, new.body), 'B');
                        new.names := to_tsvector('simple', new.name_words);
                        new.word_pairs := search_word_pairs(new.document);
                        return new;
                    end
                    $$""");
            // Only a change of the text computes its vectors again: a group turning private updates thousands of
            // documents' "restricted", which is no reason to analyse them again.
            sql.execute("drop trigger search_document_vectors on search_document");
            sql.execute("create trigger search_document_vectors before insert or update of title, body, name_words, language "
                    + "on search_document for each row execute function search_document_vectors()");
            sql.execute("update search_document set word_pairs = search_word_pairs(document)");
            sql.execute("create index search_document_pairs on search_document using gin (word_pairs)");
        }
    }
}
