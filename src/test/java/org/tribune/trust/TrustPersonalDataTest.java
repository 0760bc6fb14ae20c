package org.tribune.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tribune.IntegrationTest;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.platform.personaldata.Erasure;
import org.tribune.platform.personaldata.ExportWriter;
import org.tribune.post.Post;
import org.tribune.post.PostService;

/** What the trust feature holds on a person: shown, exported without naming others, and erased. */
@IntegrationTest
class TrustPersonalDataTest {
    @Autowired
    TrustPersonalData data;
    @Autowired
    Members members;
    @Autowired
    PostService posts;
    @Autowired
    ReadingLog reading;
    @Autowired
    TrustLevels levels;

    @Test
    void activityAndLevelAreCountedExportedAndErased() {
        Account ana = members.active("ana");
        Account bob = members.active("bob");
        Post post = posts.publish(bob, null, new PostService.Draft("Compost", "Who has a spare bin?", ""));
        Post hers = posts.publish(ana, null, new PostService.Draft("Bins", "I have two.", ""));
        reading.read(ana.id(), List.of(post.id()));
        reading.visited(ana.id());
        posts.comment(ana, post.id(), "I have one.", null);
        posts.like(bob, hers.id());
        reading.flush();
        TrustFixture.set(levels, ana.id(), TrustLevel.BASIC);
        levels.flagUpheldAgainst(ana.id());

        assertThat(data.categories()).extracting(c -> c.name()).containsExactly("activity", "trust-level");
        // the reply and the like are counted by durable listeners, after their commits
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(exportOf(ana).get("activity").getFirst()).containsEntry("replies", 1).containsEntry("likesReceived", 1));
        assertThat(data.counts(ana.id())).containsEntry("activity", 2L).containsEntry("trust-level", 2L);

        Map<String, List<Map<String, Object>>> exported = exportOf(ana);
        assertThat(exported.get("activity").getFirst()).containsEntry("postsRead", 1).containsEntry("replies", 1)
                .containsEntry("likesReceived", 1).containsEntry("visited", true);
        assertThat(exported.get("activity")).anySatisfy(r -> assertThat(r).containsEntry("repliedInPost", Long.toString(post.id())));
        assertThat(exported.get("activity").toString()).as("who liked her is Bob's to tell").doesNotContain(Long.toString(bob.id()));
        assertThat(exported.get("trust-level").getFirst()).containsEntry("level", 1);
        assertThat(exported.get("trust-level")).hasSize(2);

        data.erase(ana.id(), new Erasure(false));
        assertThat(data.counts(ana.id())).containsEntry("activity", 0L).containsEntry("trust-level", 0L);
        assertThat(levels.of(ana.id())).isEqualTo(TrustLevel.NEW);
        data.erase(bob.id(), new Erasure(true));
        assertThat(data.counts(bob.id()).get("activity")).isZero();
    }

    private Map<String, List<Map<String, Object>>> exportOf(Account person) {
        Map<String, List<Map<String, Object>>> exported = new HashMap<>();
        data.export(person.id(), new ExportWriter() {
            @Override
            public void records(String category, List<? extends Map<String, ?>> records) {
                List<Map<String, Object>> copy = new ArrayList<>();
                records.forEach(r -> copy.add(new HashMap<>(r)));
                exported.put(category, copy);
            }

            @Override
            public void media(String path, byte[] content) {
            }
        });
        return exported;
    }
}
