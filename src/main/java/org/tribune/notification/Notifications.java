package org.tribune.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tribune.platform.Ids;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.NotFound;
import org.tribune.platform.live.LiveChannel;
import org.tribune.platform.live.LiveUpdatesMissed;

/**
 * Everyone's notifications: recording them, listing them as their recipient may see them, counting the unread ones,
 * marking them read, and the digest setting. Only the recipient reads or marks their own.
 */
@Service
public class Notifications {
    public static final int PAGE_SIZE = 30;
    /** The live event sent to a recipient's pages after each new notification: {@code {"unread": n}}. */
    public static final String LIVE_EVENT = "notification";
    /** The unread count looks at this many of the newest unread notifications at most. */
    static final int UNREAD_SCAN = 300;
    private static final int ROWS_PER_READ = 60;
    private static final int READS_PER_PAGE = 5;
    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final Inbox inbox;
    private final DigestSettings settings;
    private final Entries entries;
    private final LiveChannel live;
    private final Ids ids;
    private final Clock clock;
    // The live count is read after commit, off the thread that made the change.
    private final Executor pushes = Executors.newVirtualThreadPerTaskExecutor();

    Notifications(Inbox inbox, DigestSettings settings, Entries entries, LiveChannel live, Ids ids, Clock clock) {
        this.inbox = inbox;
        this.settings = settings;
        this.entries = entries;
        this.live = live;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Notes that {@code actorId} did something that concerns {@code recipientId}. Nobody is notified of their own
     * action, nor twice of the same person's action on the
     * same post or comment. After commit, the recipient's open pages get the new count.
     */
    @Transactional
    public void record(long recipientId, NotificationKind kind, Long actorId, Long groupId, Long postId, Long commentId) {
        Objects.requireNonNull(kind, "kind");
        if (actorId != null && actorId == recipientId) {
            return;
        }
        if (kind.isGrouped() && (postId == null || actorId == null)) {
            throw new IllegalArgumentException(kind + " needs the post and who liked it");
        }
        // One notification per person, kind, actor and post or comment: a like taken back and given again adds
        // nothing. (An event handed over twice is run once anyway: see EventNotifications.)
        if (postId != null && actorId != null && inbox.has(recipientId, kind, actorId, postId, commentId)) {
            return;
        }
        inbox.insert(new Notification(ids.next(), recipientId, kind, actorId, groupId, postId, commentId, clock.instant(), null));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                pushes.execute(() -> pushCount(recipientId));
            }
        });
    }

    /**
     * Notes that something happened to a group event that concerns {@code recipientId}: shown only while the
     * recipient may read the event's group.
     */
    @Transactional
    public void recordAboutEvent(long recipientId, NotificationKind kind, Long actorId, long groupId, long eventId) {
        if (!kind.isAboutEvent()) {
            throw new IllegalArgumentException(kind + " is not about an event");
        }
        if (actorId != null && actorId == recipientId) {
            return;
        }
        inbox.insert(new Notification(ids.next(), recipientId, kind, actorId, groupId, null, null, clock.instant(), null, eventId));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                pushes.execute(() -> pushCount(recipientId));
            }
        });
    }

    /** How many entries of the list are unread: the number on the badge. */
    public int unreadCount(long accountId) {
        // Requests wait in their own tab: they do not raise the badge.
        return (int) entries.visible(accountId, inbox.unread(accountId, UNREAD_SCAN), false, Entries.Box.MAIN).stream()
                .filter(e -> !e.read()).count();
    }

    /** Newest first, {@value #PAGE_SIZE} entries, older than the entry {@code before} (null for the newest). */
    public NotificationPage page(long accountId, Long before) {
        return page(accountId, before, false);
    }

    /**
     * The main list, or with {@code requests} the "requests" tab: what people the person does not follow, or young
     * accounts, did, for those who chose to keep them apart (empty for everyone else).
     */
    public NotificationPage page(long accountId, Long before, boolean requests) {
        Entries.Box box = requests ? Entries.Box.REQUESTS : Entries.Box.MAIN;
        List<NotificationEntry> page = new ArrayList<>();
        long cursor = before == null ? Long.MAX_VALUE : before;
        // Entries left out or grouped leave gaps: read on until the page is full, within reason.
        for (int read = 0; read < READS_PER_PAGE; read++) {
            List<Notification> rows = inbox.before(accountId, cursor, ROWS_PER_READ);
            for (NotificationEntry entry : entries.visible(accountId, rows, true, box)) {
                page.add(entry);
                if (page.size() == PAGE_SIZE) {
                    return new NotificationPage(page, entry.id());
                }
            }
            if (rows.size() < ROWS_PER_READ) {
                return new NotificationPage(page, null);
            }
            cursor = rows.getLast().id();
        }
        return new NotificationPage(page, cursor);
    }

    /** Marks one entry read (all the likes it groups); someone else's notification is "not found". */
    @Transactional
    public void markRead(long accountId, long id) {
        Notification notification = inbox.byId(accountId, id).orElseThrow(() -> new NotFound("notification"));
        if (notification.kind().isGrouped()) {
            inbox.markLikesRead(accountId, notification.subject(), clock.instant());
        } else {
            inbox.markRead(accountId, id, clock.instant());
        }
    }

    @Transactional
    public void markAllRead(long accountId) {
        inbox.markAllRead(accountId, clock.instant());
    }

    /** How often the account gets a digest by e-mail: weekly unless they chose otherwise. */
    public Digest digest(long accountId) {
        return settings.of(accountId).map(DigestSettings.Setting::digest).orElse(Digest.WEEKLY);
    }

    @Transactional
    public void setDigest(long accountId, String digest) {
        Digest chosen = Digest.parse(digest);
        if (chosen == null) {
            throw InvalidInput.of("digest", "notification.digest-invalid");
        }
        settings.createIfAbsent(accountId);
        settings.setDigest(accountId, chosen);
    }

    /**
     * After the bus between nodes was cut, pages open on this node may show an old unread count: each gets the
     * current one, one account after the other on one background thread, so a node with many open pages does not
     * take the whole pool at once.
     */
    @EventListener
    void resend(LiveUpdatesMissed missed) {
        pushes.execute(() -> missed.accountIds().forEach(id -> {
            try {
                live.sendHere(id, LIVE_EVENT, Map.of("unread", unreadCount(id)));
            } catch (RuntimeException failure) {
                log.warn("could not re-send the unread count to account {}", id, failure);
            }
        }));
    }

    private void pushCount(long recipientId) {
        try {
            live.send(recipientId, LIVE_EVENT, Map.of("unread", unreadCount(recipientId)));
        } catch (RuntimeException failure) {
            log.warn("could not push the unread count to account {}", recipientId, failure);
        }
    }
}
