package org.tribune.search;

import java.sql.ResultSet;
import java.sql.SQLException;
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
 * by {@code ts_rank} among the newest matches ({@link Criteria#window()}); groups and people also by the start of
 * their name's words ({@code names}). A phrase first narrows by the pairs of words its matches must hold
 * ({@code word_pairs}, V33: GIN keeps no positions, so without them a phrase of two common words was checked row by
 * row), then checks the phrase itself, so it finds exactly what the phrase alone finds. The table is the
 * index, shared by every node, so there is nothing to update after a commit: it answers on a node whose own Lucene
 * index is being built ({@link FollowingSearch}), or alone with {@code tribune.search.engine=postgres}.
 */
class PostgresSearch implements SearchEngine {
    /** How many of the newest groups or people a search of names walks through before asking the GIN indexes. */
    static final int NAME_SCAN = 4_000;
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
        Map<String, String> tsqueries = tsqueries(c);
        params.putAll(tsqueries);
        List<String> matches = new ArrayList<>();
        List<String> ranks = new ArrayList<>();
        for (int i = 0; i < c.terms().size(); i++) {
            String q = "cast(:q" + i + " as tsquery)";
            if (tsqueries.containsKey("r" + i)) {
                // A phrase: the documents holding its pairs of words (V33's index), then the phrase itself on each of
                // them, as a function (ts_match_vq is @@) so that it is not read through the index of words too: the
                // planner takes the two for independent and would read hundreds of thousands of entries of the
                // phrase's common words there to skip a few of the candidates, which all hold them.
                matches.add("d.word_pairs @@ cast(:r" + i + " as tsquery) and ts_match_vq(d.document, " + q + ")");
                ranks.add("ts_rank(w.document, " + q + ")");
            } else if (!tsqueries.containsKey("p" + i)) {
                matches.add("d.document @@ " + q);
                ranks.add("ts_rank(w.document, " + q + ")");
            } else {
                String p = "cast(:p" + i + " as tsquery)";
                matches.add("(d.document @@ " + q + " or d.names @@ " + p + ")");
                ranks.add("ts_rank(w.document, " + q + ") + ts_rank(w.names, " + p + ")");
            }
        }
        // The kinds are written in the statement, not bound, so that the planner matches the partial indexes (V29).
        String kinds = "d.kind in (" + String.join(", ", c.type().kinds.stream().map(k -> "'" + k.code() + "'").sorted().toList())
                + ")";
        StringBuilder where = new StringBuilder(kinds);
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
        params.put("limit", limit);
        String sql;
        if (c.byRecency() || ranks.isEmpty()) {
            // Newest first: a walk down the (created_at, id) index that stops at the page, whatever the words.
            if (after != null) {
                where.append(" and (d.created_at, d.id) < (:cursorTime, :cursorId)");
                params.put("cursorTime", Timestamp.from(Cursor.instant(after.time())));
                params.put("cursorId", after.id());
            }
            sql = "select d.kind, d.id, d.created_at, cast(0 as real) as score from search_document d where " + where
                    + " order by d.created_at desc, d.id desc limit :limit";
        } else {
            // Relevance among the newest window of matches. The planner walks the (created_at, id) index down,
            // checking each tsvector, when the words are common (it stops after the window), and reads the GIN index
            // when they are rare (few matches to sort): each statement is planned for its own words, see tsqueries.
            StringBuilder outer = new StringBuilder();
            if (after != null) {
                params.put("cursorId", after.id());
                params.put("cursorScore", after.score());
                outer.append(" where (score < cast(:cursorScore as real) or (score = cast(:cursorScore as real) and id < :cursorId))");
            }
            params.put("window", c.window());
            String ranked = "select kind, id, created_at, score, candidates from (select w.kind, w.id, w.created_at, "
                    + String.join(" + ", ranks) + " as score, count(*) over () as candidates from (select d.kind, d.id, "
                    + "d.created_at, d.document, d.names from %s where " + where
                    + " order by d.created_at desc, d.id desc limit :window) w) s" + outer + " order by score desc, id desc limit :limit";
            if (c.type().byName()) {
                // Names: the planner cannot tell that a name's start matches a large part of the people (its
                // statistics are the whole table's, posts and all), and would read thousands of them through the GIN
                // index. So first the walk down the newest people (or groups), at most NAME_SCAN of them: when it
                // fills the window, those are the newest matches; when not, the statement below finds them all.
                params.put("scan", NAME_SCAN);
                long[] candidates = {0};
                List<Hit> newest = db.sql(ranked.formatted("(select * from search_document d where " + kinds
                        + " order by d.created_at desc, d.id desc limit :scan) d")).params(params).query((rs, n) -> {
                            candidates[0] = rs.getLong("candidates");
                            return hit(rs, n);
                        }).list();
                if (candidates[0] >= c.window()) {
                    return newest;
                }
            }
            sql = ranked.formatted("search_document d");
        }
        return db.sql(sql).params(params).query(PostgresSearch::hit).list();
    }

    private static Hit hit(ResultSet rs, int row) throws SQLException {
        return new Hit(new SearchDocument.Key(SearchDocument.Kind.of(rs.getString("kind")), rs.getLong("id")),
                rs.getFloat("score"), Cursor.micros(rs.getTimestamp("created_at").toInstant()));
    }

    /**
     * Each term as the text of its tsquery ({@code q0}, {@code q1}...): {@code plainto_tsquery} (or
     * {@code phraseto_tsquery} for a phrase) of both languages ORed; for a phrase of posts also the pairs of words its
     * matches must hold ({@code r0}..., V33; absent when it has none); for names also the start of their words
     * ({@code p0}...). PostgreSQL makes them in one round trip. The search statement then holds them as constants,
     * planned for their values: Tribune's connections plan generically ({@code PreparedPlans}), which for full-text
     * search would take one plan for the rarest and the most common word alike; this transaction asks for plans made
     * for each statement's parameters, so the planner sees from the column's statistics how common the words are.
     */
    private Map<String, String> tsqueries(Criteria c) {
        if (c.terms().isEmpty()) {
            return Map.of();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        // set local, in the same round trip: the statements after this one are planned for their values
        List<String> columns = new ArrayList<>(List.of("set_config('plan_cache_mode', 'force_custom_plan', true)"));
        for (int i = 0; i < c.terms().size(); i++) {
            SearchQuery.Term term = c.terms().get(i);
            String parse = term.phrase() ? "phraseto_tsquery" : "plainto_tsquery";
            params.put("t" + i, term.text());
            names.add("q" + i);
            columns.add("cast(" + parse + "('tribune_french', :t" + i + ") || " + parse + "('tribune_english', :t" + i
                    + ") as text)");
            if (term.phrase() && !c.type().byName()) {
                names.add("r" + i);
                columns.add("cast(search_phrase_pairs(:t" + i + ") as text)");
            }
            String prefix = c.type().byName() ? prefixes(term.text()) : null;
            if (prefix != null) {
                params.put("s" + i, prefix);
                names.add("p" + i);
                columns.add("cast(to_tsquery('simple', :s" + i + ") as text)");
            }
        }
        return db.sql("select " + String.join(", ", columns)).params(params).query((rs, n) -> {
            Map<String, String> texts = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                if (rs.getString(i + 2) != null) { // a phrase without pairs: checked by the phrase alone
                    texts.put(names.get(i), rs.getString(i + 2));
                }
            }
            return texts;
        }).single();
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
