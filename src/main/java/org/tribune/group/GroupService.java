package org.tribune.group;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tribune.account.Account;
import org.tribune.account.AccountState;
import org.tribune.media.MediaService;
import org.tribune.media.Picture;
import org.tribune.media.PictureUse;
import org.tribune.platform.Forbidden;
import org.tribune.platform.Ids;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.NotFound;
import org.tribune.platform.RateLimiter;

/** The group use cases. Each decides who may do it; refusals say why, and hidden groups answer "not found". */
@Service
public class GroupService {
    public static final int PAGE_SIZE = 30;

    /** How to order the directory. */
    public enum Sort { MEMBERS, ACTIVITY }

    /** How precisely a group's last activity is kept. */
    static final Duration ACTIVITY_GRAIN = Duration.ofMinutes(1);

    private final Groups groups;
    private final Memberships memberships;
    private final GroupAccess access;
    private final RateLimiter limiter;
    private final ApplicationEventPublisher events;
    private final Ids ids;
    private final Clock clock;
    private final RateLimiter.Limit creations;

    private final MediaService media;

    GroupService(Groups groups, Memberships memberships, GroupAccess access,
            RateLimiter limiter, ApplicationEventPublisher events, Ids ids, Clock clock, MediaService media,
            @Value("${tribune.limits.groups-per-day:5}") int groupsPerDay) {
        this.media = media;
        this.groups = groups;
        this.memberships = memberships;
        this.access = access;
        this.limiter = limiter;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
        this.creations = new RateLimiter.Limit("group-create", groupsPerDay, Duration.ofDays(1));
    }

    @Transactional
    public Group create(Account creator, GroupForm form) {
        requireActive(creator);
        InvalidInput.Collector errors = new InvalidInput.Collector();
        GroupRules.check(errors, form, true);
        if (!errors.has("slug") && groups.slugTaken(form.slug())) {
            errors.add("slug", "group.slug-taken");
        }
        errors.throwIfAny();
        limiter.consume(creations, Long.toString(creator.id()));
        Instant now = clock.instant();
        Group group = new Group(ids.next(), form.slug().trim(), form.name().strip(), description(form),
                form.language(), GroupRules.parse(Visibility.class, form.visibility()),
                GroupRules.parse(JoinPolicy.class, form.joinPolicy()), form.joinQuestions(),
                form.moderatorsOnlyPosting(), false, 0, now, now);
        try {
            groups.insert(group, creator.id());
        } catch (DuplicateKeyException raced) {
            throw InvalidInput.of("slug", "group.slug-taken");
        }
        addMember(group.id(), creator.id(), GroupRole.OWNER);
        events.publishEvent(new GroupEvents.GroupCreated(group.id(), creator.id()));
        return groups.byId(group.id()).orElseThrow();
    }

    /** The group as this viewer sees it; a hidden group is "not found" for those who may not see it. */
    /** The group at this address, if the viewer may know it exists; nothing about the viewer's place in it. */
    public Group visibleTo(String slug, Account viewer) {
        return visible(slug, viewer);
    }

    /**
     * The group at this address if the viewer may read its posts: a hidden group is "not found" for those who may not
     * see it, a private one "forbidden" to non-members. Only what reading needs: a public group asks nothing of the
     * viewer's membership; a private one asks the database (a privacy decision), not a cache.
     */
    public Group readable(String slug, Account viewer) {
        Group group = visible(slug, viewer);
        if (group.visibility() != Visibility.PUBLIC && !access.canRead(group, viewer == null ? null : viewer.id())) {
            throw new Forbidden("group.members-only");
        }
        return group;
    }

    public GroupPage view(String slug, Account viewer) {
        Group group = visible(slug, viewer);
        Long viewerId = viewer == null ? null : viewer.id();
        Optional<Membership> membership = access.membership(group.id(), viewerId);
        boolean moderator = membership.map(Membership::canModerate).orElse(false);
        // Bans, requests and invitations concern people outside the group only: a member is asked about none of them.
        boolean outsider = viewerId != null && membership.isEmpty();
        return new GroupPage(group, membership,
                outsider && memberships.isBanned(group.id(), viewerId),
                outsider && memberships.hasRequest(group.id(), viewerId),
                outsider && memberships.isInvited(group.id(), viewerId),
                access.canRead(group, membership),
                viewer != null && access.canPost(group, viewer, membership),
                moderator ? memberships.countRequests(group.id()) : 0,
                picture(PictureUse.BANNER, group.id()), picture(PictureUse.ICON, group.id()));
    }

