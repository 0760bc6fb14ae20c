package org.tribune.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupService;
import org.tribune.post.preview.TestSite;

/** A post's link gets its preview after publishing, and readers see it from our own origin. */
@IntegrationTest
@TestPropertySource(properties = "tribune.previews.allowed-hosts=127.0.0.1")
class PostPreviewTest {
    static TestSite site;

    @LocalServerPort
    int port;
    @Autowired
    PostService posts;
    @Autowired
    PostReads reads;
    @Autowired
    GroupService groups;
    @Autowired
    Members members;

    @BeforeAll
    static void startSite() throws IOException {
        site = new TestSite().page("/story", """
                <html><head><meta property="og:title" content="Glaciers are melting">
                <meta property="og:site_name" content="Science Daily"></head></html>""");
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @Test
    void thePreviewIsFetchedAfterPublishingAndShownFromOurOrigin() throws InterruptedException {
        Account ana = members.active("ana");
        Group g = groups.create(ana, new GroupForm(PostServiceIntegrationTest.slug(), "Previews", "", "en", "PUBLIC", "OPEN", List.of(), false));
        Post post = posts.publish(ana, g.id(), new PostService.Draft("", "Read this", site.url("/story")));

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (reads.byIds(List.of(post.id()), null).getFirst().preview() == null && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        PostItem item = reads.byIds(List.of(post.id()), null).getFirst();
        assertThat(item.preview()).isNotNull();
        assertThat(item.preview().title()).isEqualTo("Glaciers are melting");

        WebClient.Response page = new WebClient(port).get("/p/" + post.id());
        assertThat(page.body()).contains("Glaciers are melting").contains("Science Daily");
        assertThat(new WebClient(port).get("/groups/" + g.slug()).body()).contains("Glaciers are melting");
    }
}
