package org.tribune.notes;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may write notes ({@code tribune.notes.*}).
 *
 * @param writerMatchingRatings ratings that matched final outcomes a member needs before writing
 * @param bootstrapFinalNotes the history requirement applies once the site has this many notes with a final status;
 *        before that nobody could meet it (a young site has no outcomes yet), so TL2 is enough
 * @param pauseWindow how many of a writer's latest notes are looked at...
 * @param pauseNotHelpful ...and how many of them ending Not Helpful pause their writing
 * @param maxLength most characters of a note's text
 */
@ConfigurationProperties("tribune.notes")
public record NoteRules(
        @DefaultValue("5") int writerMatchingRatings,
        @DefaultValue("20") int bootstrapFinalNotes,
        @DefaultValue("5") int pauseWindow,
        @DefaultValue("3") int pauseNotHelpful,
        @DefaultValue("1000") int maxLength) {
}
