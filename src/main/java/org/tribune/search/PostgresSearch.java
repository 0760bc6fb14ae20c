package org.tribune.search;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL's full-text search over {@code search_document}: the tsvectors the V25_2 trigger keeps (title weighted
 * above body, in the document's language, accents folded) matched by each term in both languages' analysis, ranked
 * by {@code ts_rank}; groups and people also by the start of their name's words ({@code names}). The table is the
 * index, shared by every node, so there is nothing to update after a commit.
 */
class PostgresSearch implements SearchEngine {
    private final JdbcClient db;

    PostgresSearch(JdbcClient db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "PostgreSQL full-text search";
    }

    @Override
    public List<Hit> find(Criteria c, Cursor after, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> queries = new ArrayList<>();
        List<String> matches = new ArrayList<>();
        List<String> ranks = new ArrayList<>();
        for (int i = 0; i < c.terms().size(); i++) {
            SearchQuery.Term term = c.terms().get(i);
            String parse = term.phrase() ? "phraseto_tsquery" : "plainto_tsquery";
            params.put("t" + i, term.text());
            queries.add("(" + parse + "('tribune_french', :t" + i + ") || " + parse + "('tribune_english', :t" + i
                    + ")) as q" + i);
            String prefix = c.type().byName() ? prefixes(term.text()) : null;
            if (prefix == null) {
                matches.add("d.document @@ q.q" + i);
                ranks.add("ts_rank(d.document, q.q" + i + ")");
            } else {
                params.put("p" + i, prefix);
                queries.add("to_tsquery('simple', :p" + i + ") as p" + i);
                matches.add("(d.document @@ q.q" + i + " or d.names @@ q.p" + i + ")");
                ranks.add("ts_rank(d.document, q.q" + i + ") + ts_rank(d.names, q.p" + i + ")");
            }
        }
        StringBuilder where = new StringBuilder("d.kind in (:kinds)");
        params.put("kinds", c.type().kinds.stream().map(SearchDocument.Kind::code).toList());
        matches.forEach(m -> where.append(" and ").append(m));
        if (c.type() != SearchType.PEOPLE) {
            Set<Long> groups = new HashSet<>(c.readableGroups());
            groups.add(-1L); // an empty list is no SQL
            where.append(" and (d.restricted = false or d.group_id in (:groups))");
            params.put("groups", groups);
        }
        if (c.type() != SearchType.GROUPS && !c.excludedAuthors().isEmpty()) {
            where.append(" and d.author_id not in (:excluded)");
            params.put("excluded", c.excludedAuthors());
        }
        if (c.group() != null) {
            where.append(" and d.group_id = :group");
            params.put("group", c.group());
        }
        if (c.author() != null) {
            where.append(" and d.author_id = :author");
            params.put("author", c.author());
        }
        if (c.hasLink()) {
            where.append(" and d.has_link = true");
        }
        if (c.before() != null) {
            where.append(" and d.created_at < :before");
            params.put("before", Timestamp.from(c.before()));
        }
        if (c.after() != null) {
            where.append(" and d.created_at >= :after");
            params.put("after", Timestamp.from(c.after()));
        }
        boolean recency = c.byRecency();
        String score = recency || ranks.isEmpty() ? "cast(0 as real)" : String.join(" + ", ranks);
        String from = queries.isEmpty() ? "search_document d" : "search_document d, (select " + String.join(", ", queries) + ") q";
        StringBuilder sql = new StringBuilder("select kind, id, score from (select d.kind, d.id, " + score
                + " as score from " + from + " where " + where + ") s");
        if (after != null) {
            params.put("cursorId", after.id());
            if (recency) {
                sql.append(" where id < :cursorId");
            } else {
                params.put("cursorScore", after.score());
                sql.append(" where (score < cast(:cursorScore as real) or (score = cast(:cursorScore as real) and id < :cursorId))");
            }
        }
        sql.append(recency ? " order by id desc" : " order by score desc, id desc").append(" limit :limit");
        params.put("limit", limit);
        return db.sql(sql.toString()).params(params)
                .query((rs, n) -> new Hit(new SearchDocument.Key(SearchDocument.Kind.of(rs.getString("kind")), rs.getLong("id")),
                        rs.getFloat("score")))
                .list();
    }

    /** "jean:* &amp; dup:*" for "Jean Dup": each folded word of the term as the start of a word; null when none. */
    static String prefixes(String term) {
        String words = Analysis.nameWords(term);
        if (words.isEmpty()) {
            return null;
        }
        return String.join(" & ", java.util.Arrays.stream(words.split(" ")).map(w -> w + ":*").toList());
    }

    @Override
    public void written(Collection<SearchDocument> documents) {
        // the table is the index
    }

    @Override
    public void removed(Collection<SearchDocument.Key> keys) {
        // the table is the index
    }
}
