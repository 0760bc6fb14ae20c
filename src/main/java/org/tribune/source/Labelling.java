package org.tribune.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.tribune.platform.InvalidInput;
import org.tribune.wiki.Content;

/**
 * What a source's page says: its label (a code of {@link Labels}; empty for "no label"), a short justification and
 * the links that support it. Kept by the wiki as a revision's title, body and link (the sources one per line).
 */
public record Labelling(String label, String justification, List<String> sources) {
    public static final int JUSTIFICATION_MAX = 600;
    public static final int SOURCES_MAX = 5;
    static final int SOURCE_MAX = 380;
    static final Labelling NONE = new Labelling("", "", List.of());

    public Labelling {
        label = label == null ? "" : label;
        justification = justification == null ? "" : justification;
        sources = List.copyOf(sources);
    }

    public boolean labelled() {
        return !label.isEmpty();
    }

    Content content() {
        return new Content(label, justification, sources.isEmpty() ? null : String.join("\n", sources), null);
    }

    static Labelling of(Content content) {
        return new Labelling(content.title(), content.body(), lines(content.link()));
    }

    /** The sources as a form sends them: one per line (blank lines ignored). */
    static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Checks every rule at once and answers the normalised labelling; an unknown label is refused. */
    static Labelling checked(Content proposed, Labels labels) {
        InvalidInput.Collector problems = new InvalidInput.Collector();
        String label = proposed.title().strip().toLowerCase(Locale.ROOT);
        if (!label.isEmpty() && !labels.known(label)) {
            problems.add("label", "source.label-unknown");
        }
        String justification = proposed.body().strip();
        if (justification.length() > JUSTIFICATION_MAX) {
            problems.add("justification", "source.justification-too-long", JUSTIFICATION_MAX);
        }
        if (!label.isEmpty() && justification.isEmpty()) {
            problems.add("justification", "source.justification-required");
        }
        List<String> sources = new ArrayList<>(new LinkedHashSet<>(lines(proposed.link())));
        if (sources.size() > SOURCES_MAX) {
            problems.add("sources", "source.sources-too-many", SOURCES_MAX);
        } else if (sources.stream().anyMatch(s -> !isWebAddress(s))) {
            problems.add("sources", "source.sources-invalid", SOURCE_MAX);
        } else if (!label.isEmpty() && sources.isEmpty()) {
            problems.add("sources", "source.sources-required");
        }
        problems.throwIfAny();
        return new Labelling(label, justification, sources);
    }

    /** An http or https address with a host, no user name, no spaces, at most {@link #SOURCE_MAX} characters. */
    static boolean isWebAddress(String text) {
        if (text.length() > SOURCE_MAX || text.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return false;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getRawAuthority() != null
                    && !uri.getRawAuthority().contains("@") && (uri.getHost() != null || Domain.of(text).isPresent());
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
