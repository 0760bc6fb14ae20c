package org.tribune.wiki;

/** Which document a revision belongs to: its kind (see {@link WikiKind#name()}) and the id the kind gave it. */
public record Document(String kind, long id) {
    /** The kind of a domain's source label; the source feature owns it. */
    public static final String SOURCE_LABEL = "SOURCE_LABEL";

    public static Document post(long postId) {
        return new Document(PostDocuments.KIND, postId);
    }

    public static Document groupPage(long groupId) {
        return new Document(GroupPages.KIND, groupId);
    }

    public static Document sourceLabel(long sourceId) {
        return new Document(SOURCE_LABEL, sourceId);
    }
}
