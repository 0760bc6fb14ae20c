package org.tribune.group;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.account.AccountState;
import org.tribune.platform.Forbidden;
import org.tribune.platform.NotFound;

/**
 * Which groups newcomers are offered. Only groups an administrator marked as curated <em>and</em> that have at least
 * one active moderator are ever suggested, and nobody is put in a group without choosing it: the first network of
 * this kind auto-joined newcomers to groups an impersonator then spammed.
 */
@Service
public class Curation {
    /** How many curated groups are looked at before filtering; far more than a newcomer is shown. */
    private static final int CANDIDATES = 200;

    private final Groups groups;
    private final Memberships memberships;
    private final AccountService accounts;
    private final GroupService service;

    Curation(Groups groups, Memberships memberships, AccountService accounts, GroupService service) {
        this.groups = groups;
        this.memberships = memberships;
        this.accounts = accounts;
        this.service = service;
    }

    /** A curated group as administrators see it: whether it is offered first, and whether anyone active moderates it. */
    public record CuratedGroup(Group group, boolean moderated) {
    }

    @PreAuthorize("hasRole('ADMIN')")
    public List<CuratedGroup> curated() {
        List<Group> list = groups.curated(CANDIDATES);
        Set<Long> moderated = moderated(list);
        return list.stream().map(g -> new CuratedGroup(g, moderated.contains(g.id()))).toList();
    }

    /** Marks a group as curated or not; a group that stops being curated stops being a default too. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void setCurated(String slug, boolean curated) {
        Group group = groups.bySlug(slug == null ? "" : slug.strip()).orElseThrow(() -> new NotFound("group"));
        groups.setCurated(group.id(), curated);
        if (!curated && group.isDefault()) {
            groups.setDefault(group.id(), false);
        }
    }

    /**
     * Groups to offer this person: curated, listed, moderated by at least one active account, which they are neither
     * in nor banned from. Defaults first, then those in their language, then the most recently active.
     */
    public List<Group> suggestedFor(Account account, int limit) {
        Set<Long> mine = Set.copyOf(memberships.groupIdsOf(account.id()));
        List<Group> candidates = groups.curated(CANDIDATES).stream()
                .filter(g -> !mine.contains(g.id()) && !memberships.isBanned(g.id(), account.id())).toList();
        Set<Long> moderated = moderated(candidates);
        List<Group> offered = new ArrayList<>(candidates.stream().filter(g -> moderated.contains(g.id())).toList());
        // Stable sort: within each rank the most recently active stay first.
        offered.sort(Comparator.comparing((Group g) -> !g.isDefault())
                .thenComparing(g -> !g.language().equalsIgnoreCase(account.language().getLanguage())));
        return offered.subList(0, Math.min(limit, offered.size()));
    }

    /**
     * Joins the groups a new member chose among their suggestions; anything else they name is ignored (a suggestion
     * is the only way in that skips a group's join policy).
     *
     * @return the groups joined
     */
    @Transactional
    public List<Group> joinChosen(Account account, List<String> slugs) {
        if (account.state() != AccountState.ACTIVE) {
            throw new Forbidden("group.active-members-only");
        }
        Set<String> chosen = Set.copyOf(slugs.stream().limit(50).map(Groups::key).toList());
        List<Group> joined = new ArrayList<>();
        for (Group g : suggestedFor(account, CANDIDATES)) {
            if (chosen.contains(Groups.key(g.slug()))) {
                service.joinChosen(g.id(), account.id());
                joined.add(g);
            }
        }
        return joined;
    }

    /** Of these groups, those with at least one owner or moderator whose account is active. */
    private Set<Long> moderated(List<Group> list) {
        Map<Long, List<Long>> moderators = memberships.moderatorIds(list.stream().map(Group::id).toList());
        Set<Long> all = new java.util.HashSet<>();
        moderators.values().forEach(all::addAll);
        Map<Long, Account> byId = accounts.byIds(all);
        Set<Long> moderated = new java.util.HashSet<>();
        moderators.forEach((group, ids) -> {
            if (ids.stream().map(byId::get).anyMatch(a -> a != null && a.state() == AccountState.ACTIVE)) {
                moderated.add(group);
            }
        });
        return moderated;
    }
}
