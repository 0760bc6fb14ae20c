package org.tribune.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tribune.media.MediaService;
import org.tribune.media.Picture;
import org.tribune.media.PictureUse;
import org.tribune.platform.Conflict;
import org.tribune.platform.Ids;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.NotFound;
import org.tribune.platform.RateLimiter;
import org.tribune.platform.SecretTokens;
import org.tribune.platform.SignedLinks;
import org.tribune.platform.web.Viewer;

/** The account use cases: sign-up, verification, passwords, addresses, profile and preferences. */
@Service
public class AccountService {
    static final String VERIFY = "verify-email";
    static final String CHANGE_EMAIL = "change-email";
    static final Duration VERIFY_VALID_FOR = Duration.ofHours(48);
    static final Duration CHANGE_EMAIL_VALID_FOR = Duration.ofHours(24);
    static final Duration RESET_VALID_FOR = Duration.ofHours(1);

    private final Accounts accounts;
    private final PasswordResets resets;
    private final AccountRules rules;
    private final AccountMails mails;
    private final PasswordEncoder passwords;
    private final SignedLinks links;
    private final RateLimiter limiter;
    private final SignedInDevices devices;
    private final ApplicationEventPublisher events;
    private final Ids ids;
    private final Clock clock;
    private final String defaultZone;
    private final RateLimiter.Limit signUps;
    private final RateLimiter.Limit mailRequests;
    private final ApiTokens tokens;
    private final AccountPrivacy privacy;
    private final MediaService media;
    /** How long after a change of display name the next one may happen: passing for someone else takes patience. */
    private final Duration nameChangeInterval;

    AccountService(Accounts accounts, PasswordResets resets, AccountRules rules, AccountMails mails,
            PasswordEncoder passwords, SignedLinks links, RateLimiter limiter, SignedInDevices devices,
            ApplicationEventPublisher events, Ids ids, Clock clock,
            @Value("${tribune.default-time-zone:UTC}") String defaultZone,
            @Value("${tribune.limits.signups-per-hour:10}") int signUpsPerHour, ApiTokens tokens,
            AccountPrivacy privacy, MediaService media,
            @Value("${tribune.accounts.display-name-change-interval:7d}") Duration nameChangeInterval) {
        this.nameChangeInterval = nameChangeInterval;
        this.tokens = tokens;
        this.privacy = privacy;
        this.media = media;
        this.accounts = accounts;
        this.resets = resets;
        this.rules = rules;
        this.mails = mails;
        this.passwords = passwords;
        this.links = links;
        this.limiter = limiter;
        this.devices = devices;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
        this.defaultZone = defaultZone;
        this.signUps = new RateLimiter.Limit("sign-up", signUpsPerHour, Duration.ofHours(1));
        this.mailRequests = new RateLimiter.Limit("account-mail", 10, Duration.ofHours(1));
    }

    public Optional<Account> byId(long id) {
        return accounts.byId(id);
    }

    /** The account of the person reading this request, as already read for it (no second query); empty for a visitor. */
    public Optional<Account> of(Viewer viewer) {
        if (viewer == null) {
            return Optional.empty();
        }
        return viewer instanceof AccountViewer known ? Optional.of(known.account()) : accounts.byId(viewer.id());
    }

    /** The accounts with these ids, by id; ids without an account are left out. */
    public java.util.Map<Long, Account> byIds(java.util.Collection<Long> ids) {
        return accounts.byIds(ids).stream().collect(java.util.stream.Collectors.toMap(Account::id, a -> a));
    }

    /** Who moderates the whole site: active moderators and administrators. */
    public List<Long> siteModeratorIds() {
        return accounts.siteModeratorIds();
    }

    /** Active accounts after {@code afterId} in id order: for the search index (which honours their privacy). */
    public List<Account> activeAfter(long afterId, int limit) {
        return accounts.activeAfter(afterId, limit);
    }

    public Optional<Account> byHandle(String handle) {
        return handle == null || handle.length() > 30 ? Optional.empty() : accounts.byHandle(handle);
    }

