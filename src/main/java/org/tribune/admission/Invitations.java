package org.tribune.admission;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code invitation} table. */
@Repository
class Invitations {
    private static final String COLUMNS = "id, inviter_id, created_at, expires_at, used_by, used_at, revoked_at";
    private static final RowMapper<Invitation> INVITATION = Invitations::invitation;

    private final JdbcClient db;

    Invitations(JdbcClient db) {
        this.db = db;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Invitation invitation(ResultSet rs, int row) throws SQLException {
        long usedBy = rs.getLong("used_by");
        Long used = rs.wasNull() ? null : usedBy;
        return new Invitation(rs.getLong("id"), rs.getLong("inviter_id"), instant(rs, "created_at"),
                instant(rs, "expires_at"), used, instant(rs, "used_at"), instant(rs, "revoked_at"));
    }

    void insert(Invitation invitation, String tokenHash) {
        db.sql("insert into invitation (id, inviter_id, token_hash, created_at, expires_at) values (?, ?, ?, ?, ?)")
                .params(invitation.id(), invitation.inviterId(), tokenHash, Waitlist.ts(invitation.createdAt()),
                        Waitlist.ts(invitation.expiresAt()))
                .update();
    }

    Optional<Invitation> byId(long id) {
        return db.sql("select " + COLUMNS + " from invitation where id = ?").param(id).query(INVITATION).optional();
    }

    /** The invitation this account signed up with, if it claimed one. */
    Optional<Invitation> usedBy(long accountId) {
        return db.sql("select " + COLUMNS + " from invitation where used_by = ?").param(accountId)
                .query(INVITATION).optional();
    }

    /** Newest first, keyset-paged by id. */
    List<Invitation> ofInviter(long inviterId, long beforeId, int limit) {
        return db.sql("select " + COLUMNS + " from invitation where inviter_id = ? and id < ? order by id desc limit ?")
                .params(inviterId, beforeId, limit).query(INVITATION).list();
    }

    long countCreatedSince(long inviterId, Instant since) {
        return db.sql("select count(*) from invitation where inviter_id = ? and created_at >= ?")
                .params(inviterId, Waitlist.ts(since)).query(Long.class).single();
    }

    /** Whether a link with this token could be claimed now: the same conditions as {@link #claim}. */
    boolean usable(String tokenHash, Instant at) {
        return db.sql("select count(*) from invitation where token_hash = ? and used_by is null "
                        + "and revoked_at is null and expires_at > ?")
                .params(tokenHash, Waitlist.ts(at)).query(Long.class).single() > 0;
    }

    /** Uses a valid link for this account, atomically: of two sign-ups racing on one link, one wins. */
    boolean claim(String tokenHash, long accountId, Instant at) {
        return db.sql("update invitation set used_by = ?, used_at = ? where token_hash = ? and used_by is null "
                        + "and revoked_at is null and expires_at > ?")
                .params(accountId, Waitlist.ts(at), tokenHash, Waitlist.ts(at)).update() == 1;
    }

    /** Revokes an unused link of this inviter; false if it is not theirs, already used or already revoked. */
    boolean revoke(long id, long inviterId, Instant at) {
        return db.sql("update invitation set revoked_at = ? where id = ? and inviter_id = ? and used_by is null "
                        + "and revoked_at is null")
                .params(Waitlist.ts(at), id, inviterId).update() == 1;
    }
}
