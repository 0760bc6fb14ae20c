package org.tribune.wiki;

import java.util.List;

/** A pending edit as a reviewer sees it: the document, the revision, and its changes from the accepted version. */
public record ReviewItem(WikiDocument document, Revision revision, List<Comparison.Field> fields) {
}
