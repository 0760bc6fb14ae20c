package org.tribune.wiki;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/** H2's side of the append-only rule on {@code wiki_revision}: every UPDATE and DELETE fails. */
public class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("wiki revisions are append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused");
    }
}
