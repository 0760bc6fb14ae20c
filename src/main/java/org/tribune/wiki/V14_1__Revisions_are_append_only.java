package org.tribune.wiki;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Makes the database itself refuse to change or delete a revision: a trigger on {@code wiki_revision} for UPDATE
 * and DELETE. Written in Java because the two databases declare triggers differently (PL/pgSQL on PostgreSQL, a
 * Java class on H2).
 */
@Component
class V14_1__Revisions_are_append_only extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        try (Statement sql = context.getConnection().createStatement()) {
            if (product.toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
                sql.execute("create function wiki_revision_is_append_only() returns trigger language plpgsql as $$ "
                        + "begin raise exception 'wiki revisions are append-only: % refused', tg_op; end $$");
                sql.execute("create trigger wiki_revision_append_only before update or delete on wiki_revision "
                        + "for each row execute function wiki_revision_is_append_only()");
            } else {
                sql.execute("create trigger wiki_revision_append_only before update, delete on wiki_revision "
                        + "for each row call \"" + AppendOnlyTrigger.class.getName() + "\"");
            }
        }
    }
}
