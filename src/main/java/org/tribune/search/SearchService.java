package org.tribune.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.account.PrivacySettings;
import org.tribune.group.Group;
import org.tribune.group.GroupAccess;
import org.tribune.group.Visibility;
import org.tribune.post.Comment;
import org.tribune.post.PostItem;
import org.tribune.post.PostReads;
import org.tribune.post.PostService;
import org.tribune.safety.FilterMatcher;
import org.tribune.safety.SafetyService;
import org.tribune.safety.WordFilter;
import org.tribune.safety.WordFilters;

/**
 * Search for one viewer. The engine is asked only for what the viewer may find: members-only documents of their
 * current groups (read at each search, so someone who leaves stops finding them at once), never anything by people
 * they must not see. Every hit is then checked again by its own feature as it is now (a post hidden or deleted since
 * it was indexed, a group that became hidden, someone who turned "let people find me by name" off), so the index is
 * never trusted for privacy. Queries are neither stored nor logged. No transaction: what a search reads mostly comes
 * from the node's index and caches, and holding a connection (and committing) for it cost a round trip a request.
 */
@Service
public class SearchService {
    static final int PAGE = 20;
    static final int SUGGESTIONS = 5;
    /**
     * Groups and people are ranked among their newest 100 matches (posts among {@code tribune.search.rank-window}):
     * they are found by the start of their names, as the header's suggestions ask letter after letter, where two
     * letters match thousands of people and each answer must come at once.
     */
    static final int NAME_WINDOW = 100;
    private static final int SNIPPET = 240;

    private final SearchEngine engine;
    private final SearchDocuments documents;
    private final GroupAccess groups;
    private final AccountService accounts;
    private final PostReads postReads;
    private final PostService posts;

    private final SafetyService safety;
    private final WordFilters filters;
    private final int window;

    SearchService(SearchEngine engine, SearchDocuments documents, GroupAccess groups, AccountService accounts,
            PostReads postReads, PostService posts, SafetyService safety, WordFilters filters,
            @Value("${tribune.search.rank-window:1000}") int window) {
        this.window = Math.max(window, PAGE);
        this.safety = safety;
        this.filters = filters;
        this.engine = engine;
        this.documents = documents;
        this.groups = groups;
        this.accounts = accounts;
        this.postReads = postReads;
        this.posts = posts;
    }

    /**
     * Up to {@link #PAGE} hits of {@code type} (posts, groups or people; null: posts) for {@code rawQuery}, after
     * {@code cursor} (null: the first page), by relevance with recency as tie-break, or newest first.
     */
    public SearchResults search(String rawQuery, String type, String cursor, boolean newest, Long viewerId) {
        return search(SearchQuery.parse(rawQuery), SearchType.parse(type), Cursor.decode(cursor), newest, viewerId, PAGE);
    }

    /** A few people and groups whose names start like {@code rawQuery}, for the search box's suggestions. */
    public List<SearchHit> suggestions(String rawQuery, Long viewerId) {
        SearchQuery query = SearchQuery.parse(rawQuery);
        List<SearchHit> found = new ArrayList<>();
        found.addAll(search(query, SearchType.PEOPLE, null, false, viewerId, SUGGESTIONS).hits());
        found.addAll(search(query, SearchType.GROUPS, null, false, viewerId, SUGGESTIONS).hits());
        return found;
    }

    /** People whose posts, comments and names this viewer must not be shown: blocked either way, or muted. */
    Set<Long> excludedAuthors(Long viewerId) {
        return viewerId == null ? Set.of() : safety.hiddenAuthors(viewerId);
    }

