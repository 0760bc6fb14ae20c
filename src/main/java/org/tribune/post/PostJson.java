package org.tribune.post;

import java.time.Instant;

import org.tribune.account.Account;

/**
 * A post as the API shows it: always its accepted revision, never a pending one. {@code bodyHtml} is the sanitised
 * rendering of {@code body}; {@code linkSummary} the community's description of the link. Ids are strings.
 */
public record PostJson(String id, Person author, GroupRef group, String title, String body, String bodyHtml, String link,
        Instant createdAt, Instant editedAt, int likeCount, int commentCount, boolean likedByMe, String linkSummary) {

    public record Person(String id, String handle, String displayName) {
        public static Person of(Account a) {
            return a == null ? null : new Person(Long.toString(a.id()), a.handle(), a.displayName());
        }
    }

    public record GroupRef(String id, String slug, String name) {
    }

    public static PostJson of(PostItem item) {
        Post p = item.post();
        return new PostJson(Long.toString(p.id()), Person.of(item.author()),
                item.group() == null ? null : new GroupRef(Long.toString(item.group().id()), item.group().slug(), item.group().name()),
                p.title(), p.body(), p.bodyHtml(), p.linkUrl(), p.createdAt(), p.editedAt(), p.likeCount(),
                p.commentCount(), item.likedByViewer(), p.linkSummary());
    }
}
