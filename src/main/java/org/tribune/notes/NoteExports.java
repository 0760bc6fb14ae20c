package org.tribune.notes;

import static org.tribune.platform.Sql.ts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code note_export} table: one day's files. */
@Repository
class NoteExports {
    private final JdbcClient db;

    NoteExports(JdbcClient db) {
        this.db = db;
    }

    record Files(String day, String notesTsv, String ratingsTsv) {
    }

    boolean insert(String day, String notesTsv, String ratingsTsv, Instant at) {
        return db.sql("insert into note_export (export_day, notes_tsv, ratings_tsv, made_at) values (?, ?, ?, ?) on conflict do nothing")
                .params(day, notesTsv, ratingsTsv, ts(at)).update() == 1;
    }

    Optional<Files> of(String day) {
        return db.sql("select export_day, notes_tsv, ratings_tsv from note_export where export_day = ?").param(day)
                .query((rs, n) -> new Files(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    List<String> days(int limit) {
        return db.sql("select export_day from note_export order by export_day desc limit ?").param(limit).query(String.class).list();
    }
}
