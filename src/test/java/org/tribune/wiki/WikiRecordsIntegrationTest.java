package org.tribune.wiki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tribune.wiki.WikiFixture.edit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tribune.IntegrationTest;
import org.tribune.account.Account;
import org.tribune.group.Group;
import org.tribune.platform.Forbidden;
import org.tribune.platform.NotFound;
import org.tribune.platform.personaldata.Erasure;
import org.tribune.platform.personaldata.ExportWriter;
import org.tribune.platform.personaldata.PersonalData;
import org.tribune.post.Post;
import org.tribune.post.PostService;
import org.tribune.trust.TrustLevel;

/** The records around revisions: append-only storage, talk pages, moves and what is kept about a person. */
@IntegrationTest
@Import(WikiFixture.class)
class WikiRecordsIntegrationTest {
    @Autowired
    WikiFixture world;
    @Autowired
    WikiService wiki;
    @Autowired
    TalkService talk;
    @Autowired
    Recategorisation moves;
    @Autowired
    PostService posts;
    @Autowired
    JdbcClient db;
    @Autowired
    List<PersonalData> personalData;

    @Test
    void nobodyChangesOrDeletesARevisionInPlaceTheDatabaseRefuses() {
        Account ana = world.person("ana", TrustLevel.BASIC);
        Post post = world.post(ana, null, "T", "original");
        long id = world.head(post, ana);
        assertThatThrownBy(() -> db.sql("update wiki_revision set body = 'rewritten' where id = ?").param(id).update())
                .isInstanceOf(Exception.class);
        assertThatThrownBy(() -> db.sql("delete from wiki_revision where id = ?").param(id).update())
                .isInstanceOf(Exception.class);
        assertThat(db.sql("select body from wiki_revision where id = ?").param(id).query(String.class).single()).isEqualTo("original");
        // Erasure may blank the text, and nothing else: changing who wrote it along the way is refused.
        assertThatThrownBy(() -> db.sql("update wiki_revision set summary = '', title = '', body = '', link_url = null, "
                + "link_summary = null, editor_id = editor_id + 1 where id = ?").param(id).update()).isInstanceOf(Exception.class);
        // Its content warning is guarded like its text: changed in place, refused; blanked with the rest, allowed.
        assertThatThrownBy(() -> db.sql("update wiki_revision set content_warning = 'rewritten' where id = ?").param(id).update())
                .isInstanceOf(Exception.class);
        assertThatThrownBy(() -> db.sql("update wiki_revision set summary = '', title = '', body = '', link_url = null, "
                + "link_summary = null, content_warning = 'rewritten' where id = ?").param(id).update()).isInstanceOf(Exception.class);
        assertThat(db.sql("update wiki_revision set summary = '', title = '', body = '', link_url = null, link_summary = null, "
                + "content_warning = null where id = ?").param(id).update()).isEqualTo(1);
        assertThat(db.sql("select editor_id from wiki_revision where id = ?").param(id).query(Long.class).single()).isEqualTo(ana.id());
    }

