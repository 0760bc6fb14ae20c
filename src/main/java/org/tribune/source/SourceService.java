package org.tribune.source;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tribune.account.Account;
import org.tribune.platform.Forbidden;
import org.tribune.platform.InvalidInput;
import org.tribune.wiki.Document;
import org.tribune.wiki.Revision;
import org.tribune.wiki.Rights;
import org.tribune.wiki.WikiDocument;
import org.tribune.wiki.WikiService;

/**
 * Domains' pages: what they say and who may change it. Every rule of editing (modes, trust levels, conflicts,
 * review, limits) is the wiki's; this adds the domain: a garbage name is refused, a domain with no page yet reads as
 * "no label", and its page is only made by someone allowed to edit it.
 */
@Service
public class SourceService {
    public static final int DIRECTORY_PAGE = 50;

    private final SourcePages pages;
    private final SourceDocuments documents;
    private final Labels labels;
    private final WikiService wiki;
    private final Clock clock;

    SourceService(SourcePages pages, SourceDocuments documents, Labels labels, WikiService wiki, Clock clock) {
        this.pages = pages;
        this.documents = documents;
        this.labels = labels;
        this.wiki = wiki;
        this.clock = clock;
    }

    /**
     * A domain's page for one viewer. {@code ref} is null while it has no page; {@code revisionId} is the accepted
     * revision shown (null before the first edit).
     */
    public record SourceView(Domain domain, Document ref, Labelling labelling, Long revisionId, WikiDocument document, Rights rights) {
        public boolean exists() {
            return ref != null;
        }
    }

    /** The domain a name or address stands for; a clear refusal when it stands for none. */
    static Domain domain(String name) {
        return Domain.of(name).orElseThrow(() -> InvalidInput.of("domain", "source.domain-invalid"));
    }

    @Transactional
    SourceView view(String name, Account viewer) {
        Domain domain = domain(name);
        Optional<SourcePage> page = pages.byDomain(domain.name());
        if (page.isEmpty()) {
            WikiDocument unmade = unmade(domain, viewer);
            return new SourceView(domain, null, Labelling.NONE, null, unmade, wiki.rights(unmade, viewer));
        }
        Document ref = Document.sourceLabel(page.get().id());
        WikiDocument doc = wiki.document(ref, viewer);
        Optional<Revision> current = wiki.current(ref, viewer);
        return new SourceView(domain, ref, current.map(r -> Labelling.of(r.content())).orElse(Labelling.NONE),
                current.map(Revision::id).orElse(null), doc, wiki.rights(doc, viewer));
    }

    /** The page a domain would have: it has the default mode and no content. */
    private WikiDocument unmade(Domain domain, Account viewer) {
        return documents.document(new SourcePage(0, domain.name(), null, clock.instant(), null), viewer);
    }

    /**
     * Proposes a labelling of the domain; the wiki decides whether it goes live, waits for review or is refused.
     * The domain's page is made by the first edit, only once the editor is known to be allowed to make it.
     */
    @Transactional
    WikiService.Saved edit(Account editor, String name, Labelling proposed, String summary, Long baseRevisionId) {
        Domain domain = domain(name);
        if (pages.byDomain(domain.name()).isEmpty()) {
            Rights rights = wiki.rights(unmade(domain, editor), editor);
            if (!rights.mayEdit()) {
                throw new Forbidden(rights.refusal());
            }
            documents.check(proposed.content());
        }
        Document ref = wiki.named(Document.SOURCE_LABEL, domain.name(), true);
        return wiki.propose(editor, ref, new WikiService.Proposal(proposed.content(), summary, baseRevisionId));
    }

    /** The document of a domain that has a page; "not found" otherwise. */
    Document existing(String name) {
        return wiki.named(Document.SOURCE_LABEL, domain(name).name(), false);
    }

    /** Labelled domains in alphabetical order, after {@code afterDomain}. */
    List<SourcePage> directory(String afterDomain) {
        return pages.directory(afterDomain == null ? "" : afterDomain, DIRECTORY_PAGE);
    }

    List<String> labelCodes() {
        return labels.codes();
    }

    String labelName(String code, Locale locale) {
        return code == null || code.isEmpty() ? "" : labels.name(code, locale);
    }
}
