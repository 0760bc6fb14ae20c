package org.tribune.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.tribune.IntegrationTest;
import org.tribune.account.Account;
import org.tribune.account.Role;
import org.tribune.platform.Forbidden;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.NotFound;
import org.tribune.post.PostItem;
import org.tribune.post.PostReads;
import org.tribune.post.SourceLabels;
import org.tribune.post.SourceTag;
import org.tribune.trust.TrustLevel;
import org.tribune.wiki.EditMode;
import org.tribune.wiki.Revision;
import org.tribune.wiki.WikiService;

@IntegrationTest
@Import(SourceFixture.class)
class SourceServiceIntegrationTest {
    @Autowired
    SourceFixture world;
    @Autowired
    SourceService sources;
    @Autowired
    SourcePages pages;
    @Autowired
    WikiService wiki;
    @Autowired
    SourceLabels labels;
    @Autowired
    PostReads reads;

    static Labelling satire(String domain) {
        return new Labelling("satire", "Its about page says it is satire.", List.of("https://" + domain + "/about"));
    }

    @Test
    void aDomainReadsAsUnlabelledAndLockedBeforeAnyoneLabelsIt() {
        String domain = SourceFixture.domain("fresh");
        SourceService.SourceView view = sources.view("https://www." + domain + "/some/story", null);
        assertThat(view.domain().name()).isEqualTo(domain);
        assertThat(view.exists()).isFalse();
        assertThat(view.labelling().labelled()).isFalse();
        assertThat(view.rights().mode()).isEqualTo(EditMode.LOCKED);
        assertThat(view.rights().mayEdit()).isFalse();
        assertThat(pages.byDomain(domain)).isEmpty();
        assertThatThrownBy(() -> sources.existing(domain)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> sources.view("not a domain", null)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.problems().getFirst().code()).isEqualTo("source.domain-invalid"));
    }

    @Test
    void aRegularLabelsADomainTheFirstEditMakesItsPageAndTheLabelGoesLive() {
        Account regular = world.person("reg", TrustLevel.REGULAR);
        String domain = SourceFixture.domain("onion");

        WikiService.Saved saved = sources.edit(regular, "WWW." + domain.toUpperCase(), satire(domain), "satire site", null);

        assertThat(saved.live()).isTrue();
        SourceService.SourceView view = sources.view(domain, null);
        assertThat(view.exists()).isTrue();
        assertThat(view.labelling()).isEqualTo(satire(domain));
        assertThat(view.revisionId()).isEqualTo(saved.revision().id());
        assertThat(pages.byDomain(domain).orElseThrow().label()).isEqualTo("satire");
        WikiService.History history = wiki.history(view.ref(), null, 0);
        assertThat(history.entries()).hasSize(1);
        assertThat(history.entries().getFirst().revision().editorId()).isEqualTo(regular.id());
    }

    @Test
    void belowLevelMembersWaitingAndSuspendedPeopleCannotChangeALockedLabel() {
        Account regular = world.person("reg", TrustLevel.REGULAR);
        String fresh = SourceFixture.domain("locked-new");
        String labelled = SourceFixture.domain("locked-old");
        world.label(regular, labelled, "satire");

        for (TrustLevel level : new TrustLevel[] {TrustLevel.NEW, TrustLevel.BASIC, TrustLevel.MEMBER}) {
            Account member = world.person("lvl", level);
            for (String domain : List.of(fresh, labelled)) {
                assertThatThrownBy(() -> sources.edit(member, domain, new Labelling("", "", List.of()), "", null)).as(level + " " + domain)
                        .isInstanceOfSatisfying(Forbidden.class, e -> assertThat(e.code()).isEqualTo("wiki.locked-to-level"));
            }
        }
        Account waiting = world.members.waiting("wait");
        assertThatThrownBy(() -> sources.edit(waiting, fresh, satire(fresh), "", null)).isInstanceOf(Forbidden.class);
        Account suspended = world.person("susp", TrustLevel.LEADER);
        world.members.suspend(suspended);
        Account suspendedNow = world.members.reload(suspended);
        assertThatThrownBy(() -> sources.edit(suspendedNow, labelled, new Labelling("", "", List.of()), "", null))
                .isInstanceOf(Forbidden.class);

        assertThat(pages.byDomain(fresh)).as("a refused edit makes no page").isEmpty();
        assertThat(sources.view(labelled, null).labelling().label()).isEqualTo("satire");
    }

    @Test
    void onlyModeratorsChangeTheModeAndAnOpenedDomainTakesMembersEditsOrQueuesThemUnderReview() {
        Account regular = world.person("reg", TrustLevel.REGULAR);
        Account moderator = world.members.withRole("mod", Role.MODERATOR);
        Account member = world.person("mem", TrustLevel.MEMBER);
        String domain = SourceFixture.domain("modes");
        world.label(regular, domain, "satire");
        var ref = sources.existing(domain);

        assertThatThrownBy(() -> wiki.setMode(regular, ref, EditMode.OPEN)).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> wiki.setMode(member, ref, EditMode.OPEN)).isInstanceOf(Forbidden.class);

        wiki.setMode(moderator, ref, EditMode.OPEN);
        WikiService.Saved open = sources.edit(member, domain, new Labelling("press-release", "Corporate announcements.",
                List.of("https://example.org/press")), "", null);
        assertThat(open.live()).isTrue();
        assertThat(sources.view(domain, null).labelling().label()).isEqualTo("press-release");

        wiki.setMode(moderator, ref, EditMode.REVIEW);
        WikiService.Saved pending = sources.edit(member, domain, satire(domain), "back to satire", null);
        assertThat(pending.live()).isFalse();
        assertThat(sources.view(domain, null).labelling().label()).isEqualTo("press-release");
        assertThatThrownBy(() -> wiki.accept(member, ref, pending.revision().id())).isInstanceOf(Forbidden.class);
        Revision accepted = wiki.accept(regular, ref, pending.revision().id());
        assertThat(accepted.id()).isEqualTo(pending.revision().id());
        assertThat(sources.view(domain, null).labelling().label()).isEqualTo("satire");
    }

    @Test
    void anUnknownLabelALabelWithoutSourceAndBadAddressesAreRefused() {
        Account regular = world.person("reg", TrustLevel.REGULAR);
        String domain = SourceFixture.domain("rules");
        record Case(Labelling labelling, String field, String code) {
        }
        for (Case c : List.of(
                new Case(new Labelling("fake-news", "x", List.of("https://example.org")), "label", "source.label-unknown"),
                new Case(new Labelling("satire", "x", List.of()), "sources", "source.sources-required"),
                new Case(new Labelling("satire", "", List.of("https://example.org")), "justification", "source.justification-required"),
                new Case(new Labelling("satire", "x".repeat(601), List.of("https://example.org")), "justification",
                        "source.justification-too-long"),
                new Case(new Labelling("satire", "x", List.of("javascript:alert(1)")), "sources", "source.sources-invalid"),
                new Case(new Labelling("satire", "x", List.of("https://a.org/1", "https://a.org/2", "https://a.org/3",
                        "https://a.org/4", "https://a.org/5", "https://a.org/6")), "sources", "source.sources-too-many"))) {
            assertThatThrownBy(() -> sources.edit(regular, domain, c.labelling(), "", null)).as(c.code())
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.byField()).containsKey(c.field())
                            .hasEntrySatisfying(c.field(), p -> assertThat(p.code()).isEqualTo(c.code())));
        }
        assertThat(pages.byDomain(domain)).isEmpty();
        // A label's code is read in any case; the label may also be left empty, with or without sources.
        sources.edit(regular, domain, new Labelling(" SATIRE ", "x", List.of("https://example.org")), "", null);
        assertThat(sources.view(domain, null).labelling().label()).isEqualTo("satire");
        sources.edit(regular, domain, new Labelling("", "", List.of()), "no longer", null);
        assertThat(sources.view(domain, null).labelling().labelled()).isFalse();
        assertThat(pages.byDomain(domain).orElseThrow().label()).isNull();
    }

    @Test
    void previewsFindTheLabelsOfAllTheirLinksDomainsAndARevertBringsTheOldLabelBack() {
        Account regular = world.person("reg", TrustLevel.REGULAR);
        String satirical = SourceFixture.domain("sat");
        String state = SourceFixture.domain("state");
        String unlabelled = SourceFixture.domain("none");
        world.label(regular, satirical, "satire");
        world.label(regular, state, "state-affiliated");

        Map<String, SourceTag> found = labels.forLinks(List.of("https://www." + satirical + "/a", "https://news." + satirical + "/b",
                "https://" + state + "/c", "https://" + unlabelled + "/d", "not a link", "http://127.0.0.1/"));
        assertThat(found).containsOnlyKeys("https://www." + satirical + "/a", "https://news." + satirical + "/b", "https://" + state + "/c");
        assertThat(found.get("https://www." + satirical + "/a"))
                .isEqualTo(new SourceTag(satirical, "satire", "Satire", "/sources/" + satirical));
        assertThat(found.get("https://" + state + "/c").label()).isEqualTo("state-affiliated");

        var ref = sources.existing(state);
        long first = sources.view(state, null).revisionId();
        sources.edit(regular, state, new Labelling("", "", List.of()), "mistake", null);
        assertThat(labels.forLinks(List.of("https://" + state + "/c"))).isEmpty();
        wiki.revert(regular, ref, first, "it was right");
        assertThat(labels.forLinks(List.of("https://" + state + "/c"))).containsKey("https://" + state + "/c");
    }

    @Test
    void postsAndTheirSharesCarryTheLabelOfTheirLinksSite() {
        Account regular = world.person("reg", TrustLevel.REGULAR);
        Account ana = world.person("ana", TrustLevel.BASIC);
        String domain = SourceFixture.domain("posted");
        world.label(regular, domain, "satire");
        var group = world.group(ana);
        var linking = world.postLinking(ana, group, "https://www." + domain + "/story", "Man bites dog");
        var plain = world.posts.publish(ana, group.id(), new org.tribune.post.PostService.Draft("", "No link", null));

        List<PostItem> items = reads.byIds(List.of(linking.id(), plain.id()), null);
        PostItem withLink = items.stream().filter(i -> i.post().id() == linking.id()).findFirst().orElseThrow();
        assertThat(withLink.source()).isEqualTo(new SourceTag(domain, "satire", "Satire", "/sources/" + domain));
        assertThat(withLink.preview()).isNotNull();
        assertThat(items.stream().filter(i -> i.post().id() == plain.id()).findFirst().orElseThrow().source()).isNull();
    }
}