    @Test
    void theWikisCodeHasNoStatementThatChangesOrDeletesRevisions() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/tribune/wiki"))) {
            // Forgetting holds the erasure statements the trigger allows (blanking text only); nothing else may change.
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("Forgetting.java")).toList()) {
                String code = Files.readString(file).toLowerCase().replaceAll("\\s+", " ");
                assertThat(code).as(file.toString())
                        .doesNotContain("update wiki_revision").doesNotContain("delete from wiki_revision")
                        .doesNotContain("update wiki_head").doesNotContain("delete from wiki_head")
                        .doesNotContain("update wiki_review").doesNotContain("delete from wiki_review")
                        .doesNotContain("update wiki_move").doesNotContain("delete from wiki_move");
            }
        }
    }

    @Test
    void talkPagesAreWrittenByMembersAndReadLikeTheDocument() {
        Account ana = world.person("ana", TrustLevel.NEW);
        Account outsider = world.person("out", TrustLevel.LEADER);
        Group open = world.group(ana, "PUBLIC", EditMode.OPEN);
        Group closed = world.group(ana, "PRIVATE", EditMode.OPEN);
        Post post = world.post(ana, open, "T", "b");
        Post secret = world.post(ana, closed, "S", "s");

        TalkMessage said = talk.say(ana, Document.post(post.id()), "Is the **source** right?");
        assertThat(said.bodyHtml()).contains("<strong>source</strong>");
        assertThat(talk.messages(Document.post(post.id()), null, 0)).extracting(TalkMessage::body).containsExactly("Is the **source** right?");
        assertThatThrownBy(() -> talk.say(outsider, Document.post(post.id()), "let me")).isInstanceOf(Forbidden.class);

        talk.say(ana, Document.post(secret.id()), "secret talk");
        talk.say(ana, Document.groupPage(closed.id()), "secret page talk");
        for (Account who : new Account[] {outsider, null}) {
            assertThatThrownBy(() -> talk.messages(Document.post(secret.id()), who, 0)).isInstanceOf(NotFound.class);
            assertThatThrownBy(() -> talk.messages(Document.groupPage(closed.id()), who, 0)).isInstanceOf(NotFound.class);
        }
        assertThatThrownBy(() -> talk.say(outsider, Document.post(secret.id()), "hi")).isInstanceOf(NotFound.class);
    }

    @Test
    void regularsAndModeratorsMovePostsOnlyBetweenGroupsOfTheSameVisibilityWhereTheyPost() {
        Account ana = world.person("ana", TrustLevel.BASIC);
        Account regular = world.person("reg", TrustLevel.REGULAR);
        Account member = world.person("mem", TrustLevel.MEMBER);
        Group from = world.group(ana, "PUBLIC", EditMode.OPEN);
        Group to = world.group(ana, "PUBLIC", EditMode.OPEN);
        Group notJoined = world.group(ana, "PUBLIC", EditMode.OPEN);
        Group closed = world.group(ana, "PRIVATE", EditMode.OPEN);
        world.join(from, regular, member);
        world.join(to, regular, member);
        world.join(closed, regular);
        Post post = world.post(ana, from, "Off topic", "b");

        assertThatThrownBy(() -> moves.move(member, post.id(), to.id(), "")).isInstanceOfSatisfying(Forbidden.class,
                e -> assertThat(e.code()).isEqualTo("wiki.move-level"));
        assertThatThrownBy(() -> moves.move(regular, post.id(), notJoined.id(), "")).isInstanceOfSatisfying(Forbidden.class,
                e -> assertThat(e.code()).isEqualTo("wiki.move-not-member"));
        assertThatThrownBy(() -> moves.move(regular, post.id(), closed.id(), "")).isInstanceOfSatisfying(Forbidden.class,
                e -> assertThat(e.code()).isEqualTo("wiki.move-visibility"));
        WikiDocument doc = wiki.document(Document.post(post.id()), regular);
        assertThat(moves.targets(doc, regular)).extracting(Group::id).contains(to.id()).doesNotContain(closed.id(), from.id(), notJoined.id());

        moves.move(regular, post.id(), to.id(), "Belongs in the other group");
        assertThat(posts.read(post.id(), null).groupId()).isEqualTo(to.id());
        assertThat(moves.moves(post.id(), null)).singleElement().satisfies(m -> {
            assertThat(m.fromGroupId()).isEqualTo(from.id());
            assertThat(m.moverId()).isEqualTo(regular.id());
            assertThat(m.summary()).isEqualTo("Belongs in the other group");
        });
        // The group's moderator moves it back whatever their level.
        moves.move(ana, post.id(), from.id(), "");
        assertThat(posts.read(post.id(), null).groupId()).isEqualTo(from.id());
    }

    @Test
    void aPersonsRevisionsStayWhenTheyLeaveAndTheirTalkGoesOnlyIfTheyChoseSo() {
        Account ana = world.person("ana", TrustLevel.BASIC);
        Account bob = world.person("bob", TrustLevel.BASIC);
        Post anas = world.post(ana, null, "T", "b");
        Post bobs = world.post(bob, null, "T", "b");
        wiki.propose(ana, Document.post(anas.id()), edit("T", "b2", "mine", null));
        talk.say(ana, Document.post(anas.id()), "ana talks");
        wiki.propose(bob, Document.post(bobs.id()), edit("T", "b2", "", null));
        talk.say(bob, Document.post(bobs.id()), "bob talks");
        PersonalData data = personalData.stream().filter(p -> p instanceof WikiPersonalData).findFirst().orElseThrow();

        assertThat(data.counts(ana.id())).containsEntry("wiki-revisions", 2L).containsEntry("wiki-talk", 1L);
        Map<String, List<? extends Map<String, ?>>> exported = new HashMap<>();
        data.export(ana.id(), new ExportWriter() {
            @Override
            public void records(String category, List<? extends Map<String, ?>> records) {
                exported.put(category, records);
            }

            @Override
            public void media(String path, byte[] content) {
            }
        });
        assertThat(exported.get("wiki-revisions")).extracting(m -> (Object) m.get("summary")).contains((Object) "mine");
        assertThat(exported.get("wiki-talk")).extracting(m -> (Object) m.get("body")).containsExactly((Object) "ana talks");

        data.erase(ana.id(), new Erasure(false));
        assertThat(data.counts(ana.id())).containsEntry("wiki-revisions", 2L).containsEntry("wiki-talk", 1L);
        data.erase(bob.id(), new Erasure(true));
        assertThat(data.counts(bob.id())).containsEntry("wiki-revisions", 2L).containsEntry("wiki-talk", 0L);
        assertThat(wiki.history(Document.post(bobs.id()), null, 0).entries()).extracting(e -> e.revision().summary()).contains("");
    }
}
