package org.tribune.admission;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.account.AccountState;
import org.tribune.account.InvitationLinks;
import org.tribune.follow.FollowService;
import org.tribune.group.Group;
import org.tribune.group.GroupService;
import org.tribune.platform.Conflict;
import org.tribune.platform.Forbidden;
import org.tribune.platform.Ids;
import org.tribune.platform.NotFound;
import org.tribune.platform.SecretTokens;
import org.tribune.trust.TrustLevel;
import org.tribune.trust.TrustLevels;

/**
 * Invitation links: members of trust level 2 make a few a month, administrators as many as they like.
 * A link is single-use, expires after {@link #VALID_FOR}, and can be revoked while unused. Only a hash of the
 * token is stored and the invitee's address never is; the inviter sees who used a link only once the two are
 * connected (they follow each other or share a group other than a default one).
 */
@Service
public class InvitationService implements InvitationLinks {
    public static final Duration VALID_FOR = Duration.ofDays(14);
    public static final int PAGE_SIZE = 50;

    private final Invitations invitations;
    private final AccountService accounts;
    private final FollowService follows;
    private final GroupService groups;
    private final AdmissionMails mails;
    private final Ids ids;
    private final Clock clock;
    private final int perMonth;
    private final TrustLevels trust;

    InvitationService(Invitations invitations, AccountService accounts, FollowService follows, GroupService groups,
            AdmissionMails mails, Ids ids, Clock clock,
            @Value("${tribune.admission.invitations-per-month:5}") int perMonth, TrustLevels trust) {
        this.trust = trust;
        this.invitations = invitations;
        this.accounts = accounts;
        this.follows = follows;
        this.groups = groups;
        this.mails = mails;
        this.ids = ids;
        this.clock = clock;
        this.perMonth = perMonth;
    }

    /** A new link; the token is in it and nowhere else, so it is shown once. */
    public record Created(Invitation invitation, String link) {
    }

    /** An invitation as its inviter sees it; {@code inviteeHandle} only when the two are connected. */
    public record Listed(Invitation invitation, Invitation.Status status, String inviteeHandle) {
    }

    @Transactional
    public Created create(Account inviter) {
        requireMember(inviter);
        if (!trusted(inviter)) {
            throw new Forbidden("invitation.trust-level");
        }
        if (remainingThisMonth(inviter) == 0) {
            throw new Forbidden("invitation.limit-reached");
        }
        Instant now = clock.instant();
        String token = SecretTokens.newToken("");
        Invitation invitation = new Invitation(ids.next(), inviter.id(), now, now.plus(VALID_FOR), null, null, null);
        invitations.insert(invitation, SecretTokens.hash(token));
        return new Created(invitation, mails.baseUrl() + "/signup?invite=" + token);
    }

    /**
     * Inviting is a right of trust level 2 (member): people who took part for a few weeks vouch for newcomers.
     * Administrators invite whatever their level.
     */
    /** Whether the invitations page is any use to this person: a member or waiting account trusted to invite. */
    public boolean mayInvite(Account inviter) {
        return inviter != null && (inviter.state() == AccountState.ACTIVE || inviter.state() == AccountState.WAITING)
                && trusted(inviter);
    }

    public boolean trusted(Account inviter) {
        return inviter.isAdmin() || trust.of(inviter.id()).atLeast(TrustLevel.MEMBER);
    }

    /** Links left this calendar month (UTC); -1 means no limit. */
    public int remainingThisMonth(Account inviter) {
        if (inviter.isAdmin()) {
            return -1;
        }
        Instant monthStart = clock.instant().atZone(ZoneOffset.UTC).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).toInstant();
        return (int) Math.max(0, perMonth - invitations.countCreatedSince(inviter.id(), monthStart));
    }

    /** The inviter's links, newest first; {@code before} is the id of the last one of the previous page. */
    public List<Listed> list(Account inviter, Long before) {
        requireMember(inviter);
        Instant now = clock.instant();
        List<Invitation> page = invitations.ofInviter(inviter.id(), before == null ? Long.MAX_VALUE : before, PAGE_SIZE);
        Set<Long> inviterGroups = null;
        List<Listed> listed = new java.util.ArrayList<>();
        for (Invitation invitation : page) {
            String handle = null;
            if (invitation.usedBy() != null) {
                if (inviterGroups == null) {
                    inviterGroups = groupIds(inviter.id());
                }
                handle = connectedHandle(inviter.id(), invitation.usedBy(), inviterGroups);
            }
            listed.add(new Listed(invitation, invitation.status(now), handle));
        }
        return listed;
    }

    /** Revokes an unused link; someone else's link is "not found", a used one cannot be revoked. */
    @Transactional
    public void revoke(Account inviter, long id) {
        Invitation invitation = invitations.byId(id).filter(i -> i.inviterId() == inviter.id())
                .orElseThrow(() -> new NotFound("invitation"));
        if (invitation.usedBy() != null) {
            throw new Conflict("invitation.already-used");
        }
        invitations.revoke(id, inviter.id(), clock.instant()); // revoking twice changes nothing
    }

    @Override
    @Transactional(readOnly = true)
    public boolean usable(String token) {
        return token != null && !token.isBlank() && token.length() <= 200
                && invitations.usable(SecretTokens.hash(token.strip()), clock.instant());
    }

    /** Uses the link an account signed up with, if it is still valid; an invalid one is ignored and they wait. */
    @Transactional
    void claim(String token, long accountId) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return;
        }
        invitations.claim(SecretTokens.hash(token.strip()), accountId, clock.instant());
    }

    private String connectedHandle(long inviterId, long inviteeId, Set<Long> inviterGroups) {
        Account invitee = accounts.byId(inviteeId).filter(a -> a.state() == AccountState.ACTIVE
                || a.state() == AccountState.WAITING).orElse(null);
        if (invitee == null) {
            return null;
        }
        boolean mutual = follows.isFollowing(inviterId, inviteeId) && follows.isFollowing(inviteeId, inviterId);
        boolean shareGroup = !mutual && groupIds(inviteeId).stream().anyMatch(inviterGroups::contains);
        return mutual || shareGroup ? invitee.handle() : null;
    }

    private Set<Long> groupIds(long accountId) {
        // Default groups do not count: everyone admitted is put in them, so sharing one says nothing.
        return groups.mine(accountId).stream().filter(g -> !g.isDefault()).map(Group::id).collect(Collectors.toSet());
    }

    private static void requireMember(Account account) {
        if (account == null || (account.state() != AccountState.ACTIVE && account.state() != AccountState.WAITING)) {
            throw new Forbidden("invitation.members-only");
        }
    }
}
