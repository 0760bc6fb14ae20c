package org.tribune.media;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;
import org.tribune.platform.ClusterJobs;
import org.tribune.platform.Conflict;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.NotFound;
import org.tribune.platform.RateLimiter;

/**
 * Pictures' use cases: upload (processed, limited, counted against a quota), describe, attach to what they show on,
 * read with the access check of that thing, and remove with their files.
 */
@Service
public class MediaService {
    public static final int DESCRIPTION_MAX = 1_500;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MediaService.class);

    private final Pictures pictures;
    private final PictureFiles files;
    /** Looked up when asked: the features that answer depend on this service themselves. */
    private final ObjectProvider<PictureAccess> access;
    private final RateLimiter limiter;
    private final ClusterJobs jobs;
    private final Clock clock;
    private final Semaphore decodes;
    /**
     * Decoding runs on platform threads of its own, never on the request's virtual thread: a virtual thread busy
     * with pixels keeps its carrier (one per core) until it is done, so two decodes on a two-core machine stalled
     * every other request, and the uploads waiting for a slot past {@code decode-wait} too (the benchmark saw
     * waits of 22 s, and no 503). On platform threads the system shares the cores and the wait ends on time.
     */
    private final ExecutorService decoders;
    private final Duration decodeWait;
    private final long quota;
    private final RateLimiter.Limit uploadLimit;

    MediaService(Pictures pictures, PictureFiles files, ObjectProvider<PictureAccess> access, RateLimiter limiter, ClusterJobs jobs,
            Clock clock, @Value("${tribune.media.concurrent-decodes:2}") int concurrentDecodes,
            @Value("${tribune.media.decode-wait:PT10S}") Duration decodeWait,
            @Value("${tribune.media.quota:200MB}") DataSize quota,
            @Value("${tribune.media.uploads-per-hour:60}") int uploadsPerHour) {
        this.pictures = pictures;
        this.files = files;
        this.access = access;
        this.limiter = limiter;
        this.jobs = jobs;
        this.clock = clock;
        this.decodes = new Semaphore(Math.max(1, concurrentDecodes), true);
        this.decoders = Executors.newFixedThreadPool(Math.max(1, concurrentDecodes),
                Thread.ofPlatform().name("picture-decode-", 1).daemon().factory());
        this.decodeWait = decodeWait;
        this.quota = quota.toBytes();
        this.uploadLimit = new RateLimiter.Limit("media", uploadsPerHour, Duration.ofHours(1));
    }

    /** A file sent by someone: its name (only for messages, never stored) and its bytes. */
    public record Upload(String fileName, byte[] bytes) {
    }

    /**
     * Processes and stores a picture for a post or comment; it waits unattached (seen by its owner only) until
     * {@link #attach} puts it on what they publish. {@code focus} is "x,y" in fractions of the width and height.
     */
    public Picture upload(long ownerId, Upload upload, String description, String focus) {
        String text = checkedDescription(description);
        double[] point = focus(focus);
        return store(ownerId, PictureUse.POST, null, upload, text, point);
    }

    /**
     * Replaces the one picture of an account or group (avatar, banner, icon) and answers the new one; the old ones'
     * files are removed once this commits.
     */
    @Transactional
    public Picture replace(long ownerId, PictureUse use, long target, Upload upload) {
        return replace(ownerId, use, target, upload, "");
    }

    /** The same, with a description (alternative text) for pictures that have one, such as an event's. */
    @Transactional
    public Picture replace(long ownerId, PictureUse use, long target, Upload upload, String description) {
        if (use == PictureUse.POST || use == PictureUse.COMMENT) {
            throw new IllegalArgumentException("posts and comments attach their pictures");
        }
        String text = checkedDescription(description);
        List<Picture> old = pictures.attachedTo(use, List.of(target));
        Picture fresh = store(ownerId, use, target, upload, text, null);
        old.forEach(this::remove);
        return fresh;
    }

    private Picture store(long ownerId, PictureUse use, Long target, Upload upload, String description, double[] focus) {
        String name = upload.fileName() == null ? "" : upload.fileName();
        limiter.consume(uploadLimit, Long.toString(ownerId));
        if (pictures.storedBy(ownerId) >= quota) {
            throw InvalidInput.of("file", "media.quota-full", name, DataSize.ofBytes(quota).toMegabytes());
        }
        Processing.Processed processed = process(name, upload.bytes(), use.square());
        if (pictures.storedBy(ownerId) + processed.bytes() > quota) {
            throw InvalidInput.of("file", "media.quota-full", name, DataSize.ofBytes(quota).toMegabytes());
        }
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        Picture picture = new Picture(HexFormat.of().formatHex(random), ownerId, use, target, 0, description,
                processed.width(), processed.height(), processed.blurhash(), focus == null ? null : focus[0],
                focus == null ? null : focus[1], processed.sizes().stream().map(Processing.Size::width).toList(),
                processed.webp(), processed.bytes(), clock.instant());
        List<String> written = new ArrayList<>();
        try {
            for (Processing.Size size : processed.sizes()) {
                String jpeg = picture.id() + "-" + size.width() + ".jpg";
                files.write(jpeg, size.jpeg());
                written.add(jpeg);
                if (size.webp() != null) {
                    String webp = picture.id() + "-" + size.width() + ".webp";
                    files.write(webp, size.webp());
                    written.add(webp);
                }
            }
            pictures.insert(picture);
        } catch (RuntimeException failed) {
            written.forEach(this::deleteQuietly);
            throw failed;
        }
        return picture;
    }

    /** At most {@code tribune.media.concurrent-decodes} pictures are decoded at once; the others wait, then get 503. */
    private Processing.Processed process(String name, byte[] bytes, boolean square) {
        boolean acquired;
        long asked = System.nanoTime();
        try {
            acquired = decodes.tryAcquire(decodeWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy(1);
        }
        if (!acquired) {
            LOG.debug("no decode slot for an upload of {} bytes within {}: 503", bytes.length, decodeWait);
            throw new Busy(Math.max(1, decodeWait.toSeconds()));
        }
        long started = System.nanoTime();
        try {
            return decoders.submit(() -> Processing.process(name, bytes, square)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy(1);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException refused) {
                throw refused;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            decodes.release();
            // what the pictures benchmark reads (bench/media.sh): time waiting for a slot, then processing
            LOG.debug("upload of {} bytes: waited {} ms for a decode slot, processed in {} ms", bytes.length,
                    (started - asked) / 1_000_000, (System.nanoTime() - started) / 1_000_000);
        }
    }

    @PreDestroy
    void stopDecoders() {
        decoders.shutdownNow();
    }

    /** Changes a waiting picture's description: only its owner, only until what it belongs to is published. */
    @Transactional
    public Picture describe(long actorId, String id, String description) {
        String text = checkedDescription(description);
        Picture picture = owned(actorId, id);
        if (picture.attachedTo() != null || !pictures.describe(id, text)) {
            throw new Conflict("media.already-published");
        }
        return pictures.byId(id).orElseThrow(() -> new NotFound("media"));
    }

    private Picture owned(long actorId, String id) {
        // Someone else's picture is answered as one that does not exist: nothing tells it is there.
        return (id == null || !id.matches("[0-9a-f]{32}") ? Optional.<Picture>empty() : pictures.byId(id))
                .filter(p -> p.ownerId() == actorId).orElseThrow(() -> new NotFound("media"));
    }

    /**
     * Puts the owner's waiting pictures on a post or comment, in the order given; called in the transaction that
     * publishes it. Refuses more than {@code max}, the same one twice, and any that is not this owner's and waiting.
     */
    @Transactional
    public List<Picture> attach(long ownerId, List<String> ids, PictureUse use, long target, int max) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        if (ids.size() > max) {
            throw InvalidInput.of("media", "media.too-many", max);
        }
        Set<String> seen = new HashSet<>();
        List<Picture> attached = new ArrayList<>();
        for (int position = 0; position < ids.size(); position++) {
            String id = ids.get(position);
            if (id == null || !seen.add(id)) {
                throw InvalidInput.of("media", "media.not-attachable", String.valueOf(id));
            }
            Optional<Picture> found = id.matches("[0-9a-f]{32}") ? pictures.byId(id) : Optional.empty();
            if (found.isEmpty() || found.get().ownerId() != ownerId || found.get().attachedTo() != null
                    || found.get().usedFor() != PictureUse.POST || !pictures.attach(id, use.name(), target, position)) {
                throw InvalidInput.of("media", "media.not-attachable", id);
            }
            attached.add(pictures.byId(id).orElseThrow());
        }
        return attached;
    }

    /** The pictures shown on each of these posts (or comments, accounts, groups), in their order. */
    public Map<Long, List<Picture>> shownOn(PictureUse use, Collection<Long> targets) {
        Map<Long, List<Picture>> byTarget = new LinkedHashMap<>();
        pictures.attachedTo(use, Set.copyOf(targets)).forEach(p -> byTarget.computeIfAbsent(p.attachedTo(), t -> new ArrayList<>()).add(p));
        return byTarget;
    }

    public Optional<Picture> one(String id) {
        return id == null || !id.matches("[0-9a-f]{32}") ? Optional.empty() : pictures.byId(id);
    }

    /** Removes every picture shown on a post (comment, account, group) and, once that commits, their files. */
    @Transactional
    public void removeFrom(PictureUse use, long target) {
        pictures.attachedTo(use, List.of(target)).forEach(this::remove);
    }

    /** Removes one picture and, after commit, its files (the storage never holds what the database forgot). */
    @Transactional
    public void remove(Picture picture) {
        if (pictures.delete(picture.id())) {
            afterCommit(() -> picture.files().forEach(this::deleteQuietly));
        }
    }

    /** Removes every picture a person uploaded (their account is erased). */
    @Transactional
    public void removeAllOf(long ownerId) {
        pictures.ownedBy(ownerId).forEach(this::remove);
    }

    /** The largest JPEG of a picture, for a person's data export. */
    public Optional<byte[]> largestJpeg(String id) {
        return one(id).flatMap(p -> file(p, p.widths().getLast(), "jpg"));
    }

    List<Picture> ownedBy(long ownerId) {
        return pictures.ownedBy(ownerId);
    }

    Optional<byte[]> file(Picture picture, int width, String format) {
        if (!picture.widths().contains(width) || !(format.equals("jpg") || (format.equals("webp") && picture.webp()))) {
            return Optional.empty();
        }
        return files.read(picture.id() + "-" + width + "." + format);
    }

    /**
     * Whether this viewer may see this picture, decided anew on every request by the feature it shows on. A
     * picture waiting for its post is its owner's alone.
     */
    PictureAccess.Decision decide(Picture picture, Long viewerId) {
        if (picture.attachedTo() == null) {
            return viewerId != null && viewerId == picture.ownerId() ? PictureAccess.Decision.PRIVATE
                    : PictureAccess.Decision.REFUSED;
        }
        for (PictureAccess rule : access.orderedStream().toList()) {
            Optional<PictureAccess.Decision> decision = rule.decide(picture.usedFor(), picture.attachedTo(), viewerId);
            if (decision.isPresent()) {
                return decision.get();
            }
        }
        return PictureAccess.Decision.REFUSED;
    }

    /** Pictures of drafts never published are removed after a day, with their files. */
    @Scheduled(fixedDelay = 3_600_000, initialDelay = 600_000)
    void removeAbandoned() {
        if (!jobs.claimWindow("media-abandoned", Duration.ofHours(1))) {
            return;
        }
        pictures.abandoned(clock.instant().minus(Duration.ofDays(1)), 500).forEach(this::remove);
    }

    private static String checkedDescription(String description) {
        String text = description == null ? "" : description.strip();
        if (text.length() > DESCRIPTION_MAX) {
            throw InvalidInput.of("description", "media.description-too-long", DESCRIPTION_MAX);
        }
        return text;
    }

    /** "x,y" with each a fraction from 0 (left, top) to 1 (right, bottom); null or blank for none. */
    static double[] focus(String focus) {
        if (focus == null || focus.isBlank()) {
            return null;
        }
        String[] parts = focus.split(",");
        try {
            if (parts.length == 2) {
                double x = Double.parseDouble(parts[0].strip());
                double y = Double.parseDouble(parts[1].strip());
                if (x >= 0 && x <= 1 && y >= 0 && y <= 1) {
                    return new double[] {x, y};
                }
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw InvalidInput.of("focus", "media.focus-invalid");
    }

    private void deleteQuietly(String name) {
        try {
            files.delete(name);
        } catch (RuntimeException e) {
            LOG.warn("could not delete picture file {}: {}", name, e.toString());
        }
    }

    private static void afterCommit(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }
}
