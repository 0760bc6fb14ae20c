package org.tribune.notes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.tribune.platform.personaldata.DataCategory;
import org.tribune.platform.personaldata.Erasure;
import org.tribune.platform.personaldata.ExportWriter;
import org.tribune.platform.personaldata.PersonalData;

/** The notes a person wrote and the ratings they gave. Nobody else's ratings of their notes are theirs to export. */
@Component
class NotesPersonalData implements PersonalData {
    static final DataCategory NOTES = new DataCategory("community-notes");
    static final DataCategory RATINGS = new DataCategory("note-ratings");
    static final DataCategory SIDE = new DataCategory("note-rater-factor");

    private final Notes notes;
    private final NoteRatings ratings;
    private final RaterFactors raterFactors;

    NotesPersonalData(Notes notes, NoteRatings ratings, RaterFactors raterFactors) {
        this.notes = notes;
        this.ratings = ratings;
        this.raterFactors = raterFactors;
    }

    @Override
    public List<DataCategory> categories() {
        return List.of(NOTES, RATINGS, SIDE);
    }

    @Override
    public Map<String, Long> counts(long accountId) {
        return Map.of(NOTES.name(), (long) notes.byAuthor(accountId).size(),
                RATINGS.name(), (long) ratings.byRater(accountId).size(),
                SIDE.name(), raterFactors.of(accountId).isPresent() ? 1L : 0L);
    }

    @Override
    public void export(long accountId, ExportWriter out) {
        out.records(NOTES.name(), notes.byAuthor(accountId).stream().map(n -> {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("id", Long.toString(n.id()));
            record.put("postId", Long.toString(n.postId()));
            record.put("classification", n.misleading() ? "misleading" : "not-misleading");
            record.put("text", n.body());
            record.put("sources", n.sources());
            record.put("status", n.status().name());
            record.put("createdAt", n.createdAt());
            return record;
        }).toList());
        out.records(RATINGS.name(), ratings.byRater(accountId).stream().map(r -> {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("noteId", Long.toString(r.noteId()));
            record.put("helpfulness", Helpfulness.of(r.helpfulness()).name());
            record.put("tags", r.tags());
            record.put("createdAt", r.createdAt());
            return record;
        }).toList());
        // The factor the scorer derived from their ratings is theirs to see, and nobody else's.
        out.records(SIDE.name(), raterFactors.of(accountId).map(f -> List.of(Map.of("factor", f))).orElse(List.of()));
    }

    /**
     * Ratings go. Notes go with the content when the person asked for it; otherwise they stay (they belong to the
     * post's readers) without their author.
     */
    @Override
    public void erase(long accountId, Erasure erasure) {
        ratings.deleteByRater(accountId);
        raterFactors.deleteByRater(accountId);
        if (erasure.deleteContent()) {
            notes.deleteByAuthor(accountId);
        } else {
            notes.anonymise(accountId);
        }
    }
}