    /**
     * Opens an account and sends the verification link. When the address is already registered, the answer is the
     * same and the owner of the address is told by mail instead: the reply reveals nothing.
     */
    @Transactional
    public Registration signUp(SignUp form, String clientAddress) {
        limiter.consume(signUps, clientAddress);
        String handle = form.handle() == null ? null : form.handle().trim();
        String email = form.email() == null ? null : form.email().trim();
        InvalidInput.Collector errors = new InvalidInput.Collector();
        rules.checkHandle(errors, handle);
        rules.checkEmail(errors, "email", email);
        rules.checkPassword(errors, "password", form.password(), handle, email);
        rules.checkLocale(errors, form.locale());
        if (!form.acceptConduct()) {
            errors.add("acceptConduct", "conduct.required");
        }
        if (!errors.has("handle") && accounts.handleTaken(handle)) {
            errors.add("handle", "handle.taken");
        }
        errors.throwIfAny();
        // Hashed whether or not the address is known, so both answers take the same time.
        String hash = passwords.encode(form.password());
        Optional<Account> existing = accounts.byEmail(email);
        Locale locale = Locale.forLanguageTag(form.locale());
        if (existing.isPresent()) {
            mails.signUpWithKnownAddress(existing.get().email(), existing.get().language());
        } else {
            Instant now = clock.instant();
            Account account = new Account(ids.next(), handle, email, handle, "", form.locale(), defaultZone,
                    AccountState.UNVERIFIED, Role.MEMBER, now, null);
            try {
                accounts.insert(account, hash, now);
            } catch (DuplicateKeyException raced) {
                throw InvalidInput.of("handle", "handle.taken");
            }
            mails.verification(email, locale, handle, links.sign(VERIFY, account.id() + ":" + email, VERIFY_VALID_FOR));
            events.publishEvent(new AccountRegistered(account.id()));
            if (form.invitation() != null && !form.invitation().isBlank() && form.invitation().length() <= 200) {
                events.publishEvent(new InvitationPresented(account.id(), form.invitation().strip()));
            }
        }
        return new Registration(handle, email, form.locale(), AccountState.UNVERIFIED);
    }

    /** Confirms an address from the signed link; the link works once. */
    @Transactional
    public Account verify(String token) {
        String[] payload = links.verify(VERIFY, token).split(":", 2);
        long id = Long.parseLong(payload[0]);
        Account account = accounts.byId(id).orElseThrow(() -> new NotFound("account"));
        if (accounts.markVerified(id, payload[1], AccountState.WAITING, clock.instant())) {
            // Admission listens in this transaction: it admits at once when the gates are open or an invitation
            // was used, and otherwise puts the account in the queue.
            events.publishEvent(new AccountVerified(id));
            return accounts.byId(id).orElseThrow();
        }
        if (account.state() == AccountState.UNVERIFIED) {
            throw new Conflict("link.invalid"); // the address changed since the link was sent
        }
        return account;
    }

    /**
     * Lets a waiting account take part: WAITING becomes ACTIVE and {@link AccountActivated} is published. Does
     * nothing to an account in any other state, so calling it twice admits once.
     *
     * @return whether this call admitted the account
     */
    @Transactional
    public boolean admit(long accountId) {
        if (!accounts.admit(accountId)) {
            return false;
        }
        events.publishEvent(new AccountActivated(accountId));
        return true;
    }

    /** Sends a new verification link to an unverified account; says nothing about other addresses. */
    @Transactional
    public void resendVerification(String email, String clientAddress) {
        limiter.consume(mailRequests, clientAddress);
        if (email == null || email.length() > 254) {
            return;
        }
        accounts.byEmail(email).filter(a -> a.state() == AccountState.UNVERIFIED).ifPresent(a ->
                mails.verification(a.email(), a.language(), a.handle(),
                        links.sign(VERIFY, a.id() + ":" + a.email(), VERIFY_VALID_FOR)));
    }

    @Transactional
    public void requestPasswordReset(String email, String clientAddress) {
        limiter.consume(mailRequests, clientAddress);
        if (email == null || email.length() > 254) {
            return;
        }
        accounts.byEmail(email).filter(a -> a.state() != AccountState.DELETED).ifPresent(a -> {
            String token = SecretTokens.newToken("");
            resets.add(SecretTokens.hash(token), a.id(), clock.instant().plus(RESET_VALID_FOR));
            mails.passwordReset(a.email(), a.language(), a.handle(), token);
        });
    }

    public boolean isResetCodeValid(String token) {
        return token != null && token.length() < 200 && resets.accountFor(SecretTokens.hash(token), clock.instant()).isPresent();
    }

