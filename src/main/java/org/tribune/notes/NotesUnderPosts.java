package org.tribune.notes;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.tribune.post.HelpfulNotes;
import org.tribune.post.PostNote;

/** Gives posts their Helpful note (the most helpful one when several are), wherever posts are shown. */
@Component
class NotesUnderPosts implements HelpfulNotes {
    private final Notes notes;

    NotesUnderPosts(Notes notes) {
        this.notes = notes;
    }

    @Override
    public Map<Long, PostNote> forPosts(Collection<Long> postIds) {
        Map<Long, PostNote> shown = new HashMap<>();
        for (Note note : notes.helpfulOf(postIds)) {
            shown.putIfAbsent(note.postId(), new PostNote(note.id(), note.bodyHtml(), note.sources(), note.postEditedSince()));
        }
        return shown;
    }
}
