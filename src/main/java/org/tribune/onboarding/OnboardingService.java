package org.tribune.onboarding;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tribune.account.Account;
import org.tribune.account.AccountActivated;
import org.tribune.account.AccountService;
import org.tribune.account.PrivacySettings;
import org.tribune.follow.FollowService;
import org.tribune.group.Curation;
import org.tribune.group.Group;
import org.tribune.group.GroupAccess;
import org.tribune.platform.Forbidden;
import org.tribune.post.PostItem;
import org.tribune.post.PostReads;
import org.tribune.safety.SafetyService;

/**
 * Onboarding's use cases. It starts when an account becomes a member: their home page then opens with it, and keeps
 * offering to continue until they finish or leave it. Every step is optional; none stands between them and the site.
 */
@Service
public class OnboardingService {
    /** Groups and people offered on their screens. */
    static final int GROUPS_OFFERED = 8;
    static final int PEOPLE_OFFERED = 8;
    /** Whose posts count as recent activity when looking for people to follow. */
    private static final Duration ACTIVE_WITHIN = Duration.ofDays(14);
    private static final int POSTS_LOOKED_AT = 200;

    private final Onboardings onboardings;
    private final Curation curation;
    private final GroupAccess groups;
    private final PostReads posts;
    private final FollowService follows;
    private final SafetyService safety;
    private final AccountService accounts;
    private final Clock clock;

    OnboardingService(Onboardings onboardings, Curation curation, GroupAccess groups, PostReads posts,
            FollowService follows, SafetyService safety, AccountService accounts, Clock clock) {
        this.onboardings = onboardings;
        this.curation = curation;
        this.groups = groups;
        this.posts = posts;
        this.follows = follows;
        this.safety = safety;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Admitted: their first steps are waiting for them (in the transaction that makes them a member). */
    @EventListener
    void on(AccountActivated event) {
        onboardings.start(event.accountId(), clock.instant());
    }

    /** A new member who has not opened onboarding yet: their home page opens with it. */
    public boolean landsOnIt(long accountId) {
        return onboardings.of(accountId).map(o -> o.seenAt() == null && !o.finished()).orElse(false);
    }

    /** Their progress; empty for members admitted before onboarding existed who never opened it. */
    public Optional<Onboarding> progress(long accountId) {
        return onboardings.of(accountId);
    }

    /** Where they resume: the furthest screen they opened (the first for someone who never started). */
    public Step resumeAt(Account member) {
        requireMember(member);
        return onboardings.of(member.id()).filter(o -> !o.finished()).map(Onboarding::step).orElse(Step.LANGUAGE);
    }

    /** Opens a screen. Any member may go through onboarding, even one admitted before it existed, or again. */
    @Transactional
    public void open(Account member, Step step) {
        requireMember(member);
        onboardings.start(member.id(), clock.instant());
        onboardings.reached(member.id(), step, clock.instant());
    }

    @Transactional
    public void agreeToConduct(Account member) {
        requireMember(member);
        onboardings.start(member.id(), clock.instant());
        onboardings.agreeToConduct(member.id(), clock.instant());
    }

    /** Finished, or left for good: the home page stops offering it. */
    @Transactional
    public void finish(Account member) {
        requireMember(member);
        onboardings.start(member.id(), clock.instant());
        onboardings.finish(member.id(), clock.instant());
    }

    /** Topic groups to offer: curated by administrators and moderated (see {@link Curation}). */
    public List<Group> suggestedGroups(Account member) {
        requireMember(member);
        return curation.suggestedFor(member, GROUPS_OFFERED);
    }

    @Transactional
    public List<Group> joinGroups(Account member, List<String> slugs) {
        requireMember(member);
        return curation.joinChosen(member, slugs);
    }

    /**
     * People to follow: authors of recent posts in the member's groups and in active public groups who let members
     * find them ("let people find me"), are active, are not already followed, and are on neither side of a block or a
     * mute with the member. Those of the member's own groups first (the groups they just chose), then the others;
     * most recently active first in each.
     */
    public List<Account> suggestedPeople(Account member) {
        requireMember(member);
        Set<Long> own = new HashSet<>(groups.memberGroupIds(member.id()));
        Set<Long> others = new HashSet<>(groups.activePublicGroupIdsFor(member.id(), clock.instant().minus(ACTIVE_WITHIN), 50));
        others.removeAll(own);
        if (own.isEmpty() && others.isEmpty()) {
            return List.of();
        }
        Set<Long> excluded = new HashSet<>(follows.followeeIds(member.id()));
        excluded.add(member.id());
        excluded.addAll(safety.hiddenAuthors(member.id()));
        excluded.addAll(safety.blockedEitherWay(member.id()));
        // Asked apart, so that the busy public groups never push the member's own groups' people off the list.
        Map<Long, Account> authors = new LinkedHashMap<>();
        recentAuthors(own, member, excluded, authors);
        recentAuthors(others, member, excluded, authors);
        Map<Long, PrivacySettings> privacy = accounts.privacy(authors.keySet());
        List<Account> people = new ArrayList<>();
        for (Account author : authors.values()) {
            PrivacySettings settings = privacy.getOrDefault(author.id(), PrivacySettings.DEFAULTS);
            if (settings.findable() && people.size() < PEOPLE_OFFERED) {
                people.add(author);
            }
        }
        return people;
    }

    /** Adds the active authors of recent posts in these groups, most recent first, to those already found. */
    private void recentAuthors(Set<Long> groupIds, Account member, Set<Long> excluded, Map<Long, Account> found) {
        if (groupIds.isEmpty()) {
            return;
        }
        for (PostItem item : posts.newest(new PostReads.Sources(groupIds, Set.of(), Set.of()), Long.MAX_VALUE,
                POSTS_LOOKED_AT, member.id()).items()) {
            Account author = item.author();
            if (author != null && author.isActive() && !excluded.contains(author.id())
                    && item.post().createdAt().isAfter(clock.instant().minus(ACTIVE_WITHIN))) {
                found.putIfAbsent(author.id(), author);
            }
        }
    }

    /** Follows those of the chosen people who were offered; anyone else named is ignored. */
    @Transactional
    public int follow(Account member, List<String> handles) {
        Set<String> chosen = new HashSet<>(handles.stream().limit(50).map(h -> h.toLowerCase(java.util.Locale.ROOT)).toList());
        int followed = 0;
        for (Account person : suggestedPeople(member)) {
            if (chosen.contains(person.handle().toLowerCase(java.util.Locale.ROOT)) && follows.follow(member, person.handle())) {
                followed++;
            }
        }
        return followed;
    }

    private static void requireMember(Account account) {
        if (account == null || !account.isActive()) {
            throw new Forbidden("onboarding.members-only");
        }
    }
}
