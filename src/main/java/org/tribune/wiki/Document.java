package org.tribune.wiki;

/** Which document a revision belongs to: its kind (see {@link WikiKind#name()}) and the id the kind gave it. */
public record Document(String kind, long id) {
    public static Document post(long postId) {
        return new Document(PostDocuments.KIND, postId);
    }

    public static Document groupPage(long groupId) {
        return new Document(GroupPages.KIND, groupId);
    }
}
