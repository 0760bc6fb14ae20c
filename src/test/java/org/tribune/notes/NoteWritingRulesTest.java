package org.tribune.notes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tribune.trust.TrustLevel;

class NoteWritingRulesTest {
    static final NoteRules RULES = new NoteRules(5, 20, 5, 3, 1000);
    static final NoteStatus H = NoteStatus.HELPFUL;
    static final NoteStatus N = NoteStatus.NOT_HELPFUL;
    static final NoteStatus M = NoteStatus.NEEDS_MORE_RATINGS;

    @Test
    void writingOpensAtMember() {
        assertThat(NoteService.whyCannotWrite(RULES, TrustLevel.BASIC, 0, 0, List.of())).isEqualTo("notes.writer-level");
        assertThat(NoteService.whyCannotWrite(RULES, TrustLevel.MEMBER, 0, 0, List.of())).isNull();
    }

    @Test
    void onAYoungSiteNoRatingHistoryIsNeeded() {
        assertThat(NoteService.whyCannotWrite(RULES, TrustLevel.MEMBER, 19, 0, List.of())).isNull();
    }

    @Test
    void onceEnoughNotesHaveOutcomesWritersNeedFiveMatchingRatings() {
        assertThat(NoteService.whyCannotWrite(RULES, TrustLevel.MEMBER, 20, 4, List.of())).isEqualTo("notes.writer-history");
        assertThat(NoteService.whyCannotWrite(RULES, TrustLevel.MEMBER, 20, 5, List.of())).isNull();
    }

    @Test
    void threeOfTheLastFiveNotesNotHelpfulPauseWriting() {
        assertThat(NoteService.whyCannotWrite(RULES, TrustLevel.MEMBER, 0, 0, List.of(N, H, N, M, N)))
                .isEqualTo("notes.writer-paused");
        assertThat(NoteService.whyCannotWrite(RULES, TrustLevel.MEMBER, 0, 0, List.of(N, H, N, M, H, N))).isNull();
        assertThat(NoteService.whyCannotWrite(RULES, TrustLevel.MEMBER, 0, 0, List.of(N, N))).isNull();
    }

    @Test
    void sourcesAreTheLinksOfTheText() {
        assertThat(NoteService.sources("See https://example.org/a, and (http://example.com/b). Not ftp://x or https://"))
                .containsExactly("https://example.org/a", "http://example.com/b");
        assertThat(NoteService.sources("no link here")).isEmpty();
    }
}