    private SearchResults search(SearchQuery query, SearchType type, Cursor after, boolean newest, Long viewerId, int limit) {
        List<SearchQuery.Term> terms = query.terms().stream().filter(t -> findable(t, type)).toList();
        if (terms.isEmpty() && (type != SearchType.POSTS || !filtered(query))) {
            return SearchResults.none(query.text(), type, newest);
        }
        // Each tab asks only what it uses: people are not in groups, and groups have no authors to leave out.
        Set<Long> mine = viewerId == null || type == SearchType.PEOPLE ? Set.of() : groups.memberGroupIds(viewerId);
        Set<Long> excluded = type == SearchType.GROUPS ? Set.of() : excludedAuthors(viewerId);
        Long group = null;
        Long author = null;
        if (type == SearchType.POSTS && query.group() != null) {
            Optional<Group> found = groups.bySlug(query.group())
                    .filter(g -> g.visibility() != Visibility.HIDDEN || mine.contains(g.id()));
            if (found.isEmpty()) {
                return SearchResults.none(query.text(), type, newest);
            }
            group = found.get().id();
        }
        if (type == SearchType.POSTS && query.author() != null) {
            Optional<Account> found = accounts.byHandle(query.author());
            if (found.isEmpty()) {
                return SearchResults.none(query.text(), type, newest);
            }
            author = found.get().id();
        }
        boolean posts = type == SearchType.POSTS;
        Criteria criteria = new Criteria(type, terms, mine, excluded, group, author,
                posts && query.hasLink(), posts ? startOf(query.before()) : null, posts ? startOf(query.after()) : null,
                newest, type.byName() ? Math.min(window, NAME_WINDOW) : window);
        List<SearchEngine.Hit> hits = engine.find(criteria, after, limit);
        String next = hits.size() < limit ? null
                : new Cursor(hits.getLast().score(), hits.getLast().key().id(), hits.getLast().time()).encode();
        Highlights highlights = Highlights.of(terms, type.byName());
        List<SearchHit> shown = switch (type) {
            case POSTS -> posts(hits, highlights, viewerId);
            case GROUPS -> groups(hits, highlights, mine);
            case PEOPLE -> people(hits, highlights, criteria.excludedAuthors());
        };
        return new SearchResults(query.text(), type, newest, shown, next);
    }

    /** A word or phrase that analyses to something (not only stop words in both languages), or a name's start. */
    private static boolean findable(SearchQuery.Term term, SearchType type) {
        return !Analysis.terms(Language.FRENCH, term.text()).isEmpty()
                || !Analysis.terms(Language.ENGLISH, term.text()).isEmpty()
                || (type.byName() && !Analysis.nameWords(term.text()).isEmpty());
    }

    private static boolean filtered(SearchQuery query) {
        return query.group() != null || query.author() != null || query.hasLink() || query.before() != null
                || query.after() != null;
    }

    private static Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private List<SearchHit> posts(List<SearchEngine.Hit> hits, Highlights highlights, Long viewerId) {
        Map<SearchDocument.Key, SearchDocument> docs = documents.byKeys(hits.stream().map(SearchEngine.Hit::key).toList());
        Map<Long, SearchDocument> postDocs = ofKind(docs, SearchDocument.Kind.POST);
        Map<Long, SearchDocument> commentDocs = ofKind(docs, SearchDocument.Kind.COMMENT);
        // deleted or hidden since it was indexed: left out; out of the viewer's reach: its post is, below
        Map<Long, Comment> comments = new HashMap<>();
        posts.shownComments(commentDocs.keySet()).forEach(c -> comments.put(c.id(), c));
        List<Long> postIds = new ArrayList<>(postDocs.keySet());
        comments.values().forEach(c -> postIds.add(c.postId()));
        // PostReads checks readability once more, and leaves out posts of deleted accounts; hidden ones never show here.
        Map<Long, PostItem> readable = postReads.foundByIds(postIds, viewerId).stream().filter(i -> !i.hidden())
                .collect(Collectors.toMap(i -> i.post().id(), i -> i, (a, b) -> a));
        Map<Long, Account> commenters = accounts.byIds(comments.values().stream().map(Comment::authorId).collect(Collectors.toSet()));
        // The reader's word filters for search: HIDE leaves a hit out, WARN folds it (never the reader's own writing).
        FilterMatcher matcher = filters.filtersFor(viewerId, WordFilter.Context.SEARCH);
        List<SearchHit> shown = new ArrayList<>();
        for (SearchEngine.Hit hit : hits) {
            long id = hit.key().id();
            if (hit.key().kind() == SearchDocument.Kind.POST && readable.containsKey(id) && postDocs.containsKey(id)) {
                PostItem item = readable.get(id);
                SearchDocument doc = postDocs.get(id);
                FilterMatcher.Match match = matcher.isEmpty() || Objects.equals(item.post().authorId(), viewerId) ? null
                        : matcher.match(item.post().title(), item.post().body(), item.post().contentWarning(),
                                item.preview() == null ? null : item.preview().title(),
                                item.preview() == null ? null : item.preview().description());
                if (match != null && match.hides()) {
                    continue;
                }
                shown.add(new SearchHit("post", id, "/p/" + id, item.post().title(),
                        highlights.snippet(item.post().title(), doc.language(), PostService.TITLE_MAX),
                        highlights.snippet(doc.body(), doc.language(), SNIPPET),
                        context(item.author(), item.group()), item.post().createdAt(), match == null ? null : match.phrase()));
            } else if (hit.key().kind() == SearchDocument.Kind.COMMENT && comments.containsKey(id)
                    && readable.containsKey(comments.get(id).postId()) && commenters.containsKey(comments.get(id).authorId())) {
                Comment comment = comments.get(id);
                PostItem item = readable.get(comment.postId());
                SearchDocument doc = commentDocs.get(id);
                String title = item.post().title();
                FilterMatcher.Match match = matcher.isEmpty() || Objects.equals(comment.authorId(), viewerId) ? null
                        : matcher.match(comment.body(), comment.contentWarning());
                if (match != null && match.hides()) {
                    continue;
                }
                shown.add(new SearchHit("comment", id, "/p/" + comment.postId() + "#c" + id, title,
                        Highlights.escape(title), highlights.snippet(doc.body(), doc.language(), SNIPPET),
                        context(commenters.get(comment.authorId()), item.group()), comment.createdAt(),
                        match == null ? null : match.phrase()));
            }
        }
        return shown;
    }

