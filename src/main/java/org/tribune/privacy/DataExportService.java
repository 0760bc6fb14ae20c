package org.tribune.privacy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.mail.Mailer;
import org.tribune.platform.Ids;
import org.tribune.platform.NotFound;
import org.tribune.platform.SignedLinks;
import org.tribune.platform.SiteAddress;
import org.tribune.platform.TooManyRequests;
import org.tribune.platform.personaldata.PersonalData;

/**
 * Exports of a person's data. Asking queues an export; a background job (every node polls, one takes each export)
 * writes the archive, showing its progress, and mails the owner when it is ready. The archive is downloaded only by
 * its signed-in owner through a link the server signed, for {@value #VALID_DAYS} days; then file and row are gone.
 * One export per day, so that nobody can make the server write archives without end.
 */
@Service
public class DataExportService {
    static final int VALID_DAYS = 7;
    static final Duration VALID_FOR = Duration.ofDays(VALID_DAYS);
    static final Duration ONE_PER = Duration.ofHours(24);
    static final String LINK_PURPOSE = "data-export";
    private static final Logger log = LoggerFactory.getLogger(DataExportService.class);

    private final DataExports exports;
    private final PersonalDataSources sources;
    private final AccountService accounts;
    private final Mailer mailer;
    private final MessageSource messages;
    private final SignedLinks links;
    private final SiteAddress site;
    private final TransactionTemplate tx;
    private final Ids ids;
    private final Clock clock;
    private final ExportFiles files;

    DataExportService(DataExports exports, PersonalDataSources sources, AccountService accounts, Mailer mailer,
            MessageSource messages, SignedLinks links, SiteAddress site, TransactionTemplate tx, Ids ids, Clock clock,
            ExportFiles files) {
        this.exports = exports;
        this.sources = sources;
        this.accounts = accounts;
        this.mailer = mailer;
        this.messages = messages;
        this.links = links;
        this.site = site;
        this.tx = tx;
        this.ids = ids;
        this.clock = clock;
        this.files = files;
    }

    /**
     * Queues an export; refused when the last one was asked for less than a day ago (unless it failed). The claim
     * makes the check hold when requests arrive together (two tabs, a double click, a script).
     */
    public void request(long accountId) {
        tx.executeWithoutResult(status -> requestInTransaction(accountId));
    }

    private void requestInTransaction(long accountId) {
        Instant now = clock.instant();
        Optional<DataExport> last = exports.latestOf(accountId);
        if (last.isPresent() && last.get().state() != DataExport.State.FAILED
                && last.get().requestedAt().plus(ONE_PER).isAfter(now)) {
            throw new TooManyRequests(Duration.between(now, last.get().requestedAt().plus(ONE_PER)));
        }
        if (!exports.claim(accountId, now, now.minus(ONE_PER))) {
            throw new TooManyRequests(ONE_PER);
        }
        exports.add(ids.next(), accountId, now, now.plus(VALID_FOR));
    }

    /** The person's latest export that has not expired yet. */
    public Optional<DataExport> latest(long accountId) {
        return exports.latestOf(accountId).filter(e -> e.expiresAt().isAfter(clock.instant()));
    }

    /** When the person may ask for the next export, if not now. */
    public Optional<Instant> nextAllowedAt(long accountId) {
        return exports.latestOf(accountId).filter(e -> e.state() != DataExport.State.FAILED)
                .map(e -> e.requestedAt().plus(ONE_PER)).filter(t -> t.isAfter(clock.instant()));
    }

    /** The download address of a ready export: signed, and valid until the export expires. */
    String downloadPath(DataExport export) {
        Duration left = Duration.between(clock.instant(), export.expiresAt());
        return "/settings/privacy/export/download?token=" + links.sign(LINK_PURPOSE, Long.toString(export.id()),
                left.isNegative() ? Duration.ZERO : left);
    }

    /**
     * The archive behind a link, for its owner only. A forged, expired or someone else's link, or an export that is
     * not ready, all answer the same "not found", so a link tells nothing about anyone.
     */
    Path open(long viewerId, String token) {
        long id;
        try {
            id = Long.parseLong(links.verify(LINK_PURPOSE, token));
        } catch (SignedLinks.InvalidLink | NumberFormatException refused) {
            throw new NotFound("export");
        }
        DataExport export = exports.byId(id)
                .filter(e -> e.accountId() == viewerId && e.isReady() && e.expiresAt().isAfter(clock.instant()))
                .orElseThrow(() -> new NotFound("export"));
        Path file = files.path(export.fileName());
        if (!Files.isRegularFile(file)) {
            throw new NotFound("export");
        }
        return file;
    }

    /** Every few seconds, on every node: each waiting export is written by the node that takes it. */
    @Scheduled(fixedDelay = 5_000, initialDelay = 10_000)
    public void runPending() {
        for (long id : exports.pending(10)) {
            if (exports.start(id)) {
                write(id);
            }
        }
    }

    private void write(long id) {
        DataExport export = exports.byId(id).orElseThrow();
        Account owner = accounts.byId(export.accountId()).orElse(null);
        if (owner == null) {
            exports.releaseClaimOf(id);
            exports.fail(id, clock.instant());
            return;
        }
        String fileName = files.newName();
        Path file = files.path(fileName);
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                ExportArchive archive = new ExportArchive(out, words(owner.language()), clock.instant());
                List<PersonalData> all = sources.forShowing();
                for (int i = 0; i < all.size(); i++) {
                    all.get(i).export(owner.id(), archive);
                    exports.progress(id, (i + 1) * 95 / all.size());
                }
                archive.finish();
            }
            long size = Files.size(file);
            log.info("export {} ready: {} bytes", id, size); // never the owner, the link or the content
            tx.executeWithoutResult(status -> {
                exports.finish(id, fileName, size, clock.instant());
                DataExport ready = exports.byId(id).orElseThrow();
                mailer.send(owner.email(), owner.language(), "mail.export-ready", owner.handle(),
                        site.of(downloadPath(ready)), VALID_DAYS);
            });
        } catch (IOException | RuntimeException e) {
            // Only the id: what failed may hold the person's data.
            log.warn("export {} failed: {}", id, e.getClass().getSimpleName());
            exports.releaseClaimOf(id);
            exports.fail(id, clock.instant());
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // nothing more to do; the expiry sweep tries again
            }
        }
    }

    /** Expired exports lose their file and their row. Plain deletes: harmless on several nodes at once. */
    @Scheduled(fixedDelay = 3_600_000, initialDelay = 120_000)
    public void forgetExpired() {
        exports.releaseStaleClaims(clock.instant().minus(Duration.ofHours(6)));
        exports.failStale(clock.instant().minus(Duration.ofHours(6)), clock.instant());
        for (DataExport export : exports.expiredBefore(clock.instant())) {
            files.delete(export);
            exports.delete(export.id());
        }
    }

    /** The archive's bytes, for tests that look inside. */
    Optional<byte[]> read(DataExport export) {
        try {
            return export.fileName() == null ? Optional.empty() : Optional.of(Files.readAllBytes(files.path(export.fileName())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private ExportArchive.Words words(Locale language) {
        return new ExportArchive.Words() {
            @Override
            public String title(String category) {
                return messages.getMessage("privacy.category." + category, null, category, language);
            }

            @Override
            public String retention(String category) {
                return messages.getMessage("privacy.retention." + category, null, "", language);
            }

            @Override
            public String text(String key, Object... args) {
                return messages.getMessage(key, args, key, language);
            }
        };
    }
}
