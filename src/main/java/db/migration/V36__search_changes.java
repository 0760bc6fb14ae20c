package db.migration;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The log of changed search documents on PostgreSQL (docs/search.md, "Every node's own index"): one row per document
 * written or removed, in the transaction that changed it, numbered by that transaction's id. Each node follows it
 * into its own Lucene index, reading only transactions below the oldest one still running, so that every committed
 * change is read exactly once whatever the order in which transactions commit. Rows are kept for a while
 * ({@code tribune.search.changes-kept-for}); the horizon is the first transaction id whose changes are all still
 * there, so a node that was away longer knows it must build its index again. H2 has one node: nothing to follow.
 */
public class V36__search_changes extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        if (!context.getConnection().getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
            return;
        }
        try (Statement sql = context.getConnection().createStatement()) {
            sql.execute("""
                    create table search_change (
                        txid      bigint not null default (pg_current_xact_id()::text::bigint),
                        seq       bigint generated always as identity,
                        kind      varchar(8) not null,
                        id        bigint not null,
                        logged_at timestamp with time zone not null default now(),
                        primary key (txid, seq)
                    )""");
            sql.execute("create table search_change_horizon (id int primary key check (id = 1), before bigint not null)");
            sql.execute("insert into search_change_horizon (id, before) values (1, 0)");
        }
    }
}
