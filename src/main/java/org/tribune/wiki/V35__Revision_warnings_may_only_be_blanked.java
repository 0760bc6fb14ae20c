package org.tribune.wiki;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * A revision's content warning (V34) is part of what it says, so the append-only trigger on PostgreSQL guards it
 * like the text: erasure may set it to null, nothing may change it otherwise. H2's side is {@link AppendOnlyTrigger}.
 */
@Component
class V35__Revision_warnings_may_only_be_blanked extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        if (!product.toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
            return;
        }
        try (Statement sql = context.getConnection().createStatement()) {
            sql.execute("create or replace function wiki_revision_is_append_only() returns trigger language plpgsql as $$ "
                    + "begin "
                    + "if tg_op = 'UPDATE' and new.id = old.id and new.kind = old.kind "
                    + "and new.document_id = old.document_id and new.seq = old.seq "
                    + "and new.base_id is not distinct from old.base_id and new.editor_id = old.editor_id "
                    + "and new.created_at = old.created_at and new.change_type = old.change_type "
                    + "and new.restores_id is not distinct from old.restores_id and new.pending = old.pending "
                    + "and new.summary = '' and new.title = '' and new.body = '' "
                    + "and new.link_url is null and new.link_summary is null and new.content_warning is null then return new; end if; "
                    + "raise exception 'wiki revisions are append-only: % refused', tg_op; end $$");
        }
    }
}
