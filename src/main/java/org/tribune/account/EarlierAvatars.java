package org.tribune.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tribune.media.MediaService;
import org.tribune.media.Picture;
import org.tribune.media.PictureUse;
import org.tribune.platform.InvalidInput;

/**
 * Profile pictures of earlier versions were JPEG files of {@code <data dir>/avatars}, which pictures no longer serve.
 * After start-up each one goes through the pictures' pipeline once, so nobody loses their face on an upgrade; the old
 * file is removed once its replacement is committed. Safe with several nodes: an account is only updated if it still
 * names the old file, and a node that finds the file gone (another node converted it) leaves it alone.
 */
@Component
class EarlierAvatars {
    private static final Logger log = LoggerFactory.getLogger(EarlierAvatars.class);
    private static final int BATCH = 100;

    private final Accounts accounts;
    private final MediaService media;
    private final TransactionTemplate transactions;
    private final Path directory;

    EarlierAvatars(Accounts accounts, MediaService media, TransactionTemplate transactions,
            @Value("${tribune.data-dir:./data}") String dataDir) {
        this.accounts = accounts;
        this.media = media;
        this.transactions = transactions;
        this.directory = Path.of(dataDir, "avatars");
    }

    @EventListener(ApplicationReadyEvent.class)
    void convertInBackground() {
        Thread.ofVirtual().name("earlier-avatars").start(() -> {
            try {
                int converted = convertAll();
                if (converted > 0) {
                    log.info("{} profile pictures of an earlier version now go through the pictures' pipeline", converted);
                }
            } catch (RuntimeException e) {
                log.warn("Profile pictures of an earlier version were not all converted; the next start tries again", e);
            }
        });
    }

    /**
     * Converts every earlier picture there is; answers how many now show again. Each account leaves the list whatever
     * happens to it (converted, dropped as unreadable, or changed meanwhile by its owner), so this ends.
     */
    int convertAll() {
        int converted = 0;
        List<Accounts.EarlierAvatar> batch;
        while (!(batch = accounts.earlierAvatars(BATCH)).isEmpty()) {
            for (Accounts.EarlierAvatar earlier : batch) {
                if (convert(earlier)) {
                    converted++;
                }
            }
        }
        return converted;
    }

    private boolean convert(Accounts.EarlierAvatar earlier) {
        Path file = directory.resolve(earlier.file()).normalize();
        if (!file.startsWith(directory) || !Files.isRegularFile(file)) {
            // lost, or not a name this version ever wrote: the account shows no picture, as it already did
            accounts.replaceEarlierAvatar(earlier.accountId(), earlier.file(), null);
            return false;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Boolean done = transactions.execute(status -> {
                Picture picture = media.replace(earlier.accountId(), PictureUse.AVATAR, earlier.accountId(),
                        new MediaService.Upload("avatar.jpg", bytes));
                if (!accounts.replaceEarlierAvatar(earlier.accountId(), earlier.file(),
                        picture.id() + "/" + picture.widths().getFirst())) {
                    status.setRollbackOnly();
                    return false;
                }
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                Files.deleteIfExists(file);
                return true;
            }
            return false;
        } catch (InvalidInput refused) {
            // unreadable now, so never shown again: kept, it would be personal data nobody can see or erase
            log.warn("The profile picture of account {} could not be read again and is dropped", earlier.accountId());
            if (accounts.replaceEarlierAvatar(earlier.accountId(), earlier.file(), null)) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