    private List<SearchHit> groups(List<SearchEngine.Hit> hits, Highlights highlights, Set<Long> mine) {
        Map<Long, Group> found = groups.groups(ids(hits, SearchDocument.Kind.GROUP));
        List<SearchHit> shown = new ArrayList<>();
        for (SearchEngine.Hit hit : hits) {
            Group group = found.get(hit.key().id());
            // a hidden group is shown to its members only, even when the index still thinks it is not hidden
            if (group == null || (group.visibility() == Visibility.HIDDEN && !mine.contains(group.id()))) {
                continue;
            }
            Language language = Language.ofLocale(group.language());
            shown.add(new SearchHit("group", group.id(), "/groups/" + group.slug(), group.name(),
                    highlights.snippet(group.name(), language, 200), highlights.snippet(group.description(), language, SNIPPET),
                    group.slug(), group.createdAt()));
        }
        return shown;
    }

    private List<SearchHit> people(List<SearchEngine.Hit> hits, Highlights highlights, Set<Long> excluded) {
        List<Long> ids = ids(hits, SearchDocument.Kind.PERSON);
        Map<Long, Account> found = accounts.byIds(ids);
        Map<Long, PrivacySettings> privacy = accounts.privacy(ids);
        List<SearchHit> shown = new ArrayList<>();
        for (SearchEngine.Hit hit : hits) {
            Account person = found.get(hit.key().id());
            if (person == null || !person.isActive() || !privacy.get(person.id()).findable() || excluded.contains(person.id())) {
                continue;
            }
            Language language = Language.ofLocale(person.locale());
            shown.add(new SearchHit("person", person.id(), "/@" + person.handle(), person.displayName(),
                    highlights.snippet(person.displayName(), language, 200),
                    highlights.snippet("@" + person.handle(), language, 200), "@" + person.handle(), person.createdAt()));
        }
        return shown;
    }

    private static String context(Account author, Group group) {
        String who = author == null ? "" : author.displayName() + " (@" + author.handle() + ")";
        return group == null ? who : who + " · " + group.name();
    }

    private static Map<Long, SearchDocument> ofKind(Map<SearchDocument.Key, SearchDocument> docs, SearchDocument.Kind kind) {
        return docs.values().stream().filter(d -> d.kind() == kind).collect(Collectors.toMap(SearchDocument::id, d -> d));
    }

    private static List<Long> ids(Collection<SearchEngine.Hit> hits, SearchDocument.Kind kind) {
        return hits.stream().filter(h -> h.key().kind() == kind).map(h -> h.key().id()).toList();
    }
}