    private Picture picture(PictureUse use, long groupId) {
        List<Picture> shown = media.shownOn(use, List.of(groupId)).get(groupId);
        return shown == null || shown.isEmpty() ? null : shown.getFirst();
    }

    /** The icons of these groups (a group without one is left out), for lists of groups. */
    public Map<Long, Picture> icons(Collection<Long> groupIds) {
        Map<Long, Picture> icons = new java.util.HashMap<>();
        media.shownOn(PictureUse.ICON, groupIds).forEach((id, shown) -> icons.put(id, shown.getFirst()));
        return icons;
    }

    /** Owners set the group's banner (a wide picture above its page) or icon (a square beside its name in lists). */
    @Transactional
    public Picture changePicture(Account owner, String slug, PictureUse use, MediaService.Upload upload) {
        if (use != PictureUse.BANNER && use != PictureUse.ICON) {
            throw new IllegalArgumentException("groups have a banner and an icon");
        }
        Group group = visible(slug, owner);
        requireRole(group, owner, GroupRole.OWNER);
        return media.replace(owner.id(), use, group.id(), upload);
    }

    /** Public and private groups (never hidden ones), filtered by name. {@code cursor} comes from {@link #cursorOf}. */
    public List<Group> directory(String query, Sort sort, String cursor) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        if (q.length() > 100) {
            throw InvalidInput.of("query", "search.too-long", 100);
        }
        String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String[] parts = cursor == null || cursor.isBlank() ? null : cursor.split("_", 2);
        try {
            if (sort == Sort.ACTIVITY && q.isEmpty() && parts == null) {
                return groups.firstListedByActivity(PAGE_SIZE); // beside every home feed
            }
            if (sort == Sort.ACTIVITY) {
                Instant before = parts == null ? Instant.parse("9999-12-31T00:00:00Z") : Instant.ofEpochMilli(Long.parseLong(parts[0]));
                return groups.listedByActivity(like, before, parts == null ? Long.MAX_VALUE : Long.parseLong(parts[1]), PAGE_SIZE);
            }
            int before = parts == null ? Integer.MAX_VALUE : Integer.parseInt(parts[0]);
            return groups.listedByMembers(like, before, parts == null ? Long.MAX_VALUE : Long.parseLong(parts[1]), PAGE_SIZE);
        } catch (RuntimeException malformed) {
            if (malformed instanceof NumberFormatException || malformed instanceof ArrayIndexOutOfBoundsException) {
                throw InvalidInput.of("before", "list.cursor-invalid");
            }
            throw malformed;
        }
    }

    /**
     * A few public groups to suggest beside a home feed: the most recently active of the directory's first page that
     * the person is not in (one indexed query every few seconds for everyone, no ranking per person).
     */
    public List<Group> suggestedBeside(Set<Long> memberOf, int count) {
        return groups.firstPublicByActivity(PAGE_SIZE, memberOf, count);
    }

    /** The cursor that continues the directory after this group. */
    public static String cursorOf(Group last, Sort sort) {
        return (sort == Sort.ACTIVITY ? Long.toString(last.lastActivityAt().toEpochMilli()) : Integer.toString(last.memberCount()))
                + "_" + last.id();
    }

    /** The person's groups by name (at most 1,000), from this node's caches of their groups and of groups. */
    public List<Group> mine(long accountId) {
        // Each name lowered once, not at each comparison: beside every home feed, for every group of the reader.
        record Named(String key, Group group) {
        }
        return groups.byIds(memberships.groupIdsOf(accountId)).stream()
                .map(g -> new Named(g.name().toLowerCase(Locale.ROOT), g))
                .sorted(java.util.Comparator.comparing(Named::key).thenComparing(n -> n.group().id()))
                .limit(1000).map(Named::group).toList();
    }

    /** Groups a moderator invited this account to, which it has not joined yet. */
    public List<Group> invitations(long accountId) {
        return groups.byIds(memberships.invitedGroupIds(accountId));
    }

    /** Owners change the group's description, visibility, join policy and questions; the slug stays. */
    @Transactional
    public Group update(Account owner, String slug, GroupForm form) {
        Group group = visible(slug, owner);
        requireRole(group, owner, GroupRole.OWNER);
        InvalidInput.Collector errors = new InvalidInput.Collector();
        GroupRules.check(errors, form, false);
        errors.throwIfAny();
        groups.update(new Group(group.id(), group.slug(), form.name().strip(), description(form), form.language(),
                GroupRules.parse(Visibility.class, form.visibility()), GroupRules.parse(JoinPolicy.class, form.joinPolicy()),
                form.joinQuestions(), form.moderatorsOnlyPosting(), group.isDefault(), group.memberCount(),
                group.createdAt(), group.lastActivityAt()));
        events.publishEvent(new GroupEvents.GroupUpdated(group.id()));
        return groups.byId(group.id()).orElseThrow();
    }

    /**
     * Notes activity (a new post or comment), for the directory's "recent activity" order, to the minute: a busy
     * group wrote its row at every post, and each write took the group out of every node's cache, so the next post
     * read it from the database again.
     */
    @Transactional
    public void recordActivity(long groupId) {
        Instant now = clock.instant();
        Instant last = groups.byId(groupId).map(Group::lastActivityAt).orElse(null);
        if (last == null || last.isBefore(now.minus(ACTIVITY_GRAIN))) {
            groups.touch(groupId, now);
        }
    }

    // default and curated groups: see Curation

    @PreAuthorize("hasRole('ADMIN')")
    public List<Group> defaults() {
        return groups.defaults();
    }

    /**
     * Marks a group as one newcomers are offered first (and sets who may post in it). Only a curated group may be a
     * default: an administrator vouches for it first.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void setDefault(String slug, boolean isDefault, boolean moderatorsOnlyPosting) {
        Group group = groups.bySlug(slug).orElseThrow(() -> new NotFound("group"));
        if (isDefault && !groups.isCurated(group.id())) {
            throw InvalidInput.of("slug", "group.default-needs-curated");
        }
        groups.setDefault(group.id(), isDefault);
        groups.update(new Group(group.id(), group.slug(), group.name(), group.description(), group.language(),
                group.visibility(), group.joinPolicy(), group.joinQuestions(), moderatorsOnlyPosting, isDefault,
                group.memberCount(), group.createdAt(), group.lastActivityAt()));
    }

    /** Joins a group a newcomer chose among those suggested to them, whatever its join policy (it is vouched for). */
    @Transactional
    void joinChosen(long groupId, long accountId) {
        if (!memberships.isBanned(groupId, accountId)) {
            addMember(groupId, accountId, GroupRole.MEMBER);
        }
    }

    // helpers

    Group visible(String slug, Account viewer) {
        if (slug == null || slug.length() > 60) {
            throw new NotFound("group");
        }
        Group group = groups.bySlug(slug).orElseThrow(() -> new NotFound("group"));
        if (!access.canSee(group, viewer == null ? null : viewer.id())) {
            throw new NotFound("group");
        }
        return group;
    }

    Group moderated(String slug, Account moderator) {
        Group group = visible(slug, moderator);
        if (!access.canModerate(group.id(), moderator.id())) {
            throw new Forbidden("group.moderators-only");
        }
        return group;
    }

    void requireRole(Group group, Account account, GroupRole role) {
        if (memberships.of(group.id(), account.id()).map(m -> m.role() != role).orElse(true)) {
            throw new Forbidden(role == GroupRole.OWNER ? "group.owners-only" : "group.moderators-only");
        }
    }

    void requireOutranks(Group group, Account actor, Membership target) {
        GroupRole actorRole = memberships.of(group.id(), actor.id()).map(Membership::role).orElse(GroupRole.MEMBER);
        boolean outranks = target.role() == GroupRole.MEMBER
                || (target.role() == GroupRole.MODERATOR && actorRole == GroupRole.OWNER);
        if (!outranks || target.accountId() == actor.id()) {
            throw new Forbidden("group.cannot-act-on-peer");
        }
    }

    static void requireActive(Account account) {
        if (account == null || account.state() != AccountState.ACTIVE) {
            throw new Forbidden("group.active-members-only");
        }
    }

    private static String description(GroupForm form) {
        return form.description() == null ? "" : form.description().strip();
    }

    void addMember(long groupId, long accountId, GroupRole role) {
        if (memberships.add(groupId, accountId, role, clock.instant())) {
            groups.addMembers(groupId, 1);
            events.publishEvent(new GroupEvents.MemberJoined(groupId, accountId));
        }
    }

    void removeMember(long groupId, long accountId) {
        if (memberships.remove(groupId, accountId)) {
            groups.addMembers(groupId, -1);
            events.publishEvent(new GroupEvents.MemberLeft(groupId, accountId));
        }
    }
}
