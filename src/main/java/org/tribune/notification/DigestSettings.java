package org.tribune.notification;

import static org.tribune.notification.Inbox.instant;
import static org.tribune.notification.Inbox.ts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notification_setting} table: how often each person wants a digest, and when the last one went. */
@Repository
class DigestSettings {
    private final JdbcClient db;

    DigestSettings(JdbcClient db) {
        this.db = db;
    }

    record Setting(Digest digest, Instant lastDigestAt) {
    }

    Optional<Setting> of(long accountId) {
        return db.sql("select digest, last_digest_at from notification_setting where account_id = ?").param(accountId)
                .query((rs, n) -> new Setting(Digest.valueOf(rs.getString("digest")), instant(rs, "last_digest_at")))
                .optional();
    }

    /** Creates the row with the defaults (weekly, no digest yet) unless there is one; true when this call made it. */
    boolean createIfAbsent(long accountId) {
        return db.sql("insert into notification_setting (account_id, digest, last_digest_at) values (?, 'WEEKLY', null) "
                        + "on conflict do nothing")
                .param(accountId).update() == 1;
    }

    void setDigest(long accountId, Digest digest) {
        db.sql("update notification_setting set digest = ? where account_id = ?").params(digest.name(), accountId).update();
    }

    /** Someone who may be due a digest: their setting (weekly when they have no row) and when their last one went. */
    record Candidate(long accountId, boolean hasRow, Digest digest, Instant lastDigestAt) {
    }

    /**
     * People with unread notifications made since their last digest, whose last digest is at least one period old.
     * Someone who never had a digest waits one period from their oldest such notification, so a first digest does
     * not follow a first notification within the hour. Ordered by account, after {@code afterAccountId}.
     */
    List<Candidate> due(Instant dailyCutoff, Instant weeklyCutoff, long afterAccountId, int limit) {
        return db.sql("select n.recipient_id, s.account_id as setting, coalesce(s.digest, 'WEEKLY') as digest, "
                        + "s.last_digest_at from notification n "
                        + "left join notification_setting s on s.account_id = n.recipient_id "
                        + "where n.read_at is null and n.recipient_id > :after "
                        + "and (s.last_digest_at is null or n.created_at > s.last_digest_at) "
                        + "and coalesce(s.digest, 'WEEKLY') <> 'NEVER' "
                        + "group by n.recipient_id, s.account_id, s.digest, s.last_digest_at "
                        + "having (coalesce(s.digest, 'WEEKLY') = 'DAILY' and coalesce(s.last_digest_at, min(n.created_at)) <= :daily) "
                        + "or (coalesce(s.digest, 'WEEKLY') = 'WEEKLY' and coalesce(s.last_digest_at, min(n.created_at)) <= :weekly) "
                        + "order by n.recipient_id limit :limit")
                .param("after", afterAccountId).param("daily", ts(dailyCutoff)).param("weekly", ts(weeklyCutoff))
                .param("limit", limit)
                .query((rs, n) -> {
                    rs.getLong("setting");
                    boolean hasRow = !rs.wasNull();
                    return new Candidate(rs.getLong("recipient_id"), hasRow, Digest.valueOf(rs.getString("digest")),
                            instant(rs, "last_digest_at"));
                })
                .list();
    }

    /**
     * Claims this period's digest: moves {@code last_digest_at} to now only if the last digest is still the one the
     * caller saw. Of several nodes running the job, exactly one sees 1.
     */
    boolean claim(long accountId, Instant lastSeen, Instant now) {
        String sameAsSeen = lastSeen == null ? "last_digest_at is null" : "last_digest_at = ?";
        JdbcClient.StatementSpec update = db.sql("update notification_setting set last_digest_at = ? where account_id = ? "
                + "and digest <> 'NEVER' and " + sameAsSeen).param(ts(now)).param(accountId);
        if (lastSeen != null) {
            update = update.param(ts(lastSeen));
        }
        return update.update() == 1;
    }
}
