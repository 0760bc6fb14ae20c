package org.tribune.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.tribune.platform.InvalidInput;
import org.tribune.wiki.Content;

class LabelsTest {

    @Test
    void aCommunityMayAddItsOwnLabelsWhichShowAsTheirCodeUntilTheyHaveAName() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("source.label.satire", Locale.ENGLISH, "Satire");
        Labels labels = new Labels(List.of(" satire", "tabloid ", "satire", ""), messages);

        assertThat(labels.codes()).containsExactly("satire", "tabloid");
        assertThat(labels.name("satire", Locale.ENGLISH)).isEqualTo("Satire");
        assertThat(labels.name("tabloid", Locale.ENGLISH)).isEqualTo("tabloid");
        assertThat(Labelling.checked(new Content("Tabloid", "Gossip.", "https://example.org/a", null), labels).label())
                .isEqualTo("tabloid");
        assertThatThrownBy(() -> Labelling.checked(new Content("satire-ish", "x", "https://example.org/a", null), labels))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void aLabelCodeThatCouldBreakAPageStopsTheStart() {
        assertThatThrownBy(() -> new Labels(List.of("satire", "<b>bold</b>"), new StaticMessageSource()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("<b>bold</b>");
    }
}
