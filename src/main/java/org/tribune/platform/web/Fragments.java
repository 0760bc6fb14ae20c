package org.tribune.platform.web;

import java.time.ZoneId;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import org.tribune.platform.cluster.LocalCaches;
import gg.jte.Content;
import gg.jte.html.OwaspHtmlTemplateOutput;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Parts of pages rendered once and then written as the bytes they made, while what they show is unchanged: a post's
 * content is the same on the home pages of all the members of its group who read the same language in the same time
 * zone. The key is everything the part shows, as values (records), plus the reader's language and zone: when anything
 * shown changes, the key changes, so there is nothing to evict and nothing can be stale, on one node or many. Entries
 * that are no longer asked for leave when the memory ({@code tribune.fragments.max-bytes}) is full.
 */
@Component
public class Fragments {
    /** Memory counted for an entry besides its bytes: the key's records mostly live in other caches already. */
    private static final int ENTRY_OVERHEAD = 256;
    private final Cache<Key, byte[]> rendered;

    Fragments(MeterRegistry meters, @Value("${tribune.fragments.max-bytes:16MB}") DataSize max) {
        this.rendered = LocalCaches.newBuilder()
                .maximumWeight(max.toBytes())
                .<Key, byte[]>weigher((key, bytes) -> bytes.length + ENTRY_OVERHEAD)
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, rendered, "rendered-fragments");
    }

    record Key(Object shown, Locale locale, ZoneId zone) {
        // Written out: the generated ones go through method handles, and a page looks up dozens of keys.
        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && shown.equals(k.shown) && locale.equals(k.locale) && zone.equals(k.zone);
        }

        @Override
        public int hashCode() {
            return (shown.hashCode() * 31 + locale.hashCode()) * 31 + zone.hashCode();
        }
    }

    /** The part as {@code render} writes it for this key, rendered at most once while it stays in memory. */
    Content of(Key key, Content render) {
        return output -> {
            byte[] bytes = rendered.getIfPresent(key);
            if (bytes == null) {
                PageBytes part = new PageBytes(4096);
                render.writeTo(new OwaspHtmlTemplateOutput(part));
                bytes = part.toByteArray();
                rendered.put(key, bytes);
            }
            output.writeBinaryContent(bytes);
        };
    }

    /** Forgets every part (tests that change the messages or formats). */
    public void clear() {
        rendered.invalidateAll();
    }
}
