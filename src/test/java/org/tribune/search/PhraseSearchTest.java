package org.tribune.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tribune.IntegrationTest;
import org.tribune.TestDatabase;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupMembers;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupService;
import org.tribune.post.Post;
import org.tribune.post.PostService;

/**
 * Phrases in quotes find the same posts on both engines, and on PostgreSQL the same as the phrase check alone
 * (before its index of word pairs narrowed the candidates): in order, side by side, stemmed and accent-folded, with
 * the query's stop words as gaps, for phrases of two, three or more words and quoted single words.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhraseSearchTest {
    @Autowired
    Members members;
    @Autowired
    GroupService groups;
    @Autowired
    GroupJoining groupJoining;
    @Autowired
    GroupMembers groupMembers;
    @Autowired
    PostService posts;
    @Autowired
    SearchService search;
    @Autowired
    JdbcClient db;
    @Autowired
    SearchEngine engine;

    Account author;
    Account reader;
    Account outsider;
    Group english;
    Group french;
    Group closed;
    String w;
    Map<String, Post> written = new LinkedHashMap<>();

    @BeforeAll
    void postsWithPhrases() throws InterruptedException {
        SearchTest.awaitReady(engine);
        author = members.active("phau");
        reader = members.active("phre");
        outsider = members.active("phou");
        english = group("PUBLIC", "en");
        french = group("PUBLIC", "fr");
        closed = group("PRIVATE", "en");
        groupMembers.invite(author, closed.slug(), reader.handle());
        groupJoining.join(reader, closed.slug(), List.of());
        w = "zq" + Members.uniqueHandle("p").substring(2).toLowerCase().replaceAll("[^a-z0-9]", "");
        write("red door", english, "", "A bright red door opens onto the street " + w);
        write("door is red", english, "", "The door is red and bright " + w);
        write("red doors", english, "Jean-Pierre's red doors", "They were painted last spring " + w);
        write("gardens", english, "", "We planted trees in the community gardens yesterday " + w);
        write("école de musique", french, "", "Elle joue à l'école de musique du quartier " + w);
        write("école et musique", french, "", "L'école et la musique sont ouvertes " + w);
        write("danse et musique", french, "", "École de danse et de musique " + w);
        write("members only", closed, "", "Another bright red door for members " + w);
    }

    @Test
    void aPhraseFindsItsWordsSideBySideInOrder() {
        assertThat(found("\"red door\"", outsider)).containsExactlyInAnyOrder("red door", "red doors");
        assertThat(found("\"door red\"", outsider)).isEmpty();
        assertThat(found("\"bright red door\"", outsider)).containsExactly("red door");
        assertThat(found("\"door opens onto\"", outsider)).containsExactly("red door");
    }

    @Test
    void aPhraseIsStemmedAndFoldedLikeWords() {
        assertThat(found("\"RED DOORS\"", outsider)).containsExactlyInAnyOrder("red door", "red doors");
        assertThat(found("\"community garden\"", outsider)).containsExactly("gardens");
        assertThat(found("\"ecole de musique\"", outsider)).containsExactly("école de musique");
        assertThat(found("\"Écoles de musiques\"", outsider)).containsExactly("école de musique");
        assertThat(found("\"jean-pierre's red\"", outsider)).containsExactly("red doors");
    }

    @Test
    void stopWordsInAPhraseStandForAnyWord() {
        assertThat(found("\"door is red\"", outsider)).containsExactly("door is red");
        assertThat(found("\"door was red\"", outsider)).containsExactly("door is red");
        assertThat(found("\"planted trees in the community gardens\"", outsider)).containsExactly("gardens");
        assertThat(found("\"école la musique\"", outsider)).as("la: any one word, de among them").containsExactly("école de musique");
        assertThat(found("\"école et la musique\"", outsider)).containsExactly("école et musique");
        assertThat(found("\"danse et de musique\"", outsider)).containsExactly("danse et musique");
    }

    @Test
    void aPhraseOfOneWordOrOfOneWordAndStopWordsIsThatWord() {
        assertThat(found("\"door\"", outsider)).containsExactlyInAnyOrder("red door", "door is red", "red doors");
        assertThat(found("\"the door\"", outsider)).containsExactlyInAnyOrder("red door", "door is red", "red doors");
        assertThat(found("\"musique\"", outsider)).containsExactlyInAnyOrder("école de musique", "école et musique",
                "danse et musique");
    }

    @Test
    void aPhraseInAMembersOnlyGroupIsFoundByItsMembersOnly() {
        assertThat(found("\"bright red door\"", reader)).containsExactlyInAnyOrder("red door", "members only");
        assertThat(found("\"bright red door\"", outsider)).doesNotContain("members only");
    }

    /** On PostgreSQL: the index of pairs changes nothing the phrase check alone finds, and narrows where it can. */
    @Test
    void theIndexOfWordPairsFindsWhatThePhraseCheckAloneFinds() {
        assumeThat(TestDatabase.isPostgres()).isTrue();
        List<String> phrases = List.of("red door", "door red", "bright red door", "door opens onto", "RED DOORS",
                "community garden", "ecole de musique", "Écoles de musiques", "jean-pierre's red", "door is red",
                "door was red", "planted trees in the community gardens", "école la musique", "danse et de musique",
                "the door", "bright red door");
        for (String phrase : phrases) {
            List<String> alone = db.sql("select p.id from search_document p where p.kind = 'post' "
                            + "and p.document @@ (phraseto_tsquery('tribune_french', :p) || phraseto_tsquery('tribune_english', :p)) "
                            + "and p.document @@ plainto_tsquery('tribune_english', :w) and p.restricted = false")
                    .param("p", phrase).param("w", w).query(Long.class).list().stream()
                    .map(id -> written.entrySet().stream().filter(e -> e.getValue().id() == id).findFirst().orElseThrow().getKey())
                    .toList();
            assertThat(found("\"" + phrase + "\"", outsider)).as(phrase).containsExactlyInAnyOrderElementsOf(alone);
        }
        assertThat(pairs("red door")).isEqualTo("'red door' | 'red door'");
        assertThat(pairs("door is red")).contains("'door _ red'");
        assertThat(pairs("ecole de musique")).contains("'ecol _ musiqu'");
        assertThat(pairs("the door")).as("English makes one word of it: nothing to narrow").isNull();
    }

    /**
     * Past PostgreSQL's last position (16,383) every lexeme shares it; the pairs are then all made, so a phrase that
     * the phrase check finds there is still found.
     */
    @Test
    void pairsAreCompleteWhereWordsShareTheLastPosition() {
        assumeThat(TestDatabase.isPostgres()).isTrue();
        String text = String.join(" ", IntStream.range(0, 16_380).mapToObj(i -> "w" + i).toList())
                + " alpha beta gamma delta epsilon";
        for (String phrase : List.of("beta delta", "beta epsilon", "alpha _ epsilon", "beta gamma")) {
            String[] words = phrase.split(" ");
            String tsquery = words.length == 2 ? words[0] + " <-> " + words[1] : words[0] + " <2> " + words[2];
            boolean phraseMatches = db.sql("select to_tsvector('simple', :t) @@ cast(:q as tsquery)")
                    .param("t", text).param("q", tsquery).query(Boolean.class).single();
            boolean pairHeld = db.sql("select search_word_pairs(to_tsvector('simple', :t)) @@ cast(:q as tsquery)")
                    .param("t", text).param("q", "'" + phrase + "'").query(Boolean.class).single();
            assertThat(phraseMatches).as(phrase).isTrue();
            assertThat(pairHeld).as(phrase).isTrue();
        }
    }

    private String pairs(String phrase) {
        return db.sql("select cast(search_phrase_pairs(:p) as text)").param("p", phrase)
                .query((rs, n) -> rs.getString(1)).list().getFirst();
    }

    private List<String> found(String phrase, Account viewer) {
        return search.search(phrase + " " + w, "posts", null, false, viewer.id()).hits().stream()
                .map(h -> written.entrySet().stream().filter(e -> e.getValue().id() == h.id()).findFirst().orElseThrow().getKey())
                .toList();
    }

    private void write(String name, Group group, String title, String body) {
        written.put(name, posts.publish(author, group.id(), new PostService.Draft(title, body, null)));
    }

    private Group group(String visibility, String language) {
        String slug = ("ph-" + Members.uniqueHandle("g").substring(2)).toLowerCase().replace('_', '-');
        return groups.create(author, new GroupForm(slug, "Phrases " + language, "", language, visibility, "INVITE",
                List.of(), false));
    }
}
