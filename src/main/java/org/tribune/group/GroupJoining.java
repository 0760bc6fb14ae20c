package org.tribune.group;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.platform.Conflict;
import org.tribune.platform.Forbidden;
import org.tribune.platform.Ids;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.NotFound;

/**
 * Joining and leaving a group: joining as its policy allows (at once, by a request with answers to its questions, or
 * by invitation), the moderators' answers to requests, and leaving (a sole owner hands the group on). The group is
 * found as {@link GroupService} finds it (hidden groups answer "not found").
 */
@Service
public class GroupJoining {
    /** What joining did. */
    public enum JoinOutcome { JOINED, REQUESTED }

    private final GroupService groups;
    private final Memberships memberships;
    private final AccountService accounts;
    private final ApplicationEventPublisher events;
    private final Ids ids;
    private final Clock clock;

    GroupJoining(GroupService groups, Memberships memberships, AccountService accounts, ApplicationEventPublisher events,
            Ids ids, Clock clock) {
        this.groups = groups;
        this.memberships = memberships;
        this.accounts = accounts;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public JoinOutcome join(Account account, String slug, List<String> answers) {
        GroupService.requireActive(account);
        Group group = groups.visible(slug, account);
        if (memberships.of(group.id(), account.id()).isPresent()) {
            return JoinOutcome.JOINED;
        }
        if (memberships.isBanned(group.id(), account.id())) {
            throw new Forbidden("group.banned");
        }
        boolean invited = memberships.isInvited(group.id(), account.id());
        switch (group.joinPolicy()) {
            case INVITE -> {
                if (!invited) {
                    throw new Forbidden("group.invite-only");
                }
            }
            case REQUEST -> {
                if (!invited) {
                    requestToJoin(group, account, answers);
                    return JoinOutcome.REQUESTED;
                }
            }
            case OPEN -> { }
        }
        groups.addMember(group.id(), account.id(), GroupRole.MEMBER);
        memberships.removeInvitation(group.id(), account.id());
        return JoinOutcome.JOINED;
    }

    private void requestToJoin(Group group, Account account, List<String> answers) {
        List<String> given = answers == null ? List.of() : answers.stream().map(a -> a == null ? "" : a.strip()).toList();
        InvalidInput.Collector errors = new InvalidInput.Collector();
        for (int i = 0; i < group.joinQuestions().size(); i++) {
            String answer = i < given.size() ? given.get(i) : "";
            if (answer.isEmpty()) {
                errors.add("answer" + i, "group.answer-required");
            } else if (answer.length() > GroupRules.ANSWER_MAX || answer.contains(Memberships.SEPARATOR)) {
                errors.add("answer" + i, "group.answer-too-long", GroupRules.ANSWER_MAX);
            }
        }
        errors.throwIfAny();
        long id = ids.next();
        List<String> kept = given.subList(0, Math.min(given.size(), group.joinQuestions().size()));
        if (memberships.addRequest(id, group.id(), account.id(), kept, clock.instant())) {
            events.publishEvent(new GroupEvents.JoinRequested(group.id(), id, account.id()));
        }
    }

    /** Leaving is always possible. A sole owner who leaves hands the group to its longest-standing moderator or member. */
    @Transactional
    public void leave(Account account, String slug) {
        Group group = groups.visible(slug, account);
        Membership membership = memberships.of(group.id(), account.id()).orElseThrow(() -> new Conflict("group.not-member"));
        if (membership.role() == GroupRole.OWNER && memberships.withRole(group.id(), GroupRole.OWNER).size() == 1) {
            memberships.longestStanding(group.id(), GroupRole.MODERATOR, account.id())
                    .or(() -> memberships.longestStanding(group.id(), GroupRole.MEMBER, account.id()))
                    .ifPresent(heir -> memberships.setRole(group.id(), heir.accountId(), GroupRole.OWNER));
        }
        groups.removeMember(group.id(), account.id());
        memberships.removeRequest(group.id(), account.id());
    }

    /** Withdraws one's own pending request. */
    @Transactional
    public void withdrawRequest(Account account, String slug) {
        Group group = groups.visible(slug, account);
        memberships.removeRequest(group.id(), account.id());
    }

    public List<JoinRequest> requests(Account moderator, String slug) {
        Group group = groups.moderated(slug, moderator);
        List<Memberships.StoredRequest> stored = memberships.requests(group.id(), 200);
        Map<Long, Account> people = accounts.byIds(stored.stream().map(Memberships.StoredRequest::accountId).toList());
        return stored.stream().filter(r -> people.containsKey(r.accountId()))
                .map(r -> new JoinRequest(r.id(), r.groupId(), r.accountId(), people.get(r.accountId()).handle(),
                        people.get(r.accountId()).displayName(), r.answers(), r.createdAt()))
                .toList();
    }

    @Transactional
    public void approve(Account moderator, String slug, long requestId) {
        Group group = groups.moderated(slug, moderator);
        Memberships.StoredRequest request = memberships.request(group.id(), requestId).orElseThrow(() -> new NotFound("request"));
        memberships.removeRequest(group.id(), request.accountId());
        if (!memberships.isBanned(group.id(), request.accountId())) {
            groups.addMember(group.id(), request.accountId(), GroupRole.MEMBER);
            events.publishEvent(new GroupEvents.JoinApproved(group.id(), request.accountId(), moderator.id()));
        }
    }

    @Transactional
    public void decline(Account moderator, String slug, long requestId) {
        Group group = groups.moderated(slug, moderator);
        Memberships.StoredRequest request = memberships.request(group.id(), requestId).orElseThrow(() -> new NotFound("request"));
        memberships.removeRequest(group.id(), request.accountId());
    }
}
