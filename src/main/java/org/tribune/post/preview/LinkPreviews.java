package org.tribune.post.preview;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tribune.platform.InvalidInput;

/**
 * Link previews: what a linked page says about itself, fetched by the server through {@link SafeFetch} and kept by
 * address, with its picture re-encoded and served from our own origin. A good preview is fetched again after
 * {@link #REFRESH_OK}, a failed or refused one after {@link #RETRY_FAILED}.
 */
@Service
public class LinkPreviews {
    static final Duration REFRESH_OK = Duration.ofDays(7);
    static final Duration RETRY_FAILED = Duration.ofDays(1);
    /** The post module's message for a bad link; "link.invalid" is the message of expired signed links. */
    static final String INVALID = "post.link-invalid";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger log = LoggerFactory.getLogger(LinkPreviews.class);

    private final SafeFetch fetch;
    private final Previews previews;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;

    LinkPreviews(SafeFetch fetch, Previews previews, TransactionTemplate tx, Clock clock,
            @Value("${tribune.previews.enabled:true}") boolean enabled) {
        this.fetch = fetch;
        this.previews = previews;
        this.tx = tx;
        this.clock = clock;
        this.enabled = enabled;
    }

    /**
     * The preview of {@code url}: the cached one while it is fresh, else fetched now (this waits for the site, up
     * to 5 seconds for the page and 5 for its picture) and cached, whatever its status. Empty when previews are off.
     * Call it outside a transaction (e.g. after the post is committed): it would otherwise hold a database
     * connection while it waits for the site.
     *
     * @throws InvalidInput on field {@code link} ({@code post.link-invalid}) unless the address is http or https, at
     *         most 2000 characters, without user name or password
     */
    public Optional<LinkPreview> preview(String url) {
        WebAddress address = valid(url);
        if (!enabled) {
            return Optional.empty();
        }
        String hash = address.hash();
        Optional<LinkPreview> known = previews.byHash(hash);
        if (known.isPresent() && isFresh(known.get(), clock.instant())) {
            return known;
        }
        return Optional.of(fetchAndStore(address, hash));
    }

    /** The stored preview of {@code url}, however old, without fetching anything: for rendering pages. */
    public Optional<LinkPreview> cached(String url) {
        return enabled ? WebAddress.parse(url).flatMap(a -> previews.byHash(a.hash())) : Optional.empty();
    }

    /** The cached previews of these addresses (address as given → preview), in one query; empty when previews are off. */
    public Map<String, LinkPreview> cached(Collection<String> urls) {
        if (!enabled || urls.isEmpty()) {
            return Map.of();
        }
        Map<String, String> hashes = new HashMap<>();
        for (String url : urls) {
            WebAddress.parse(url).ifPresent(a -> hashes.put(url, a.hash()));
        }
        Map<String, LinkPreview> byHash = previews.byHashes(Set.copyOf(hashes.values()));
        Map<String, LinkPreview> found = new HashMap<>();
        hashes.forEach((url, hash) -> {
            LinkPreview preview = byHash.get(hash);
            if (preview != null) {
                found.put(url, preview);
            }
        });
        return found;
    }

    public Optional<LinkPreview> byId(String id) {
        return isId(id) ? previews.byId(id) : Optional.empty();
    }

    /** The address previews are kept under (no fragment, lower-case host...), or InvalidInput as for preview. */
    public static String normalise(String url) {
        return valid(url).normalised();
    }

    static boolean isFresh(LinkPreview preview, Instant now) {
        Duration life = preview.status() == LinkPreview.Status.OK ? REFRESH_OK : RETRY_FAILED;
        return preview.fetchedAt().plus(life).isAfter(now);
    }

    /** The served picture of a preview. */
    Optional<Previews.Image> image(String id) {
        return isId(id) ? previews.image(id) : Optional.empty();
    }

    private static WebAddress valid(String url) {
        return WebAddress.parse(url).orElseThrow(() -> InvalidInput.of("link", INVALID, WebAddress.MAX_LENGTH));
    }

    private static boolean isId(String id) {
        return id != null && id.matches("[0-9a-f]{32}");
    }

    private LinkPreview fetchAndStore(WebAddress address, String hash) {
        String id = newId();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // as the databases keep it
        SafeFetch.Result page = fetch.fetch(address.normalised(), SafeFetch.Kind.PAGE);
        LinkPreview preview;
        Thumbnails.Thumbnail picture = null;
        switch (page) {
            case SafeFetch.Fetched fetched -> {
                Optional<PageMetadata> read = read(fetched);
                if (read.isPresent()) {
                    PageMetadata meta = read.get();
                    picture = meta.imageUrl() == null ? null : picture(meta.imageUrl());
                    preview = new LinkPreview(id, address.normalised(), meta.title(), meta.description(),
                            meta.siteName(), picture != null, picture == null ? 0 : picture.width(),
                            picture == null ? 0 : picture.height(), now, LinkPreview.Status.OK);
                } else {
                    preview = empty(id, address, now, LinkPreview.Status.FAILED);
                }
            }
            case SafeFetch.Refused refused -> {
                log.info("No preview of {}: refused, {} ({})", address.normalised(), refused.reason(), refused.detail());
                preview = empty(id, address, now, LinkPreview.Status.REFUSED);
            }
            case SafeFetch.Failed failed -> {
                log.info("No preview of {}: {}", address.normalised(), failed.detail());
                preview = empty(id, address, now, LinkPreview.Status.FAILED);
            }
        }
        store(hash, preview, picture);
        return preview;
    }

    private static Optional<PageMetadata> read(SafeFetch.Fetched page) {
        try {
            return Optional.of(PageMetadata.read(page.body(), page.contentType(), page.url()));
        } catch (RuntimeException unreadable) {
            log.info("No preview of {}: unreadable page ({})", page.url(), unreadable.toString());
            return Optional.empty();
        }
    }

    private Thumbnails.Thumbnail picture(String url) {
        if (fetch.fetch(url, SafeFetch.Kind.IMAGE) instanceof SafeFetch.Fetched image) {
            return Thumbnails.of(image.body()).orElse(null);
        }
        return null;
    }

    private static LinkPreview empty(String id, WebAddress address, Instant now, LinkPreview.Status status) {
        return new LinkPreview(id, address.normalised(), null, null, null, false, 0, 0, now, status);
    }

    private void store(String hash, LinkPreview preview, Thumbnails.Thumbnail picture) {
        // Two nodes may fetch the same new address at once: the second insert fails, and its retry updates.
        for (int attempt = 1; ; attempt++) {
            try {
                tx.executeWithoutResult(status -> {
                    previews.deleteImageOf(hash);
                    if (!previews.update(hash, preview)) {
                        previews.insert(hash, preview);
                    }
                    if (picture != null) {
                        previews.insertImage(preview.id(), "image/jpeg", picture.jpeg());
                    }
                });
                return;
            } catch (DuplicateKeyException raced) {
                if (attempt == 2) {
                    throw raced;
                }
            }
        }
    }

    private static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
