package org.tribune.platform.personaldata;

import java.util.List;
import java.util.Map;

/**
 * Implemented by every feature that keeps data about a person, so the privacy feature can show, export and erase it
 * without reading other features' tables. Each feature answers for its own tables only.
 *
 * <p>A new table that holds anything about an account must be covered here by its feature: the privacy tests create
 * a person with data everywhere, erase them, and search every text column of every table for what identified them.
 */
public interface PersonalData {

    /** The categories this feature holds, in the order they are shown on "what we hold on you". */
    List<DataCategory> categories();

    /** How many records of each of {@link #categories()} exist about this account (category name → count). */
    Map<String, Long> counts(long accountId);

    /**
     * Writes everything this feature holds about the account, one call of {@link ExportWriter#records} per category.
     * Never writes what others may not know: other people's e-mail addresses, content the person can no longer
     * see, or who flagged them.
     */
    void export(long accountId, ExportWriter out);

    /**
     * Removes or anonymises what this feature holds about the account once its deletion is final. Called inside one
     * transaction for all features, the account feature last.
     */
    void erase(long accountId, Erasure erasure);
}
