package org.tribune.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tribune.IntegrationTest;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.post.Post;
import org.tribune.post.PostService;

/**
 * {@code ./tribune reindex} against a running server: the command leaves a request file in the search index's
 * directory; the server rebuilds (search answering meanwhile) and writes its progress next to it.
 */
@IntegrationTest
class ReindexRequestTest {
    @Autowired
    Members members;
    @Autowired
    PostService posts;
    @Autowired
    SearchService search;
    @Autowired
    JdbcClient db;
    @Value("${tribune.search.index-dir}")
    String indexDir;

    @Test
    void aRequestFileMakesTheRunningServerRebuildAndReportItsProgress() throws Exception {
        Account author = members.active("rreq");
        String word = "zq" + Members.uniqueHandle("r").substring(2).toLowerCase().replaceAll("[^a-z0-9]", "");
        Post post = posts.publish(author, null, new PostService.Draft("", "Lost then found " + word, null));
        // a document lost (as after restoring a database without its index): the post is not found
        db.sql("delete from search_document where kind = 'post' and id = ?").param(post.id()).update();
        assertThat(search.search(word, null, null, false, author.id()).hits()).isEmpty();

        Path progress = Path.of(indexDir, ReindexRequests.PROGRESS);
        Files.deleteIfExists(progress);
        Path request = Path.of(indexDir, ReindexRequests.REQUEST);
        Files.createDirectories(request.getParent());
        Files.writeString(request, "");
        // search keeps answering while the server rebuilds
        search.search(word, null, null, false, author.id());
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        String state = "";
        while (!state.startsWith("done") && !state.startsWith("failed") && Instant.now().isBefore(until)) {
            Thread.sleep(200);
            state = Files.exists(progress) ? Files.readString(progress).strip() : "";
        }
        assertThat(request).doesNotExist();
        assertThat(state).startsWith("done ");
        assertThat(Long.parseLong(state.split(" ")[1])).isPositive();
        assertThat(search.search(word, null, null, false, author.id()).hits()).extracting(SearchHit::id)
                .containsExactly(post.id());
    }
}