    /** Sets a new password from a reset code, and signs the account out everywhere. */
    @Transactional
    public Account resetPassword(String token, String newPassword) {
        if (token == null || token.length() > 200) {
            throw new Conflict("link.invalid");
        }
        String hash = SecretTokens.hash(token);
        long id = resets.accountFor(hash, clock.instant()).orElseThrow(() -> new Conflict("link.invalid"));
        Account account = accounts.byId(id).orElseThrow(() -> new Conflict("link.invalid"));
        InvalidInput.Collector errors = new InvalidInput.Collector();
        rules.checkPassword(errors, "password", newPassword, account.handle(), account.email());
        errors.throwIfAny();
        if (!resets.use(hash, clock.instant())) {
            throw new Conflict("link.invalid");
        }
        accounts.updatePasswordHash(id, passwords.encode(newPassword));
        resets.forgetAllOf(id);
        devices.signOutEverywhere(id);
        mails.passwordChanged(account.email(), account.language(), account.handle());
        return account;
    }

    /** Changes the password after checking the current one; other devices are signed out. */
    @Transactional
    public void changePassword(long accountId, String currentPassword, String newPassword, String keepSessionId) {
        Account account = accounts.byId(accountId).orElseThrow(() -> new NotFound("account"));
        requirePassword(accountId, currentPassword);
        InvalidInput.Collector errors = new InvalidInput.Collector();
        rules.checkPassword(errors, "newPassword", newPassword, account.handle(), account.email());
        errors.throwIfAny();
        accounts.updatePasswordHash(accountId, passwords.encode(newPassword));
        devices.signOutOthers(accountId, keepSessionId);
        mails.passwordChanged(account.email(), account.language(), account.handle());
    }

    /** Sends a confirmation link to the new address; the change happens when it is followed. */
    @Transactional
    public void requestEmailChange(long accountId, String currentPassword, String newEmail) {
        Account account = accounts.byId(accountId).orElseThrow(() -> new NotFound("account"));
        requirePassword(accountId, currentPassword);
        InvalidInput.Collector errors = new InvalidInput.Collector();
        rules.checkEmail(errors, "email", newEmail);
        errors.throwIfAny();
        String email = newEmail.trim();
        if (accounts.emailTaken(email)) {
            if (!Accounts.key(email).equals(Accounts.key(account.email()))) {
                mails.emailChangeToTakenAddress(email, account.language());
            }
            return;
        }
        mails.emailChange(email, account.language(), account.handle(),
                links.sign(CHANGE_EMAIL, accountId + ":" + email, CHANGE_EMAIL_VALID_FOR));
    }

    @Transactional
    public Account confirmEmailChange(String token) {
        String[] payload = links.verify(CHANGE_EMAIL, token).split(":", 2);
        long id = Long.parseLong(payload[0]);
        Account account = accounts.byId(id).filter(a -> a.state() != AccountState.DELETED)
                .orElseThrow(() -> new NotFound("account"));
        String email = payload[1];
        if (Accounts.key(email).equals(Accounts.key(account.email()))) {
            return account;
        }
        if (accounts.emailTaken(email)) {
            throw new Conflict("email.taken");
        }
        try {
            accounts.updateEmail(id, email);
        } catch (DuplicateKeyException raced) {
            throw new Conflict("email.taken");
        }
        mails.emailChangeNotice(account.email(), account.language(), account.handle(), email);
        return accounts.byId(id).orElseThrow();
    }

    @Transactional
    public Account updateProfile(long accountId, String displayName, String bio) {
        Account account = accounts.byId(accountId).orElseThrow(() -> new NotFound("account"));
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String name = displayName == null ? null : displayName.strip();
        rules.checkProfile(errors, name, bio);
        errors.throwIfAny();
        if (!name.equals(account.displayName())) {
            Optional<Instant> next = displayNameLockedUntil(accountId);
            if (next.isPresent()) {
                throw InvalidInput.of("displayName", "account.display-name-too-soon",
                        NAME_CHANGE_TIME.withZone(account.zone()).format(next.get()));
            }
            accounts.addDisplayNameChange(ids.next(), accountId, account.displayName(), name, clock.instant());
        }
        accounts.updateProfile(accountId, name, bio == null ? "" : bio);
        events.publishEvent(new ProfileChanged(accountId));
        return accounts.byId(accountId).orElseThrow();
    }

    @Transactional
    public Account updatePreferences(long accountId, String locale, String timeZone) {
        Account account = accounts.byId(accountId).orElseThrow(() -> new NotFound("account"));
        InvalidInput.Collector errors = new InvalidInput.Collector();
        rules.checkLocale(errors, locale);
        String zone = timeZone == null || timeZone.isBlank() ? account.timeZone() : timeZone.trim();
        rules.checkTimeZone(errors, zone);
        errors.throwIfAny();
        accounts.updatePreferences(accountId, locale, zone);
        return accounts.byId(accountId).orElseThrow();
    }

