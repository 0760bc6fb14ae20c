/**
 * Keeping one's own space safe: blocks, mutes, word filters, content-warning preferences and who may reach whom.
 * Other features never read these tables: they ask {@link org.tribune.safety.SafetyService} (who is hidden from a
 * viewer, whether one person may reach another) and {@link org.tribune.safety.WordFilters} (a viewer's compiled
 * filters for a context), once per request, and apply the answer to what they show.
 */
package org.tribune.safety;
