package org.tribune.group;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.account.AccountState;
import org.tribune.platform.Conflict;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.NotFound;
import org.tribune.safety.SafetyService;

/**
 * A group's members and what its staff do with them: the member list and the staff, roles, removals, bans and
 * invitations. Who may do each is decided here, with the group found as {@link GroupService} finds it (hidden groups
 * answer "not found").
 */
@Service
public class GroupMembers {
    private final GroupService groups;
    private final Memberships memberships;
    private final GroupAccess access;
    private final AccountService accounts;
    private final SafetyService safety;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    GroupMembers(GroupService groups, Memberships memberships, GroupAccess access, AccountService accounts,
            SafetyService safety, ApplicationEventPublisher events, Clock clock) {
        this.groups = groups;
        this.memberships = memberships;
        this.access = access;
        this.accounts = accounts;
        this.safety = safety;
        this.events = events;
        this.clock = clock;
    }

    public static final int MEMBERS_PAGE = 100;

    /** A page of the member list, by account id; for public groups anyone sees it, otherwise only members. */
    public List<Member> members(String slug, Account viewer, long afterAccountId) {
        Group group = groups.readable(slug, viewer);
        Long viewerId = viewer == null ? null : viewer.id();
        boolean moderates = viewerId != null && access.canModerate(group.id(), viewerId);
        // Keeps reading until a page is full, so that members left out never end the list early.
        List<Member> shown = new ArrayList<>();
        long cursor = afterAccountId;
        while (shown.size() < MEMBERS_PAGE) {
            List<Membership> stored = memberships.members(group.id(), cursor, MEMBERS_PAGE);
            if (stored.isEmpty()) {
                break;
            }
            cursor = stored.getLast().accountId();
            shown.addAll(moderates ? described(stored) : listable(described(stored), viewerId));
            if (stored.size() < MEMBERS_PAGE) {
                break;
            }
        }
        return shown.size() > MEMBERS_PAGE ? List.copyOf(shown.subList(0, MEMBERS_PAGE)) : shown;
    }

    /**
     * Moderators see everyone they moderate, and staff are listed to all (people need to know whom to ask); other
     * members only to those they show their groups to (their privacy settings).
     */
    private List<Member> listable(List<Member> page, Long viewerId) {
        var privacy = accounts.privacy(page.stream().map(Member::accountId).toList());
        return page.stream().filter(m -> m.role() != GroupRole.MEMBER
                || privacy.get(m.accountId()).groups().admits(viewerId, viewerId != null, m.accountId())).toList();
    }

    /** The group's owners and moderators, longest-standing first. */
    public List<Member> staff(String slug, Account viewer) {
        Group group = groups.readable(slug, viewer);
        List<Membership> staff = new ArrayList<>(memberships.withRole(group.id(), GroupRole.OWNER));
        staff.addAll(memberships.withRole(group.id(), GroupRole.MODERATOR));
        return described(staff);
    }

    private List<Member> described(List<Membership> page) {
        Map<Long, Account> people = accounts.byIds(page.stream().map(Membership::accountId).toList());
        List<Member> members = new ArrayList<>();
        for (Membership m : page) {
            Account a = people.get(m.accountId());
            if (a != null && a.state() != AccountState.DELETED && a.state() != AccountState.CLOSING) {
                members.add(new Member(a.id(), a.handle(), a.displayName(), m.role(), m.since()));
            }
        }
        return members;
    }

    /** Owners appoint moderators (and co-owners); nobody changes their own role. */
    @Transactional
    public void setRole(Account owner, String slug, String handle, String roleName) {
        Group group = groups.visible(slug, owner);
        groups.requireRole(group, owner, GroupRole.OWNER);
        GroupRole role = GroupRules.parse(GroupRole.class, roleName);
        if (role == null) {
            throw InvalidInput.of("role", "group.role-invalid");
        }
        Account subject = accounts.byHandle(handle).orElseThrow(() -> new NotFound("account"));
        if (subject.id() == owner.id()) {
            throw new Conflict("group.not-yourself");
        }
        memberships.of(group.id(), subject.id()).orElseThrow(() -> new Conflict("group.not-member"));
        memberships.setRole(group.id(), subject.id(), role);
    }

    /** Moderators remove members; only owners remove moderators; nobody removes an owner. */
    @Transactional
    public void remove(Account moderator, String slug, String handle) {
        Group group = groups.moderated(slug, moderator);
        Account subject = accounts.byHandle(handle).orElseThrow(() -> new NotFound("account"));
        Membership target = memberships.of(group.id(), subject.id()).orElseThrow(() -> new Conflict("group.not-member"));
        groups.requireOutranks(group, moderator, target);
        groups.removeMember(group.id(), subject.id());
    }

    /** Bans keep someone out for good (until lifted): they lose membership, requests and invitations. */
    @Transactional
    public void ban(Account moderator, String slug, String handle, String reason) {
        Group group = groups.moderated(slug, moderator);
        Account subject = accounts.byHandle(handle).orElseThrow(() -> new NotFound("account"));
        if (subject.id() == moderator.id()) {
            throw new Conflict("group.not-yourself");
        }
        Optional<Membership> target = memberships.of(group.id(), subject.id());
        if (target.isPresent()) {
            groups.requireOutranks(group, moderator, target.get());
            groups.removeMember(group.id(), subject.id());
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() > 300) {
            throw InvalidInput.of("reason", "group.reason-too-long", 300);
        }
        memberships.ban(group.id(), subject.id(), moderator.id(), why, clock.instant());
        memberships.removeRequest(group.id(), subject.id());
        memberships.removeInvitation(group.id(), subject.id());
    }

    @Transactional
    public void unban(Account moderator, String slug, String handle) {
        Group group = groups.moderated(slug, moderator);
        Account subject = accounts.byHandle(handle).orElseThrow(() -> new NotFound("account"));
        if (!memberships.unban(group.id(), subject.id())) {
            throw new NotFound("ban");
        }
    }

    public List<Ban> bans(Account moderator, String slug) {
        Group group = groups.moderated(slug, moderator);
        List<Memberships.StoredBan> stored = memberships.bans(group.id());
        Map<Long, Account> people = accounts.byIds(stored.stream().map(Memberships.StoredBan::accountId).toList());
        return stored.stream().filter(b -> people.containsKey(b.accountId()))
                .map(b -> new Ban(b.accountId(), people.get(b.accountId()).handle(), b.reason(), b.since())).toList();
    }

    /** Moderators invite people by handle; in INVITE groups that is the only way in, elsewhere it skips the queue. */
    @Transactional
    public void invite(Account moderator, String slug, String handle) {
        Group group = groups.moderated(slug, moderator);
        Account subject = accounts.byHandle(handle).filter(a -> a.state() == AccountState.ACTIVE)
                .orElseThrow(() -> InvalidInput.of("handle", "group.invitee-unknown"));
        if (memberships.isBanned(group.id(), subject.id())) {
            throw new Conflict("group.invitee-banned");
        }
        if (memberships.of(group.id(), subject.id()).isPresent()) {
            throw new Conflict("group.already-member");
        }
        // Across a block, or against the person's reach setting, the same refusal: it never tells a block apart.
        if (!safety.mayInvite(moderator.id(), subject.id())) {
            throw new Conflict("safety.invitations-closed");
        }
        if (memberships.invite(group.id(), subject.id(), moderator.id(), clock.instant())) {
            events.publishEvent(new GroupEvents.Invited(group.id(), subject.id(), moderator.id()));
        }
    }
}
