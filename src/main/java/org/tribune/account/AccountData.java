package org.tribune.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.tribune.media.MediaService;
import org.tribune.media.PictureUse;
import org.tribune.mail.MailMessage;
import org.tribune.mail.Mailer;
import org.tribune.platform.personaldata.DataCategory;
import org.tribune.platform.personaldata.Erasure;
import org.tribune.platform.personaldata.ExportWriter;
import org.tribune.platform.personaldata.PersonalData;

/**
 * What the account feature holds on a person: the account itself (with privacy settings and avatar), earlier display
 * names, signed-in sessions, API tokens, password reset codes, failed logins at their address, and the log of mails
 * sent to them (the mail feature keeps it; this feature knows the address). Its erasure runs last: it keeps the row,
 * so ids elsewhere still resolve, but as "former member" with nothing left that identified the person.
 */
@Component
class AccountData implements PersonalData {
    static final DataCategory ACCOUNT = new DataCategory("account");
    static final DataCategory PROFILE_HISTORY = new DataCategory("profile-history");
    static final DataCategory SESSIONS = new DataCategory("sessions");
    static final DataCategory TOKENS = new DataCategory("api-tokens");
    static final DataCategory RESETS = new DataCategory("password-resets");
    static final DataCategory FAILED_LOGINS = new DataCategory("failed-logins");
    static final DataCategory MAIL = new DataCategory("mail-log");

    private final Accounts accounts;
    private final AccountPrivacy privacy;
    private final ApiTokens tokens;
    private final PasswordResets resets;
    private final LoginFailures failures;
    private final SignedInDevices devices;
    private final MediaService media;
    private final java.nio.file.Path legacyAvatars;
    private final Mailer mailer;
    private final Clock clock;

    AccountData(Accounts accounts, AccountPrivacy privacy, ApiTokens tokens, PasswordResets resets,
            LoginFailures failures, SignedInDevices devices, MediaService media, Mailer mailer, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${tribune.data-dir:./data}") String dataDir) {
        this.legacyAvatars = java.nio.file.Path.of(dataDir, "avatars");
        this.accounts = accounts;
        this.privacy = privacy;
        this.tokens = tokens;
        this.resets = resets;
        this.failures = failures;
        this.devices = devices;
        this.media = media;
        this.mailer = mailer;
        this.clock = clock;
    }

    @Override
    public List<DataCategory> categories() {
        return List.of(ACCOUNT, PROFILE_HISTORY, SESSIONS, TOKENS, RESETS, FAILED_LOGINS, MAIL);
    }

    @Override
    public Map<String, Long> counts(long accountId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Account account = accounts.byId(accountId).orElse(null);
        counts.put(ACCOUNT.name(), account == null ? 0L : 1L);
        counts.put(PROFILE_HISTORY.name(), (long) accounts.displayNameChanges(accountId).size());
        counts.put(SESSIONS.name(), (long) devices.of(accountId, "").size());
        counts.put(TOKENS.name(), tokens.countOf(accountId));
        counts.put(RESETS.name(), (long) resets.of(accountId).size());
        counts.put(FAILED_LOGINS.name(), account == null ? 0L : failures.of(Accounts.key(account.email())).size());
        counts.put(MAIL.name(), account == null ? 0L : mailer.countSentTo(account.email()));
        return counts;
    }

    @Override
    public void export(long accountId, ExportWriter out) {
        Account account = accounts.byId(accountId).orElseThrow();
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("type", "Person");
        person.put("id", account.id());
        person.put("preferredUsername", account.handle());
        person.put("name", account.displayName());
        person.put("summary", account.bio());
        person.put("email", account.email());
        person.put("language", account.locale());
        person.put("timeZone", account.timeZone());
        person.put("state", account.state().name());
        person.put("role", account.role().name());
        person.put("published", account.createdAt());
        person.put("verifiedAt", account.verifiedAt());
        PrivacySettings settings = privacy.of(accountId);
        person.put("privacy", Map.of("profile", settings.profile().name(), "groups", settings.groups().name(),
                "follows", settings.follows().name(), "mentions", settings.mentions().name(),
                "searchEngines", settings.indexable(), "findableByName", settings.findable()));
        accounts.avatarFile(accountId).filter(a -> a.contains("/")).flatMap(a -> media.largestJpeg(a.substring(0, a.indexOf('/'))))
                .ifPresent(bytes -> {
            out.media("avatar.jpg", bytes);
            person.put("icon", Map.of("type", "Image", "mediaType", "image/jpeg", "url", "media/avatar.jpg"));
        });
        out.records(ACCOUNT.name(), List.of(person));
        out.records(PROFILE_HISTORY.name(), accounts.displayNameChanges(accountId).stream().map(c -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("oldName", c.oldName());
            row.put("newName", c.newName());
            row.put("changedAt", c.changedAt());
            return row;
        }).toList());
        out.records(SESSIONS.name(), devices.of(accountId, "").stream().map(d -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("device", d.device());
            row.put("signedInAt", d.signedInAt());
            row.put("lastSeenAt", d.lastSeenAt());
            return row;
        }).toList());
        out.records(TOKENS.name(), tokens.of(accountId).stream().map(t -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", t.name());
            row.put("createdAt", t.createdAt());
            row.put("lastUsedAt", t.lastUsedAt());
            return row;
        }).toList());
        out.records(RESETS.name(), resets.of(accountId));
        out.records(FAILED_LOGINS.name(), failures.of(Accounts.key(account.email())).stream()
                .map(at -> Map.of("failedAt", at)).toList());
        List<Map<String, Object>> mails = new ArrayList<>();
        for (MailMessage m : mailer.sentTo(account.email())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("to", m.recipient());
            row.put("subject", m.subject());
            row.put("createdAt", m.createdAt());
            row.put("sentAt", m.sentAt());
            mails.add(row);
        }
        out.records(MAIL.name(), mails);
    }

    @Override
    public void erase(long accountId, Erasure erasure) {
        Account account = accounts.byId(accountId).orElse(null);
        if (account == null || account.state() == AccountState.DELETED) {
            return;
        }
        List<String> names = new ArrayList<>(List.of(account.handle(), account.email()));
        names.add(account.displayName());
        accounts.displayNameChanges(accountId).forEach(c -> {
            names.add(c.oldName());
            names.add(c.newName());
        });
        devices.signOutEverywhere(accountId);
        tokens.deleteAllOf(accountId);
        resets.forgetAllOf(accountId);
        failures.deleteOf(Accounts.key(account.email()));
        privacy.delete(accountId);
        media.removeFrom(PictureUse.AVATAR, accountId);
        // a picture of an earlier version, a file of <data dir>/avatars, goes too
        accounts.avatarFile(accountId).filter(f -> f.matches("[0-9a-f]{32}\\.jpg")).ifPresent(f -> {
            try {
                java.nio.file.Files.deleteIfExists(legacyAvatars.resolve(f));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        mailer.forget(account.email(), names);
        accounts.scrubAudit(names.stream().filter(n -> n != null && n.strip().length() >= 3).toList());
        accounts.deleteDisplayNameChanges(accountId);
        accounts.retireHandle(account.handle(), clock.instant());
        accounts.anonymise(accountId);
    }
}
