package org.tribune.source;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.tribune.post.SourceLabels;
import org.tribune.post.SourceTag;

/**
 * The labels shown on link previews: the domains of a page's links are worked out here, then looked up in one
 * query. Nothing is cached, so a label changed on one node shows on every node at once. A label no longer in the
 * setting is not shown.
 */
@Component
class LabelsOnPreviews implements SourceLabels {
    private final SourcePages pages;
    private final Labels labels;

    LabelsOnPreviews(SourcePages pages, Labels labels) {
        this.pages = pages;
        this.labels = labels;
    }

    @Override
    public Map<String, SourceTag> forLinks(Collection<String> urls) {
        Map<String, String> domainOf = new HashMap<>();
        for (String url : urls) {
            Optional<Domain> domain = Domain.of(url);
            domain.ifPresent(d -> domainOf.put(url, d.name()));
        }
        if (domainOf.isEmpty()) {
            return Map.of();
        }
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, SourceTag> byDomain = new HashMap<>();
        for (SourcePage page : pages.labelled(Set.copyOf(domainOf.values()))) {
            if (labels.known(page.label())) {
                Domain domain = new Domain(page.domain());
                byDomain.put(page.domain(), new SourceTag(page.domain(), page.label(), labels.name(page.label(), locale),
                        domain.path()));
            }
        }
        Map<String, SourceTag> byUrl = new HashMap<>();
        domainOf.forEach((url, domain) -> {
            SourceTag tag = byDomain.get(domain);
            if (tag != null) {
                byUrl.put(url, tag);
            }
        });
        return byUrl;
    }
}
