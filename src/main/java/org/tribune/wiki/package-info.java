/**
 * Wiki editing: every version of a post, of a group's wiki page (and of any other {@link org.tribune.wiki.WikiKind}
 * that plugs in) is kept as an append-only {@link org.tribune.wiki.Revision}. {@link org.tribune.wiki.WikiService}
 * decides who may edit, review, revert and roll back (edit modes, trust levels, the three-revert rule, daily
 * limits), detects edit conflicts, and hands accepted content back to the kind that owns the document.
 */
package org.tribune.wiki;
