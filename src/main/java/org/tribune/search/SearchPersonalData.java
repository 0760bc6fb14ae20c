package org.tribune.search;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.tribune.account.AccountService;
import org.tribune.platform.personaldata.DataCategory;
import org.tribune.platform.personaldata.Erasure;
import org.tribune.platform.personaldata.ExportWriter;
import org.tribune.platform.personaldata.PersonalData;

/**
 * The index holds a copy of each live post's and comment's text with its author, and each findable person's name.
 * The export lists what is indexed (the text itself is in the posts' own export); erasing removes the person's name
 * always, their posts and comments with their content (without it they stay findable as the posts themselves stay),
 * and mentions of their handle in anyone's indexed text. Queries are not personal data here: they are never stored.
 */
@Component
class SearchPersonalData implements PersonalData {
    static final String CATEGORY = "search-index";

    private final SearchDocuments documents;
    private final SearchIndex index;
    private final AccountService accounts;

    SearchPersonalData(SearchDocuments documents, SearchIndex index, AccountService accounts) {
        this.documents = documents;
        this.index = index;
        this.accounts = accounts;
    }

    @Override
    public List<DataCategory> categories() {
        return List.of(new DataCategory(CATEGORY));
    }

    @Override
    public Map<String, Long> counts(long accountId) {
        return Map.of(CATEGORY, documents.countByAuthor(accountId));
    }

    @Override
    public void export(long accountId, ExportWriter out) {
        out.records(CATEGORY, documents.byAuthor(accountId).stream()
                .map(key -> Map.of("kind", key.kind().code(), "id", Long.toString(key.id()))).toList());
    }

    @Override
    public void erase(long accountId, Erasure erasure) {
        if (erasure.deleteContent()) {
            index.remove(documents.byAuthor(accountId));
        } else {
            index.remove(List.of(new SearchDocument.Key(SearchDocument.Kind.PERSON, accountId)));
        }
        // the account feature erases last, so the handle is still there
        accounts.byId(accountId).ifPresent(a -> forgetMentions(a.handle(), "former-member"));
    }

    /**
     * Mentions of an erased person's handle in the indexed copies of anyone's posts become mentions of nobody, as the
     * post feature does in the posts themselves.
     */
    private void forgetMentions(String handle, String replacement) {
        Pattern mention = Pattern.compile("(?i)(?<![\\w.-])" + Pattern.quote(handle) + "(?![\\w-])");
        String quoted = Matcher.quoteReplacement(replacement);
        index.putAll(documents.mentioning(handle).stream()
                .map(d -> new SearchDocument(d.kind(), d.id(), d.postId(), d.groupId(), d.authorId(), d.restricted(),
                        d.language(), d.hasLink(), mention.matcher(d.title()).replaceAll(quoted),
                        mention.matcher(d.body()).replaceAll(quoted), d.nameWords(), d.createdAt(), d.generation()))
                .toList());
    }
}
