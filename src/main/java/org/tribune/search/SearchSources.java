package org.tribune.search;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.account.PrivacySettings;
import org.tribune.group.Group;
import org.tribune.group.GroupAccess;
import org.tribune.group.Visibility;
import org.tribune.post.Comment;
import org.tribune.post.Post;
import org.tribune.post.PostService;

/**
 * Makes the documents of posts, comments, groups and people from what their own features say (their services, never
 * their tables): only a post's accepted text (the post feature holds no other), a group's name and description, a
 * person's display name and handle when they are active and let people find them by name.
 */
@Component
class SearchSources {
    private static final Pattern LINK = Pattern.compile("(?i)\\bhttps?://");

    private final PostService posts;
    private final GroupAccess groups;
    private final AccountService accounts;

    SearchSources(PostService posts, GroupAccess groups, AccountService accounts) {
        this.posts = posts;
        this.groups = groups;
        this.accounts = accounts;
    }

    Optional<Post> post(long postId) {
        return posts.forModeration(postId);
    }

    Optional<Comment> comment(long commentId) {
        return posts.commentForModeration(commentId);
    }

    Optional<Group> group(long groupId) {
        return groups.group(groupId);
    }

    SearchDocument ofPost(Post post, Group group, Account author) {
        Language fallback = group != null ? Language.ofLocale(group.language())
                : Language.ofLocale(author == null ? null : author.locale());
        String body = post.linkSummary() == null ? post.body() : post.body() + "\n" + post.linkSummary();
        return new SearchDocument(SearchDocument.Kind.POST, post.id(), post.id(), post.groupId(), post.authorId(),
                restricted(group), Analysis.detect(post.title() + " " + body, fallback),
                post.linkUrl() != null || LINK.matcher(post.body()).find(), post.title(), body, "", post.createdAt(), 0);
    }

    SearchDocument ofComment(Comment comment, Post post, Group group, Account author) {
        Language fallback = Language.ofLocale(author != null ? author.locale() : group != null ? group.language() : null);
        return new SearchDocument(SearchDocument.Kind.COMMENT, comment.id(), post.id(), post.groupId(), comment.authorId(),
                restricted(group), Analysis.detect(comment.body(), fallback), LINK.matcher(comment.body()).find(), "",
                comment.body(), "", comment.createdAt(), 0);
    }

    static SearchDocument ofGroup(Group group) {
        return new SearchDocument(SearchDocument.Kind.GROUP, group.id(), null, group.id(), null,
                group.visibility() == Visibility.HIDDEN, Language.ofLocale(group.language()), false, group.name(),
                group.description(), Analysis.nameWords(group.name(), group.slug()), group.createdAt(), 0);
    }

    /** Someone's document, or empty when they may not be found by name (not active, or they said so). */
    Optional<SearchDocument> ofPerson(Account account, PrivacySettings privacy) {
        if (!account.isActive() || !privacy.findable()) {
            return Optional.empty();
        }
        return Optional.of(new SearchDocument(SearchDocument.Kind.PERSON, account.id(), null, null, account.id(), false,
                Language.ofLocale(account.locale()), false, account.displayName(), "",
                Analysis.nameWords(account.displayName(), account.handle()), account.createdAt(), 0));
    }

    Optional<SearchDocument> person(long accountId) {
        return accounts.byId(accountId).flatMap(a -> ofPerson(a, accounts.privacy(accountId)));
    }

    /** A post's document with its group and author looked up. */
    SearchDocument ofPost(Post post) {
        Group group = post.groupId() == null ? null : groups.group(post.groupId()).orElse(null);
        return ofPost(post, group, post.groupId() == null ? accounts.byId(post.authorId()).orElse(null) : null);
    }

    /** The documents of a page of posts, their groups and authors looked up once. */
    List<SearchDocument> ofPosts(List<Post> page) {
        Map<Long, Group> byId = groups.groups(page.stream().map(Post::groupId).filter(g -> g != null).collect(Collectors.toSet()));
        Map<Long, Account> authors = accounts.byIds(page.stream().map(Post::authorId).collect(Collectors.toSet()));
        return page.stream().map(p -> ofPost(p, p.groupId() == null ? null : byId.get(p.groupId()), authors.get(p.authorId())))
                .toList();
    }

    /** The documents of a page of comments, with their posts, groups and authors looked up. */
    List<SearchDocument> ofComments(List<Comment> page) {
        Map<Long, Account> authors = accounts.byIds(page.stream().map(Comment::authorId).collect(Collectors.toSet()));
        Set<Long> postIds = page.stream().map(Comment::postId).collect(Collectors.toSet());
        Map<Long, Post> byPost = posts.forModeration(postIds).stream().collect(Collectors.toMap(Post::id, p -> p));
        Map<Long, Group> byGroup = groups.groups(byPost.values().stream().map(Post::groupId).filter(g -> g != null)
                .collect(Collectors.toSet()));
        return page.stream().filter(c -> byPost.containsKey(c.postId())).map(c -> {
            Post post = byPost.get(c.postId());
            return ofComment(c, post, post.groupId() == null ? null : byGroup.get(post.groupId()), authors.get(c.authorId()));
        }).toList();
    }

    List<SearchDocument> ofPeople(List<Account> page) {
        Map<Long, PrivacySettings> privacy = accounts.privacy(page.stream().map(Account::id).toList());
        return page.stream().map(a -> ofPerson(a, privacy.get(a.id()))).flatMap(Optional::stream).toList();
    }

    List<Post> postsAfter(long afterId, int limit) {
        return posts.liveAfter(afterId, limit);
    }

    List<Comment> commentsAfter(long afterId, int limit) {
        return posts.commentsAfter(afterId, limit);
    }

    List<Group> groupsAfter(long afterId, int limit) {
        return groups.groupsAfter(afterId, limit);
    }

    List<Account> peopleAfter(long afterId, int limit) {
        return accounts.activeAfter(afterId, limit);
    }

    private static boolean restricted(Group group) {
        return group != null && !group.isPublic();
    }
}
