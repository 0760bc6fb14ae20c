package org.tribune.post;

import java.util.List;

/**
 * A community note shown under a post (only Helpful ones are): its text, its sources, and whether the post was
 * edited after the note's status was set.
 */
public record PostNote(long noteId, String textHtml, List<String> sources, boolean postEditedSince) {
    public PostNote {
        sources = List.copyOf(sources);
    }
}
