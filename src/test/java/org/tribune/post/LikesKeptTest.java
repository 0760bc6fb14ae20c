package org.tribune.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tribune.IntegrationTest;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.platform.Ids;

/**
 * A person's likes are answered from memory down to the oldest of the {@link Likes#KEPT} newest posts they liked, and
 * from the database below it: whatever the page, the answer is the table's.
 */
@IntegrationTest
class LikesKeptTest {
    @Autowired
    Likes likes;
    @Autowired
    Members members;
    @Autowired
    JdbcClient db;
    @Autowired
    Ids ids;

    @Test
    void someoneWithMoreLikesThanAreKeptGetsEveryLikeRightOnOldPostsAndNew() {
        Account author = members.active("lka");
        Account liker = members.active("lkl");
        List<Long> posts = new ArrayList<>();
        for (int i = 0; i < Likes.KEPT + 40; i++) {
            long id = ids.next();
            db.sql("insert into post (id, author_id, title, body, body_html, created_at) values (?, ?, '', 'x', 'x', ?)")
                    .params(id, author.id(), java.sql.Timestamp.from(Instant.now())).update();
            posts.add(id);
        }
        Set<Long> liked = new java.util.HashSet<>();
        for (int i = 0; i < posts.size(); i++) {
            if (i % 3 != 1) { // two in three, the oldest ones too
                likes.likePost(posts.get(i), liker.id(), Instant.now());
                liked.add(posts.get(i));
            }
        }
        for (int from = 0; from < posts.size(); from += 20) {
            List<Long> page = posts.subList(from, Math.min(posts.size(), from + 20));
            assertThat(likes.likedPosts(liker.id(), page)).as("page from %d", from)
                    .containsExactlyInAnyOrderElementsOf(page.stream().filter(liked::contains).toList());
            assertThat(likes.likedPosts(liker.id(), page)).as("again, from memory").hasSameSizeAs(page.stream().filter(liked::contains).toList());
        }
        // An unlike and a like are seen at once.
        likes.unlikePost(posts.get(posts.size() - 2), liker.id());
        likes.likePost(posts.get(1), liker.id(), Instant.now());
        assertThat(likes.likedPosts(liker.id(), List.of(posts.get(posts.size() - 2), posts.get(1)))).containsExactly(posts.get(1));
    }
}
