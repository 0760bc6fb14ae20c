package org.tribune.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.tribune.IntegrationTest;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.platform.Forbidden;
import org.tribune.platform.InvalidInput;

/** Newcomers are only ever offered curated groups that someone active moderates, and join only those they choose. */
@IntegrationTest
class CurationTest {
    @Autowired
    Curation curation;
    @Autowired
    GroupService groups;
    @Autowired
    GroupMembers groupMembers;
    @Autowired
    GroupAccess access;
    @Autowired
    Members members;
    @Autowired
    JdbcClient db;
    @Autowired
    org.tribune.platform.cluster.NodeCaches caches;

    private Group group(Account owner, String name, String language, String visibility) {
        return groups.create(owner, new GroupForm(GroupServiceIntegrationTest.slug("cur"), name, "", language, visibility,
                "OPEN", List.of(), false));
    }

    private List<Long> suggested(Account account) {
        return curation.suggestedFor(account, 500).stream().map(Group::id).toList();
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void anUncuratedGroupIsNeverSuggested() {
        Account owner = members.active("own");
        Group busy = group(owner, "Busy but not curated", "en", "PUBLIC");
        Group curated = group(owner, "Curated", "en", "PUBLIC");
        curation.setCurated(curated.slug(), true);

        Account newcomer = members.active("new");
        assertThat(suggested(newcomer)).contains(curated.id()).doesNotContain(busy.id());
        // Naming an unsuggested group does not join it.
        assertThat(curation.joinChosen(newcomer, List.of(busy.slug(), curated.slug()))).extracting(Group::id)
                .containsExactly(curated.id());
        assertThat(access.memberGroupIds(newcomer.id())).contains(curated.id()).doesNotContain(busy.id());
        assertThat(suggested(newcomer)).as("already in it").doesNotContain(curated.id());
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void aCuratedGroupWithoutAnActiveModeratorIsNeverSuggested() {
        Account owner = members.active("gone");
        Group orphan = group(owner, "Orphan", "en", "PUBLIC");
        curation.setCurated(orphan.slug(), true);
        assertThat(suggested(members.active("a"))).contains(orphan.id());

        db.sql("update account set state = 'SUSPENDED' where id = ?").param(owner.id()).update();
        caches.clearHere(); // written behind the application's back

        Account newcomer = members.active("b");
        assertThat(suggested(newcomer)).doesNotContain(orphan.id());
        assertThat(curation.joinChosen(newcomer, List.of(orphan.slug()))).isEmpty();
        assertThat(curation.curated()).filteredOn(c -> c.group().id() == orphan.id())
                .singleElement().satisfies(c -> assertThat(c.moderated()).isFalse());
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void hiddenGroupsAndGroupsOneIsBannedFromAreNotSuggested() {
        Account owner = members.active("own");
        Group hidden = group(owner, "Hidden", "en", "HIDDEN");
        Group banning = group(owner, "Banning", "en", "PUBLIC");
        curation.setCurated(hidden.slug(), true);
        curation.setCurated(banning.slug(), true);
        Account banned = members.active("ban");
        groupMembers.ban(owner, banning.slug(), banned.handle(), "spam");

        assertThat(suggested(banned)).doesNotContain(hidden.id(), banning.id());
        assertThat(suggested(members.active("ok"))).contains(banning.id()).doesNotContain(hidden.id());
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void defaultsComeFirstThenTheNewcomersLanguage() {
        Account owner = members.active("own");
        Group french = group(owner, "Français", "fr", "PUBLIC");
        Group english = group(owner, "English", "en", "PUBLIC");
        Group offered = group(owner, "Offered first", "en", "PUBLIC");
        for (Group g : List.of(french, english, offered)) {
            curation.setCurated(g.slug(), true);
        }
        groups.setDefault(offered.slug(), true, false);
        try {
            Account newcomer = members.active("fr");
            db.sql("update account set locale = 'fr' where id = ?").param(newcomer.id()).update();
            caches.clearHere(); // written behind the application's back
            List<Long> order = suggested(members.reload(newcomer)).stream()
                    .filter(id -> List.of(french.id(), english.id(), offered.id()).contains(id)).toList();
            assertThat(order).containsExactly(offered.id(), french.id(), english.id());
        } finally {
            groups.setDefault(offered.slug(), false, false);
        }
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void onlyACuratedGroupCanBeADefault() {
        Group plain = group(members.active("own"), "Plain", "en", "PUBLIC");
        assertThatThrownBy(() -> groups.setDefault(plain.slug(), true, false))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems().getFirst().code())
                        .isEqualTo("group.default-needs-curated"));
    }

    @Test
    @WithMockUser(roles = "MEMBER")
    void aMemberCannotCurate() {
        Group plain = group(members.active("own"), "Plain", "en", "PUBLIC");
        assertThatThrownBy(() -> curation.setCurated(plain.slug(), true)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> curation.curated()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aWaitingPersonCannotJoinThroughSuggestions() {
        assertThatThrownBy(() -> curation.joinChosen(members.waiting("wait"), List.of("anything")))
                .isInstanceOf(Forbidden.class);
    }
}
