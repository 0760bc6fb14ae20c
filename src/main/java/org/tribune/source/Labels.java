package org.tribune.source;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The labels a source may be given, from the setting {@code tribune.sources.labels}: codes, in the order forms list
 * them. Their names come from the messages ({@code source.label.<code>}), else the code itself, so a community may
 * add its own labels without a release.
 */
@Component
class Labels {
    static final String DEFAULT = "satire,state-affiliated,press-release,peer-reviewed,user-generated,known-for-fabrication";
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private final List<String> codes;
    private final MessageSource messages;

    Labels(@Value("${tribune.sources.labels:" + DEFAULT + "}") List<String> codes, MessageSource messages) {
        this.codes = codes.stream().map(String::strip).filter(c -> !c.isEmpty()).distinct().toList();
        for (String code : this.codes) {
            if (!CODE.matcher(code).matches()) {
                throw new IllegalStateException("tribune.sources.labels: \"" + code
                        + "\" is not a label code (lower-case letters, digits and hyphens, at most 40)");
            }
        }
        this.messages = messages;
    }

    List<String> codes() {
        return codes;
    }

    boolean known(String code) {
        return codes.contains(code);
    }

    String name(String code, Locale locale) {
        return messages.getMessage("source.label." + code, null, code, locale);
    }
}
