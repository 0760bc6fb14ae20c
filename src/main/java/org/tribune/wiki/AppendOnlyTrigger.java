package org.tribune.wiki;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2's side of the append-only rule on {@code wiki_revision}: every DELETE fails, and every UPDATE except one that
 * only blanks the text of a revision (summary, title, body, link, link summary) when its author's content is erased.
 */
public class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (newRow != null && onlyBlanksText(oldRow, newRow)) {
            return;
        }
        throw new SQLException("wiki revisions are append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused");
    }

    /**
     * Columns 0–9 say who wrote what where and when (see V14); 10–14 are the text, which erasure may blank, and so is
     * 15, the content warning (V34).
     */
    private static boolean onlyBlanksText(Object[] oldRow, Object[] newRow) {
        for (int i = 0; i < IDENTITY_COLUMNS; i++) {
            if (!java.util.Objects.equals(oldRow[i], newRow[i])) {
                return false;
            }
        }
        return "".equals(newRow[10]) && "".equals(newRow[11]) && "".equals(newRow[12]) && newRow[13] == null
                && newRow[14] == null && (newRow.length <= 15 || newRow[15] == null);
    }

    private static final int IDENTITY_COLUMNS = 10;
}
