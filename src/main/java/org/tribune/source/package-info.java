/**
 * Source labels: a page per linked domain where the community says what kind of source it is (satire,
 * state-affiliated, press release...), why, and on what evidence. The label is a wiki document
 * ({@link org.tribune.wiki.WikiKind} {@code SOURCE_LABEL}: history, diffs, review, talk, modes, LOCKED by default to
 * trust level 3 and moderators), and every preview of a link to the domain shows it, through
 * {@link org.tribune.post.SourceLabels}.
 */
package org.tribune.source;
