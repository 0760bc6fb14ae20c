package org.tribune.source;

import static org.tribune.platform.Sql.instant;
import static org.tribune.platform.Sql.ts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The table {@code source_page}: one row per domain someone edited or discussed, with its current label beside it
 * so that a page of posts finds the labels of all its links in one indexed query.
 */
@Repository
class SourcePages {
    private static final String COLUMNS = "id, domain, label, created_at, labelled_at";
    private static final RowMapper<SourcePage> ROW = (rs, n) -> new SourcePage(rs.getLong("id"), rs.getString("domain"),
            rs.getString("label"), instant(rs, "created_at"), instant(rs, "labelled_at"));

    private final JdbcClient db;

    SourcePages(JdbcClient db) {
        this.db = db;
    }

    Optional<SourcePage> byId(long id) {
        return db.sql("select " + COLUMNS + " from source_page where id = ?").param(id).query(ROW).optional();
    }

    Optional<SourcePage> byDomain(String domain) {
        return db.sql("select " + COLUMNS + " from source_page where domain = ?").param(domain).query(ROW).optional();
    }

    /** Makes the domain's page unless it exists (two people at once make one). */
    void insertIfAbsent(long id, String domain, Instant at) {
        db.sql("insert into source_page (id, domain, created_at) values (?, ?, ?) on conflict do nothing")
                .params(id, domain, ts(at)).update();
    }

    void label(long id, String label, Instant at) {
        db.sql("update source_page set label = ?, labelled_at = ? where id = ?").params(label, ts(at), id).update();
    }

    /** The labelled pages among these domains. */
    List<SourcePage> labelled(Collection<String> domains) {
        if (domains.isEmpty()) {
            return List.of();
        }
        return db.sql("select " + COLUMNS + " from source_page where domain in (:domains) and label is not null")
                .param("domains", List.copyOf(domains)).query(ROW).list();
    }

    /** Labelled pages in alphabetical order after {@code afterDomain} ("" for the first page). */
    List<SourcePage> directory(String afterDomain, int limit) {
        return db.sql("select " + COLUMNS + " from source_page where label is not null and domain > ? order by domain limit ?")
                .params(afterDomain, limit).query(ROW).list();
    }
}
