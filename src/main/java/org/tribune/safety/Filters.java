package org.tribune.safety;

import static org.tribune.platform.Sql.instant;
import static org.tribune.platform.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tribune.platform.cluster.HeapBytes;
import org.tribune.platform.cluster.NodeCache;
import org.tribune.platform.cluster.NodeCaches;

/** The {@code safety_filter} table; contexts are stored as a comma-separated list of names. */
@Repository
class Filters {
    private static final String COLUMNS = "id, account_id, phrase, contexts, action, until, created_at";

    private final JdbcClient db;
    /** Each person's filters, on this node: every feed page applies them (evicted by each write below). */
    private final NodeCache<List<WordFilter>> byPerson;

    Filters(JdbcClient db, NodeCaches caches) {
        this.db = db;
        this.byPerson = caches.create("word-filters", 8,
                list -> 32 + list.stream().mapToInt(f -> 120 + HeapBytes.of(f.phrase())).sum());
    }

    private static WordFilter filter(ResultSet rs, int row) throws SQLException {
        Set<WordFilter.Context> contexts = EnumSet.noneOf(WordFilter.Context.class);
        Arrays.stream(rs.getString("contexts").split(",")).filter(s -> !s.isBlank())
                .forEach(s -> contexts.add(WordFilter.Context.valueOf(s)));
        return new WordFilter(rs.getLong("id"), rs.getLong("account_id"), rs.getString("phrase"), Set.copyOf(contexts),
                WordFilter.Action.valueOf(rs.getString("action")), instant(rs, "until"), instant(rs, "created_at"));
    }

    static String contexts(Set<WordFilter.Context> contexts) {
        return contexts.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    void insert(WordFilter f) {
        db.sql("insert into safety_filter (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)")
                .params(f.id(), f.accountId(), f.phrase(), contexts(f.contexts()), f.action().name(), ts(f.until()), ts(f.createdAt()))
                .update();
        byPerson.evict(f.accountId());
    }

    void update(WordFilter f) {
        db.sql("update safety_filter set phrase = ?, contexts = ?, action = ?, until = ? where id = ? and account_id = ?")
                .params(f.phrase(), contexts(f.contexts()), f.action().name(), ts(f.until()), f.id(), f.accountId()).update();
        byPerson.evict(f.accountId());
    }

    boolean delete(long accountId, long id) {
        boolean result = db.sql("delete from safety_filter where id = ? and account_id = ?").params(id, accountId).update() == 1;
        byPerson.evict(accountId);
        return result;
    }

    Optional<WordFilter> byId(long accountId, long id) {
        return db.sql("select " + COLUMNS + " from safety_filter where id = ? and account_id = ?").params(id, accountId)
                .query(Filters::filter).optional();
    }

    /** All of the person's filters, expired ones too, newest first. */
    List<WordFilter> of(long accountId) {
        return byPerson.get(accountId, id -> List.copyOf(db.sql("select " + COLUMNS
                + " from safety_filter where account_id = ? order by id desc").param(id).query(Filters::filter).list()));
    }

    long count(long accountId) {
        return db.sql("select count(*) from safety_filter where account_id = ?").param(accountId).query(Long.class).single();
    }

    void eraseAll(long accountId) {
        db.sql("delete from safety_filter where account_id = ?").param(accountId).update();
        byPerson.evict(accountId);
    }
}
