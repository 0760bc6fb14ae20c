package org.tribune.source;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.tribune.account.Account;
import org.tribune.account.Role;
import org.tribune.platform.Ids;
import org.tribune.platform.InvalidInput;
import org.tribune.trust.TrustLevel;
import org.tribune.wiki.Content;
import org.tribune.wiki.Document;
import org.tribune.wiki.EditMode;
import org.tribune.wiki.WikiDocument;
import org.tribune.wiki.WikiKind;

/**
 * Domains' labels as wiki documents. Anyone may read them; they belong to no group and nobody owns them. LOCKED
 * by default: trust level 3 and up and the site's moderators edit; moderators may open a domain up or put it under
 * review (and only they change its mode).
 */
@Component
class SourceDocuments implements WikiKind {
    private final SourcePages pages;
    private final Labels labels;
    private final Ids ids;
    private final Clock clock;

    SourceDocuments(SourcePages pages, Labels labels, Ids ids, Clock clock) {
        this.pages = pages;
        this.labels = labels;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public String name() {
        return Document.SOURCE_LABEL;
    }

    @Override
    public Optional<WikiDocument> find(long id, Account viewer) {
        return pages.byId(id).map(page -> document(page, viewer));
    }

    /**
     * The document of a domain's page; for a domain that has none yet, id 0 stands for the page it would be, so the
     * wiki can say who may make it (its mode is then the default).
     */
    WikiDocument document(SourcePage page, Account viewer) {
        Domain domain = new Domain(page.domain());
        boolean active = viewer != null && viewer.isActive();
        return new WikiDocument(Document.sourceLabel(page.id()), domain.readable(), domain.path(), null, null, page.createdAt(),
                new Content(page.label() == null ? "" : page.label(), "", null, null), active,
                active && (viewer.role() == Role.MODERATOR || viewer.role() == Role.ADMIN));
    }

    @Override
    public Content check(Content proposed) {
        return Labelling.checked(proposed, labels).content();
    }

    @Override
    public void publish(long id, Content accepted, long editorId) {
        String label = accepted.title().isEmpty() ? null : accepted.title();
        pages.label(id, label, clock.instant());
    }

    @Override
    public Optional<EditMode> defaultMode() {
        return Optional.of(EditMode.LOCKED);
    }

    @Override
    public TrustLevel lockedLevel() {
        return TrustLevel.REGULAR;
    }

    @Override
    public Optional<Long> idOf(String name, boolean create) {
        Domain domain = Domain.of(name).orElseThrow(() -> InvalidInput.of("domain", "source.domain-invalid"));
        Optional<SourcePage> page = pages.byDomain(domain.name());
        if (page.isPresent() || !create) {
            return page.map(SourcePage::id);
        }
        pages.insertIfAbsent(ids.next(), domain.name(), clock.instant());
        return pages.byDomain(domain.name()).map(SourcePage::id);
    }
}
