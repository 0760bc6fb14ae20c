package org.tribune.source;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupService;
import org.tribune.platform.SecretTokens;
import org.tribune.post.Post;
import org.tribune.post.PostService;
import org.tribune.post.preview.LinkPreviews;
import org.tribune.trust.TrustFixture;
import org.tribune.trust.TrustLevel;
import org.tribune.trust.TrustLevels;

/** People at a trust level, fresh domains, and posts linking to them with a cached preview (nothing is fetched). */
@Component
class SourceFixture {
    final Members members;
    final TrustLevels trust;
    final GroupService groups;
    final PostService posts;
    final SourceService sources;
    final JdbcClient db;

    SourceFixture(Members members, TrustLevels trust, GroupService groups, PostService posts, SourceService sources, JdbcClient db) {
        this.members = members;
        this.trust = trust;
        this.groups = groups;
        this.posts = posts;
        this.sources = sources;
        this.db = db;
    }

    /** A registrable domain nobody used before (tests share one database). */
    static String domain(String word) {
        return word + "-" + UUID.randomUUID().toString().substring(0, 8) + ".org";
    }

    Account person(String prefix, TrustLevel level) {
        Account account = members.active(prefix);
        TrustFixture.set(trust, account.id(), level);
        return account;
    }

    Group group(Account owner) {
        String slug = ("s-" + Members.uniqueHandle("x").substring(2)).toLowerCase(Locale.ROOT).replace('_', '-');
        return groups.create(owner, new GroupForm(slug, "Sources " + slug, "", "en", "PUBLIC", "OPEN", List.of(), false));
    }

    /** A satire label with one source, by someone allowed to set it. */
    void label(Account editor, String domain, String label) {
        sources.edit(editor, domain, new Labelling(label, "It says so on its about page.", List.of("https://" + domain + "/about")),
                "", null);
    }

    /** A post linking to {@code url}, whose preview is already cached as a good one, so the page shows a card. */
    Post postLinking(Account author, Group group, String url, String title) {
        cachePreview(url, title);
        return posts.publish(author, group == null ? null : group.id(), new PostService.Draft("", "Look at this", url));
    }

    void cachePreview(String url, String title) {
        String normalised = LinkPreviews.normalise(url);
        db.sql("insert into link_preview (url_hash, id, url, title, description, site_name, image_width, image_height, status, "
                + "fetched_at) values (?, ?, ?, ?, ?, ?, 0, 0, 'OK', ?)")
                .params(SecretTokens.hash(normalised), UUID.randomUUID().toString().replace("-", ""), normalised, title,
                        "A story", "The Site", Timestamp.from(Instant.now()))
                .update();
    }
}