    /** When this person may change their display name again; empty when they may now. */
    public Optional<Instant> displayNameLockedUntil(long accountId) {
        return accounts.lastDisplayNameChange(accountId).map(at -> at.plus(nameChangeInterval))
                .filter(next -> next.isAfter(clock.instant()));
    }

    /** How long earlier display names are shown to everyone on a profile, so nobody quietly becomes someone else. */
    public static final Duration EARLIER_NAMES_SHOWN = Duration.ofDays(30);

    /** Display names this person had in the last {@link #EARLIER_NAMES_SHOWN}, newest change first: public. */
    public List<DisplayNameChange> recentEarlierNames(long accountId) {
        return accounts.displayNameChangesSince(accountId, clock.instant().minus(EARLIER_NAMES_SHOWN));
    }

    private static final java.time.format.DateTimeFormatter NAME_CHANGE_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", java.util.Locale.ROOT);

    /** Earlier display names, for moderators deciding whether someone poses as another. */
    public List<DisplayNameChange> displayNameHistory(long accountId) {
        return accounts.displayNameChanges(accountId);
    }

    /** How long a person who asked for deletion has to change their mind by signing in. */
    public static final Duration DELETION_GRACE = Duration.ofDays(14);

    /**
     * Freezes the account after checking its password: signed out everywhere, API tokens and reset codes revoked,
     * profile and posts hidden. The purge erases it after {@link #DELETION_GRACE} unless its owner signs in and
     * cancels.
     *
     * @return when the purge may erase it
     */
    @Transactional
    public Instant requestDeletion(long accountId, String password, boolean deleteContent) {
        requirePassword(accountId, password);
        Instant due = clock.instant().plus(DELETION_GRACE);
        if (!accounts.close(accountId, due, deleteContent)) {
            throw new Conflict("deletion.not-possible");
        }
        tokens.deleteAllOf(accountId);
        resets.forgetAllOf(accountId);
        devices.signOutEverywhere(accountId);
        Account account = accounts.byId(accountId).orElseThrow();
        mails.deletionRequested(account.email(), account.language(), account.handle(), due, account.zone());
        return due;
    }

    /** Lifts the freeze of a closing account; false when it was not closing. */
    @Transactional
    public boolean cancelDeletion(long accountId) {
        return accounts.reopen(accountId);
    }

    /** When a closing account will be erased; empty for any other account. */
    public Optional<Instant> deletionDueAt(long accountId) {
        return accounts.deletionDueAt(accountId);
    }

    /** Closing accounts whose time to cancel has run out (id → whether their posts and comments go too). */
    public java.util.Map<Long, Boolean> dueForErasure(int limit) {
        return accounts.closingDueBefore(clock.instant(), limit);
    }

    public PrivacySettings privacy(long accountId) {
        return privacy.of(accountId);
    }

    public java.util.Map<Long, PrivacySettings> privacy(java.util.Collection<Long> accountIds) {
        return privacy.of(accountIds);
    }

    @Transactional
    public void updatePrivacy(long accountId, PrivacySettings settings) {
        privacy.save(accountId, settings);
        events.publishEvent(new ProfileChanged(accountId));
    }

    /**
     * Replaces the profile picture with a square copy of the upload, processed like every picture (see
     * {@link MediaService}): no metadata, random name, the old one's files removed. Refusals name the field "avatar".
     */
    @Transactional
    public void changeAvatar(long accountId, String fileName, byte[] upload) {
        Picture picture;
        try {
            picture = media.replace(accountId, PictureUse.AVATAR, accountId, new MediaService.Upload(fileName, upload));
        } catch (InvalidInput invalid) {
            throw new InvalidInput(invalid.problems().stream()
                    .map(p -> new InvalidInput.Problem("avatar", p.code(), p.args())).toList());
        }
        accounts.updateAvatar(accountId, picture.id() + "/" + picture.widths().getFirst());
    }

    @Transactional
    public void removeAvatar(long accountId) {
        accounts.updateAvatar(accountId, null);
        media.removeFrom(PictureUse.AVATAR, accountId);
    }

    /** The address of someone's profile picture on this site, if they have one. */
    public Optional<String> avatarPath(long accountId) {
        return accounts.avatarFile(accountId).filter(f -> f.contains("/")).map(f -> "/media/" + f + ".jpg");
    }

    private void requirePassword(long accountId, String password) {
        String hash = accounts.passwordHash(accountId).orElseThrow(() -> new NotFound("account"));
        if (password == null || password.length() > AccountRules.PASSWORD_MAX || !passwords.matches(password, hash)) {
            throw InvalidInput.of("currentPassword", "password.wrong");
        }
    }
}
