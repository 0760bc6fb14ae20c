package org.tribune.account;

import static org.tribune.platform.Sql.instant;
import static org.tribune.platform.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tribune.platform.cluster.HeapBytes;
import org.tribune.platform.cluster.NodeCache;
import org.tribune.platform.cluster.NodeCaches;

/** The {@code account} and {@code display_name_change} tables. */
@Repository
class Accounts {
    private static final String COLUMNS =
            "id, handle, email, display_name, bio, locale, time_zone, state, role, created_at, verified_at, avatar_file";
    private static final RowMapper<Account> ACCOUNT = Accounts::account;

    private final JdbcClient db;
    /**
     * Accounts by id on this node, for lists of posts and people ({@link #byIds}); evicted by every write below.
     * {@link #byId} (who is signing in, who acts) always reads the database.
     */
    private final NodeCache<Account> shown;

    Accounts(JdbcClient db, NodeCaches caches) {
        this.db = db;
        this.shown = caches.create("accounts", 32, a -> 200 + HeapBytes.of(a.handle(), a.email(),
                a.displayName(), a.bio(), a.avatar()));
    }

    static String key(String handleOrEmail) {
        return handleOrEmail.trim().toLowerCase(Locale.ROOT);
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("handle"), rs.getString("email"),
                rs.getString("display_name"), rs.getString("bio"), rs.getString("locale"), rs.getString("time_zone"),
                AccountState.valueOf(rs.getString("state")), Role.valueOf(rs.getString("role")),
                instant(rs, "created_at"), instant(rs, "verified_at"), rs.getString("avatar_file"));
    }

    void insert(Account account, String passwordHash, Instant conductAcceptedAt) {
        db.sql("insert into account (id, handle, handle_key, email, email_key, password_hash, display_name, bio, locale, "
                        + "time_zone, state, role, conduct_accepted_at, created_at, verified_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(account.id(), account.handle(), key(account.handle()), account.email(), key(account.email()),
                        passwordHash, account.displayName(), account.bio(), account.locale(), account.timeZone(),
                        account.state().name(), account.role().name(), ts(conductAcceptedAt), ts(account.createdAt()),
                        ts(account.verifiedAt()))
                .update();
    }

    Optional<Account> byId(long id) {
        // from the same cache as byIds: every signed-in page reads its viewer's account, often more than once
        return Optional.ofNullable(shown.get(id,
                key -> db.sql("select " + COLUMNS + " from account where id = ?").param(key).query(ACCOUNT).optional().orElse(null)));
    }

    /** Active accounts with ids above {@code afterId}, in id order: for rebuilding the search index. */
    List<Account> activeAfter(long afterId, int limit) {
        return db.sql("select " + COLUMNS + " from account where id > ? and state = 'ACTIVE' order by id limit ?")
                .params(afterId, limit).query(ACCOUNT).list();
    }

    List<Account> byIds(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return List.copyOf(shown.getAll(ids, missing -> db.sql("select " + COLUMNS + " from account where id in (:ids)")
                .param("ids", missing).query(ACCOUNT).list().stream()
                .collect(java.util.stream.Collectors.toMap(Account::id, a -> a))).values());
    }

    Optional<Account> byEmail(String email) {
        return db.sql("select " + COLUMNS + " from account where email_key = ?").param(key(email)).query(ACCOUNT).optional();
    }

    Optional<Account> byHandle(String handle) {
        return db.sql("select " + COLUMNS + " from account where handle_key = ?").param(key(handle)).query(ACCOUNT).optional();
    }

    /** Taken by an account, or retired with an erased one: a handle is never given to someone else. */
    boolean handleTaken(String handle) {
        return db.sql("select count(*) from account where handle_key = ?").param(key(handle)).query(Long.class).single() > 0
                || db.sql("select count(*) from retired_handle where handle_hash = ?")
                        .param(org.tribune.platform.SecretTokens.hash(key(handle))).query(Long.class).single() > 0;
    }

    /** Freezes an active or waiting account until {@code dueAt}; false when it is in any other state. */
    boolean close(long id, Instant dueAt, boolean deleteContent) {
        boolean result = db.sql("update account set state_before_closing = state, state = 'CLOSING', deletion_due_at = ?, "
                        + "deletion_deletes_content = ? where id = ? and state in ('ACTIVE', 'WAITING')")
                .params(ts(dueAt), deleteContent, id).update() == 1;
        shown.evict(id);
        return result;
    }

    /** Undoes {@link #close}; false when the account was not closing. */
    boolean reopen(long id) {
        boolean result = db.sql("update account set state = coalesce(state_before_closing, 'ACTIVE'), state_before_closing = null, "
                        + "deletion_due_at = null, deletion_deletes_content = null where id = ? and state = 'CLOSING'")
                .param(id).update() == 1;
        shown.evict(id);
        return result;
    }

    Optional<Instant> deletionDueAt(long id) {
        return db.sql("select deletion_due_at from account where id = ? and state = 'CLOSING'").param(id)
                .query((rs, n) -> instant(rs, "deletion_due_at")).optional();
    }

    /** Closing accounts whose period to cancel is over, with whether their content goes too. */
    java.util.Map<Long, Boolean> closingDueBefore(Instant now, int limit) {
        java.util.Map<Long, Boolean> due = new java.util.LinkedHashMap<>();
        db.sql("select id, deletion_deletes_content from account where state = 'CLOSING' and deletion_due_at <= ? "
                        + "order by deletion_due_at limit ?")
                .params(ts(now), limit)
                .query((rs, n) -> due.put(rs.getLong("id"), rs.getBoolean("deletion_deletes_content"))).list();
        return due;
    }

    /**
     * Keeps the row (ids elsewhere still point at it: kept posts, audit entries) but nothing that identified the
     * person: handle, address, name, bio, password and avatar are replaced.
     */
    void anonymise(long id) {
        String placeholder = "former-" + Long.toString(id, 36);
        db.sql("update account set handle = ?, handle_key = ?, email = ?, email_key = ?, password_hash = '!', "
                        + "display_name = '', bio = '', state = 'DELETED', role = 'MEMBER', state_before_suspension = null, "
                        + "state_before_closing = null, deletion_due_at = null, deletion_deletes_content = null, "
                        + "avatar_file = null, time_zone = 'UTC' where id = ?")
                .params(placeholder, placeholder, placeholder + "@deleted.invalid", placeholder + "@deleted.invalid", id)
                .update();
        shown.evict(id);
    }

    void retireHandle(String handle, Instant at) {
        db.sql("insert into retired_handle (handle_hash, retired_at) values (?, ?) on conflict do nothing")
                .params(org.tribune.platform.SecretTokens.hash(key(handle)), ts(at)).update();
    }

    Optional<String> avatarFile(long id) {
        return db.sql("select avatar_file from account where id = ?").param(id).query(String.class).optional()
                .filter(f -> f != null);
    }

    void updateAvatar(long id, String file) {
        db.sql("update account set avatar_file = ? where id = ?").params(file, id).update();
        shown.evict(id);
    }

    /** Accounts whose picture is a file of an earlier version (a name without "/"), a batch at a time. */
    List<EarlierAvatar> earlierAvatars(int limit) {
        return db.sql("select id, avatar_file from account where avatar_file is not null and avatar_file not like '%/%' "
                + "order by id limit ?").param(limit)
                .query((rs, n) -> new EarlierAvatar(rs.getLong("id"), rs.getString("avatar_file"))).list();
    }

    /** Replaces an earlier version's picture, unless it changed meanwhile (another node, or its owner). */
    boolean replaceEarlierAvatar(long id, String earlier, String file) {
        boolean result = db.sql("update account set avatar_file = ? where id = ? and avatar_file = ?").params(file, id, earlier)
                .update() == 1;
        shown.evict(id);
        return result;
    }

    record EarlierAvatar(long accountId, String file) {
    }

    void deleteDisplayNameChanges(long accountId) {
        db.sql("delete from display_name_change where account_id = ?").param(accountId).update();
    }

    /** Audit entries whose free text names the person lose that text. */
    void scrubAudit(java.util.Collection<String> words) {
        for (String word : words) {
            if (word == null || word.isBlank()) {
                continue;
            }
            db.sql("update account_audit set detail = replace(detail, ?, '…') where detail like ?")
                    .params(word, "%" + word + "%").update();
        }
    }

    boolean emailTaken(String email) {
        return db.sql("select count(*) from account where email_key = ?").param(key(email)).query(Long.class).single() > 0;
    }

    Optional<String> passwordHash(long id) {
        return db.sql("select password_hash from account where id = ?").param(id).query(String.class).optional();
    }

    void updatePasswordHash(long id, String hash) {
        db.sql("update account set password_hash = ? where id = ?").params(hash, id).update();
        shown.evict(id);
    }

    /** Marks the address verified; true only for the first verification, so a link works once. */
    boolean markVerified(long id, String email, AccountState newState, Instant at) {
        boolean result = db.sql("update account set state = ?, verified_at = ? where id = ? and email_key = ? and state = 'UNVERIFIED'")
                .params(newState.name(), ts(at), id, key(email)).update() == 1;
        shown.evict(id);
        return result;
    }

    /** WAITING becomes ACTIVE; true only for the call that changed it. */
    boolean admit(long id) {
        boolean result = db.sql("update account set state = 'ACTIVE' where id = ? and state = 'WAITING'").param(id).update() == 1;
        shown.evict(id);
        return result;
    }

    void updateEmail(long id, String email) {
        db.sql("update account set email = ?, email_key = ? where id = ?").params(email, key(email), id).update();
        shown.evict(id);
    }

    void updateProfile(long id, String displayName, String bio) {
        db.sql("update account set display_name = ?, bio = ? where id = ?").params(displayName, bio, id).update();
        shown.evict(id);
    }

    void updatePreferences(long id, String locale, String timeZone) {
        db.sql("update account set locale = ?, time_zone = ? where id = ?").params(locale, timeZone, id).update();
        shown.evict(id);
    }

    /** Suspends, remembering the state to restore; false if it was already suspended or deleted. */
    boolean suspend(long id) {
        boolean result = db.sql("update account set state_before_suspension = state, state = 'SUSPENDED' "
                        + "where id = ? and state not in ('SUSPENDED', 'DELETED')").param(id).update() == 1;
        shown.evict(id);
        return result;
    }

    /** Restores the state an account had before its suspension; false if it was not suspended. */
    boolean unsuspend(long id) {
        boolean result = db.sql("update account set state = coalesce(state_before_suspension, 'ACTIVE'), state_before_suspension = null "
                        + "where id = ? and state = 'SUSPENDED'").param(id).update() == 1;
        shown.evict(id);
        return result;
    }

    void updateRole(long id, Role role) {
        db.sql("update account set role = ? where id = ?").params(role.name(), id).update();
        shown.evict(id);
    }

    /** Active accounts that moderate the whole site (moderators and administrators). */
    List<Long> siteModeratorIds() {
        return db.sql("select id from account where role in ('MODERATOR', 'ADMIN') and state = 'ACTIVE' order by id")
                .query(Long.class).list();
    }

    long countByRole(Role role) {
        return db.sql("select count(*) from account where role = ? and state <> 'DELETED'").param(role.name())
                .query(Long.class).single();
    }

    /** Newest first, keyset-paginated; {@code query} matches handle, display name or e-mail. */
    List<Account> search(String query, long beforeId, int limit) {
        if (query == null || query.isBlank()) {
            return db.sql("select " + COLUMNS + " from account where id < ? order by id desc limit ?")
                    .params(beforeId, limit).query(ACCOUNT).list();
        }
        String like = "%" + query.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return db.sql("select " + COLUMNS + " from account where id < ? and (handle_key like ? escape '\\' "
                        + "or email_key like ? escape '\\' or lower(display_name) like ? escape '\\') order by id desc limit ?")
                .params(beforeId, like, like, like, limit).query(ACCOUNT).list();
    }

    void addDisplayNameChange(long id, long accountId, String oldName, String newName, Instant at) {
        db.sql("insert into display_name_change (id, account_id, old_name, new_name, changed_at) values (?, ?, ?, ?, ?)")
                .params(id, accountId, oldName, newName, ts(at)).update();
    }

    Optional<Instant> lastDisplayNameChange(long accountId) {
        return db.sql("select max(changed_at) as last_change from display_name_change where account_id = ?").param(accountId)
                .query((rs, n) -> Optional.ofNullable(instant(rs, "last_change"))).single();
    }

    List<DisplayNameChange> displayNameChangesSince(long accountId, Instant since) {
        return db.sql("select old_name, new_name, changed_at from display_name_change where account_id = ? "
                        + "and changed_at > ? order by id desc limit 20")
                .params(accountId, ts(since))
                .query((rs, n) -> new DisplayNameChange(rs.getString("old_name"), rs.getString("new_name"), instant(rs, "changed_at")))
                .list();
    }

    List<DisplayNameChange> displayNameChanges(long accountId) {
        return db.sql("select old_name, new_name, changed_at from display_name_change where account_id = ? order by id desc limit 100")
                .param(accountId)
                .query((rs, n) -> new DisplayNameChange(rs.getString("old_name"), rs.getString("new_name"), instant(rs, "changed_at")))
                .list();
    }
}
