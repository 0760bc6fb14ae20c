/**
 * Trust levels: what a person has earned the right to do by taking part (edit open posts, review edits, flag,
 * write and rate notes). Other features ask {@link org.tribune.trust.TrustLevels}.
 */
package org.tribune.trust;
