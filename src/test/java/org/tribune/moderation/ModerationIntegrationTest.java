package org.tribune.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.account.AccountState;
import org.tribune.account.Members;
import org.tribune.account.Role;
import org.tribune.account.TokenService;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupService;
import org.tribune.notes.NoteService;
import org.tribune.platform.Conflict;
import org.tribune.platform.Forbidden;
import org.tribune.platform.NotFound;
import org.tribune.platform.TooManyRequests;
import org.tribune.post.Comment;
import org.tribune.post.Post;
import org.tribune.post.PostReads;
import org.tribune.post.PostService;
import org.tribune.trust.TrustFixture;
import org.tribune.trust.TrustLevel;
import org.tribune.trust.TrustLevels;

import tools.jackson.databind.JsonNode;

@IntegrationTest
class ModerationIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    TrustLevels trust;
    @Autowired
    PostService posts;
    @Autowired
    PostReads reads;
    @Autowired
    FlagService flags;
    @Autowired
    ModerationService moderation;
    @Autowired
    Flags flagTable;
    @Autowired
    GroupService groups;
    @Autowired
    GroupJoining groupJoining;
    @Autowired
    AccountService accounts;
    @Autowired
    NoteService notes;
    @Autowired
    TokenService tokens;

    Account withLevel(String prefix, TrustLevel level) {
        Account account = members.active(prefix);
        TrustFixture.set(trust, account.id(), level);
        return account;
    }

    String bearer(Account account) {
        return "Bearer " + tokens.createFor(account.id(), "test");
    }

    Post post(Account author, String body) {
        return posts.publish(author, null, new PostService.Draft("", body, null));
    }

    @Test
    void threeMembersFlaggingSpamHideItAndTheLogSaysSoWithoutNamingThem() {
        Account author = withLevel("spammer", TrustLevel.BASIC);
        Post spam = post(author, "Buy cheap watches at spam.example");
        List<Account> flaggers = List.of(withLevel("fa", TrustLevel.BASIC), withLevel("fb", TrustLevel.BASIC),
                withLevel("fc", TrustLevel.MEMBER));
        assertThat(flags.flag(flaggers.get(0), TargetKind.POST, spam.id(), FlagReason.SPAM)).isEqualTo(FlagService.Outcome.FLAGGED);
        assertThat(flags.flag(flaggers.get(1), TargetKind.POST, spam.id(), FlagReason.SPAM)).isEqualTo(FlagService.Outcome.FLAGGED);
        assertThat(posts.isHidden(spam.id())).isFalse();
        assertThat(flags.flag(flaggers.get(2), TargetKind.POST, spam.id(), FlagReason.SPAM)).isEqualTo(FlagService.Outcome.HIDDEN);

        // Gone for readers, still there, marked, for its author.
        Account reader = members.active("reader");
        assertThatThrownBy(() -> posts.read(spam.id(), reader.id())).isInstanceOf(NotFound.class);
        assertThat(reads.byIds(List.of(spam.id()), reader.id())).isEmpty();
        assertThat(reads.byIds(List.of(spam.id()), author.id())).singleElement().matches(i -> i.hidden());
        WebClient visitor = new WebClient(port);
        assertThat(visitor.get("/p/" + spam.id()).status()).isEqualTo(404);
        assertThat(visitor.get("/api/v1/posts/" + spam.id()).status()).isEqualTo(404);
        assertThat(visitor.get("/@" + author.handle()).body()).doesNotContain("cheap watches");
        WebClient authors = new WebClient(port);
        authors.login(author.email(), Members.PASSWORD);
        assertThat(authors.get("/p/" + spam.id()).body()).contains("cheap watches").contains("hidden-marker");

        String log = visitor.get("/moderation/log").body();
        assertThat(log).contains("action-").contains("Post hidden").contains("Community flags");
        for (Account flagger : flaggers) {
            assertThat(log).doesNotContain(flagger.handle());
        }
        JsonNode entries = visitor.get("/api/v1/moderation/log").json();
        assertThat(entries.toString()).contains("\"action\":\"hide\"").contains("\"rule\":\"spam\"");
        for (Account flagger : flaggers) {
            assertThat(entries.toString()).doesNotContain(flagger.handle()).doesNotContain(Long.toString(flagger.id()));
        }
        // Hidden, it is not even found by others, let alone flagged again.
        assertThatThrownBy(() -> flags.flag(withLevel("late", TrustLevel.BASIC), TargetKind.POST, spam.id(), FlagReason.SPAM))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void newcomersCannotFlagNorTheirOwnContent() {
        Account author = withLevel("author", TrustLevel.BASIC);
        Post post = post(author, "Hello");
        Account newcomer = withLevel("newcomer", TrustLevel.NEW);
        assertThatThrownBy(() -> flags.flag(newcomer, TargetKind.POST, post.id(), FlagReason.SPAM)).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> flags.flag(author, TargetKind.POST, post.id(), FlagReason.SPAM)).isInstanceOf(Forbidden.class);
        WebClient api = new WebClient(port);
        assertThat(api.postJson("/api/v1/posts/" + post.id() + "/flags", Map.of("reason", "spam"),
                "Authorization", bearer(newcomer)).status()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/posts/" + post.id() + "/flags", Map.of("reason", "spam")).status()).isEqualTo(401);
        assertThat(api.postJson("/api/v1/posts/" + post.id() + "/flags", Map.of("reason", "boring"),
                "Authorization", bearer(withLevel("basic", TrustLevel.BASIC))).status()).isEqualTo(400);
    }

    @Test
    void aRegularFlaggingANewcomerOrALeaderFlaggingAnyoneHidesAtOnce() {
        Account newcomer = withLevel("fresh", TrustLevel.NEW);
        Post first = post(newcomer, "First post");
        assertThat(flags.flag(withLevel("member", TrustLevel.MEMBER), TargetKind.POST, first.id(), FlagReason.HARASSMENT))
                .isEqualTo(FlagService.Outcome.FLAGGED);
        assertThat(flags.flag(withLevel("regular", TrustLevel.REGULAR), TargetKind.POST, first.id(), FlagReason.HARASSMENT))
                .isEqualTo(FlagService.Outcome.HIDDEN);

        Account member = withLevel("member", TrustLevel.MEMBER);
        Post other = post(member, "Member post");
        assertThat(flags.flag(withLevel("regular", TrustLevel.REGULAR), TargetKind.POST, other.id(), FlagReason.OFF_TOPIC))
                .isEqualTo(FlagService.Outcome.FLAGGED);
        assertThat(flags.flag(withLevel("leader", TrustLevel.LEADER), TargetKind.POST, other.id(), FlagReason.OFF_TOPIC))
                .isEqualTo(FlagService.Outcome.HIDDEN);

        Post third = post(member, "Another");
        Account siteModerator = members.withRole("mod", Role.MODERATOR);
        assertThat(flags.flag(siteModerator, TargetKind.POST, third.id(), FlagReason.ILLEGAL)).isEqualTo(FlagService.Outcome.HIDDEN);
    }

    @Test
    void needsContextNeverHidesAndOffersThePostToNoteWriters() {
        Account author = withLevel("claimer", TrustLevel.BASIC);
        Post post = post(author, "The moon is made of cheese");
        for (int i = 0; i < 4; i++) {
            assertThat(flags.flag(withLevel("asker", TrustLevel.LEADER), TargetKind.POST, post.id(), FlagReason.NEEDS_CONTEXT))
                    .isEqualTo(FlagService.Outcome.CONTEXT_REQUESTED);
        }
        assertThat(posts.isHidden(post.id())).isFalse();
        Account rater = withLevel("rater", TrustLevel.BASIC);
        assertThat(notes.requestedContext(rater, 500)).extracting(Post::id).contains(post.id());
        assertThat(moderation.queue(members.withRole("mod", Role.MODERATOR)))
                .noneMatch(i -> i.post().id() == post.id());
    }

    @Test
    void flagsAreLimitedPerDayByLevel() {
        Account author = withLevel("prolific", TrustLevel.BASIC);
        Account flagger = withLevel("eager", TrustLevel.BASIC);
        for (int i = 0; i < 20; i++) {
            flags.flag(flagger, TargetKind.POST, post(author, "Post " + i).id(), FlagReason.OFF_TOPIC);
        }
        Post one = post(author, "One more");
        assertThatThrownBy(() -> flags.flag(flagger, TargetKind.POST, one.id(), FlagReason.OFF_TOPIC))
                .isInstanceOf(TooManyRequests.class);
        TrustFixture.set(trust, flagger.id(), TrustLevel.MEMBER); // 30 a day at level 2
        assertThat(flags.flag(flagger, TargetKind.POST, one.id(), FlagReason.OFF_TOPIC)).isEqualTo(FlagService.Outcome.FLAGGED);
    }

    @Test
    void moderatorsDisagreeingRestoreContentAndLowerTheFlaggersWeightSoTheyNoLongerHideAlone() {
        Account author = withLevel("victim", TrustLevel.BASIC);
        Post post = post(author, "An unpopular opinion");
        List<Account> brigade = List.of(withLevel("ba", TrustLevel.BASIC), withLevel("bb", TrustLevel.BASIC),
                withLevel("bc", TrustLevel.BASIC));
        brigade.forEach(b -> flags.flag(b, TargetKind.POST, post.id(), FlagReason.HARASSMENT));
        assertThat(posts.isHidden(post.id())).isTrue();
        Account moderator = members.withRole("mod", Role.MODERATOR);
        assertThat(moderation.queue(moderator)).anyMatch(i -> i.post().id() == post.id() && i.flaggers() == 3 && i.hidden());

        ModerationAction restored = moderation.decide(moderator, TargetKind.POST, post.id(), false, "none", "Not harassment");
        assertThat(restored.action()).isEqualTo(ModerationAction.Action.RESTORE);
        assertThat(posts.isHidden(post.id())).isFalse();
        assertThat(flagTable.record(brigade.get(0).id())).containsExactly(0, 1);
        assertThat(FlagService.weight(0, 1)).isEqualTo(1.0 / 3);

        // The same three, now weighing 1/3 each, no longer hide a post by themselves.
        Post next = post(author, "Another unpopular opinion");
        brigade.forEach(b -> flags.flag(b, TargetKind.POST, next.id(), FlagReason.HARASSMENT));
        assertThat(posts.isHidden(next.id())).isFalse();
        // Restored content cannot be flagged again for 24 hours.
        assertThatThrownBy(() -> flags.flag(withLevel("again", TrustLevel.BASIC), TargetKind.POST, post.id(), FlagReason.SPAM))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void flagWeightsOfSeveralFlaggersAddUpTheirOwnRecords() {
        Account accurate = withLevel("wa", TrustLevel.BASIC);
        Account wrong = withLevel("wb", TrustLevel.BASIC);
        Account fresh = withLevel("wc", TrustLevel.BASIC);
        // The first count inserts the record, the next ones add to it.
        flagTable.count(accurate.id(), true);
        flagTable.count(accurate.id(), true);
        flagTable.count(accurate.id(), false);
        for (int i = 0; i < 3; i++) {
            flagTable.count(wrong.id(), false);
        }
        assertThat(flagTable.record(accurate.id())).containsExactly(2, 1);
        assertThat(flagTable.record(wrong.id())).containsExactly(0, 3);
        assertThat(flagTable.record(fresh.id())).containsExactly(0, 0);

        double expected = FlagService.weight(2, 1) + FlagService.weight(0, 3) + FlagService.weight(0, 0);
        assertThat(flagTable.weightOf(java.util.Set.of(accurate.id(), wrong.id(), fresh.id())))
                .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(flagTable.weightOf(List.of(wrong.id()))).isCloseTo(FlagService.weight(0, 3),
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(flagTable.weightOf(List.of())).isZero();
    }

    @Test
    void groupModeratorsSeeTheirGroupsOnlyAndMembersNothing() {
        Account owner = withLevel("owner", TrustLevel.BASIC);
        Group group = groups.create(owner, new GroupForm("mod-" + Long.toString(System.nanoTime(), 36), "Moderated", "",
                "en", "PUBLIC", "OPEN", List.of(), false));
        Account member = withLevel("gmember", TrustLevel.BASIC);
        groupJoining.join(member, group.slug(), List.of());
        Post inGroup = posts.publish(member, group.id(), new PostService.Draft("", "Group spam", null));
        Post elsewhere = post(member, "Profile spam");
        Account flagger = withLevel("gflagger", TrustLevel.BASIC);
        flags.flag(flagger, TargetKind.POST, inGroup.id(), FlagReason.SPAM);
        flags.flag(flagger, TargetKind.POST, elsewhere.id(), FlagReason.SPAM);

        assertThat(moderation.queue(owner)).extracting(i -> i.post().id()).contains(inGroup.id()).doesNotContain(elsewhere.id());
        assertThatThrownBy(() -> moderation.queue(member)).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> moderation.decide(owner, TargetKind.POST, elsewhere.id(), true, "spam", ""))
                .isInstanceOf(Forbidden.class);
        ModerationAction removed = moderation.decide(owner, TargetKind.POST, inGroup.id(), true, "spam", "Advertising");
        assertThat(removed.role()).isEqualTo(Moderators.GROUP_MODERATOR);
        assertThat(posts.isHidden(inGroup.id())).isTrue();
        assertThat(flagTable.record(flagger.id())[0]).isEqualTo(1);
        WebClient api = new WebClient(port);
        assertThat(api.get("/api/v1/moderation/queue", "Authorization", bearer(member)).status()).isEqualTo(403);

        ModerationAction ban = moderation.ban(owner, group.slug(), member.handle(), 3, "spam", "");
        assertThat(ban.until()).isNotNull();
        assertThatThrownBy(() -> groupJoining.join(member, group.slug(), List.of())).isInstanceOf(RuntimeException.class);
        assertThat(moderation.lift(ban.id(), owner)).isTrue();
        groupJoining.join(member, group.slug(), List.of());
    }

    @Test
    void anAppealGoesToAnotherModeratorWhoMayReverseIt() {
        Account author = withLevel("appellant", TrustLevel.BASIC);
        Post post = post(author, "Satire, not spam");
        flags.flag(withLevel("f", TrustLevel.BASIC), TargetKind.POST, post.id(), FlagReason.SPAM);
        Account first = members.withRole("first", Role.MODERATOR);
        Account second = members.withRole("second", Role.MODERATOR);
        ModerationAction removed = moderation.decide(first, TargetKind.POST, post.id(), true, "spam", "");
        assertThat(posts.isHidden(post.id())).isTrue();

        assertThatThrownBy(() -> moderation.appeal(withLevel("stranger", TrustLevel.BASIC), removed.id(), "Why?"))
                .isInstanceOf(NotFound.class);
        Appeal appeal = moderation.appeal(author, removed.id(), "It is satire.");
        assertThatThrownBy(() -> moderation.appeal(author, removed.id(), "Again")).isInstanceOf(Conflict.class);

        assertThat(moderation.appeals(first)).noneMatch(c -> c.appeal().id() == appeal.id());
        assertThatThrownBy(() -> moderation.decideAppeal(first, appeal.id(), true, "")).isInstanceOf(Forbidden.class);
        assertThat(moderation.appeals(second)).anyMatch(c -> c.appeal().id() == appeal.id());
        ModerationAction reversed = moderation.decideAppeal(second, appeal.id(), true, "Satire is allowed");
        assertThat(reversed.action()).isEqualTo(ModerationAction.Action.APPEAL_REVERSED);
        assertThat(reversed.appealOf()).isEqualTo(removed.id());
        assertThat(posts.isHidden(post.id())).isFalse();
        assertThatThrownBy(() -> moderation.decideAppeal(second, appeal.id(), false, "")).isInstanceOf(Conflict.class);
    }

    @Test
    void siteModeratorsSuspendForADurationAndOthersCannot() {
        Account troll = withLevel("troll", TrustLevel.BASIC);
        Account groupOwner = withLevel("gowner", TrustLevel.LEADER);
        assertThatThrownBy(() -> moderation.suspend(groupOwner, troll.handle(), 7, "conduct-1", "")).isInstanceOf(Forbidden.class);
        Account moderator = members.withRole("mod", Role.MODERATOR);
        ModerationAction suspension = moderation.suspend(moderator, troll.handle(), 7, "conduct-1", "Insults");
        assertThat(accounts.byId(troll.id()).orElseThrow().state()).isEqualTo(AccountState.SUSPENDED);
        assertThat(moderation.about(troll)).extracting(ModerationAction::id).contains(suspension.id());
        assertThat(new WebClient(port).get("/moderation/log").body()).contains("@" + troll.handle()).contains("@" + moderator.handle());
        assertThat(moderation.lift(suspension.id(), moderator)).isTrue();
        assertThat(accounts.byId(troll.id()).orElseThrow().state()).isEqualTo(AccountState.ACTIVE);
        assertThatThrownBy(() -> moderation.suspend(moderator, troll.handle(), 0, "conduct-1", "")).isInstanceOf(
                org.tribune.platform.InvalidInput.class);
    }

    @Test
    void regularsAndModeratorsLockDiscussionsOthersCannot() {
        Account author = withLevel("talker", TrustLevel.BASIC);
        Post post = post(author, "Heated topic");
        assertThatThrownBy(() -> moderation.lock(withLevel("member", TrustLevel.MEMBER), post.id(), true, ""))
                .isInstanceOf(Forbidden.class);
        moderation.lock(withLevel("regular", TrustLevel.REGULAR), post.id(), true, "Going in circles");
        assertThatThrownBy(() -> posts.comment(withLevel("late", TrustLevel.BASIC), post.id(), "One more thing", null))
                .isInstanceOf(Forbidden.class);
        assertThat(new WebClient(port).get("/p/" + post.id()).body()).contains("This discussion is locked");
        moderation.lock(members.withRole("mod", Role.MODERATOR), post.id(), false, "");
        assertThat(posts.comment(author, post.id(), "Back", null)).isNotNull();
    }

    @Test
    void commentsAreFlaggedAndHiddenToo() {
        Account author = withLevel("poster", TrustLevel.BASIC);
        Post post = post(author, "Topic");
        Account rude = withLevel("rude", TrustLevel.NEW);
        Comment comment = posts.comment(rude, post.id(), "You are an idiot", null);
        assertThat(flags.flag(withLevel("regular", TrustLevel.REGULAR), TargetKind.COMMENT, comment.id(), FlagReason.HARASSMENT))
                .isEqualTo(FlagService.Outcome.HIDDEN);
        assertThat(posts.comments(post.id(), author.id(), 0, 100)).noneMatch(c -> c.id() == comment.id());
        assertThat(posts.comments(post.id(), rude.id(), 0, 100)).anyMatch(c -> c.id() == comment.id());
        assertThat(new WebClient(port).get("/p/" + post.id()).body()).doesNotContain("You are an idiot");
    }

    @Test
    void privateGroupEntriesOfTheLogAreForItsMembersOnly() {
        Account owner = withLevel("powner", TrustLevel.BASIC);
        Group group = groups.create(owner, new GroupForm("priv-" + Long.toString(System.nanoTime(), 36), "Secret circle", "",
                "en", "PRIVATE", "OPEN", List.of(), false));
        Post post = posts.publish(owner, group.id(), new PostService.Draft("", "Secret", null));
        Account member = withLevel("pmember", TrustLevel.LEADER);
        groupJoining.join(member, group.slug(), List.of());
        assertThat(flags.flag(member, TargetKind.POST, post.id(), FlagReason.OFF_TOPIC)).isEqualTo(FlagService.Outcome.HIDDEN);
        Account outsider = withLevel("poutsider", TrustLevel.LEADER);
        assertThatThrownBy(() -> flags.flag(outsider, TargetKind.POST, post.id(), FlagReason.SPAM)).isInstanceOf(NotFound.class);
        assertThat(moderation.log(outsider.id(), Long.MAX_VALUE, 500)).noneMatch(e -> post.id() == e.action().postId());
        assertThat(moderation.log(null, Long.MAX_VALUE, 500)).noneMatch(e -> post.id() == e.action().postId());
        assertThat(moderation.log(owner.id(), Long.MAX_VALUE, 500)).anyMatch(e -> post.id() == e.action().postId());
        assertThat(moderation.queue(members.withRole("mod", Role.MODERATOR))).noneMatch(i -> false);
    }

    @Autowired
    List<org.tribune.platform.personaldata.PersonalData> personalData;

    /** What a person's export would hold, category → records. */
    Map<String, List<? extends Map<String, ?>>> exportOf(long accountId) {
        Map<String, List<? extends Map<String, ?>>> out = new java.util.HashMap<>();
        personalData.forEach(p -> p.export(accountId, new org.tribune.platform.personaldata.ExportWriter() {
            @Override
            public void records(String category, List<? extends Map<String, ?>> records) {
                out.put(category, records);
            }

            @Override
            public void media(String path, byte[] content) {
            }
        }));
        return out;
    }

    @Test
    void flagsFiledAreTheFlaggersDataAndFlagsAgainstSomeoneNeverNameTheFlagger() {
        Account author = withLevel("flagged", TrustLevel.BASIC);
        Post post = post(author, "Contested");
        Account flagger = withLevel("reporter", TrustLevel.BASIC);
        flags.flag(flagger, TargetKind.POST, post.id(), FlagReason.OFF_TOPIC);
        moderation.decide(members.withRole("mod", Role.MODERATOR), TargetKind.POST, post.id(), true, "off-topic", "");

        var mine = exportOf(flagger.id());
        assertThat(mine.get("flags-filed")).singleElement().satisfies(r -> assertThat(r.get("reason")).isEqualTo("off-topic"));
        var theirs = exportOf(author.id());
        assertThat(theirs.get("flags-filed")).isEmpty();
        assertThat(theirs.get("moderation-decisions")).hasSize(1);
        assertThat(theirs.toString()).doesNotContain(flagger.handle()).doesNotContain(Long.toString(flagger.id()));
        ModerationPersonalData data = personalData.stream().filter(ModerationPersonalData.class::isInstance)
                .map(ModerationPersonalData.class::cast).findFirst().orElseThrow();
        assertThat(data.counts(flagger.id())).containsEntry("flags-filed", 1L);
        data.erase(flagger.id(), new org.tribune.platform.personaldata.Erasure(false));
        assertThat(data.counts(flagger.id())).containsEntry("flags-filed", 0L);
    }

    @Test
    void theFlagPagesWorkInBothLanguagesWithCsrf() {
        Account author = withLevel("webauthor", TrustLevel.BASIC);
        Post post = post(author, "Web post");
        Account flagger = withLevel("webflagger", TrustLevel.BASIC);
        WebClient browser = new WebClient(port);
        browser.login(flagger.email(), Members.PASSWORD);
        assertThat(browser.get("/p/" + post.id() + "/flag").body()).contains("name=\"reason\"").contains("value=\"needs-context\"");
        assertThat(browser.postWithoutCsrf("/p/" + post.id() + "/flag", "reason", "spam").status()).isEqualTo(403);
        var flagged = browser.post("/p/" + post.id() + "/flag", "reason", "spam");
        assertThat(flagged.status()).isEqualTo(302);
        assertThat(browser.get("/moderation/queue").status()).isEqualTo(403);
        assertThat(new WebClient(port).get("/moderation/log", "Accept-Language", "fr").body()).contains("Journal de modération");
    }
}
