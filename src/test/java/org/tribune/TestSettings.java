package org.tribune;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * The database of this run (or a database of its own with {@code tribune.test.fresh-database=true}), GreenMail as SMTP server, and limits loose enough for many tests from one address. */
public class TestSettings implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    private static final String INLINED = "Inlined Test Properties";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> settings = new HashMap<>();
        settings.putAll(TestMail.settings());
        settings.put("tribune.limits.signups-per-hour", 100_000);
        settings.put("tribune.limits.login-failures-per-address-hour", 100_000);
        settings.put("tribune.limits.groups-per-day", 100_000);
        settings.put("tribune.limits.posts-per-hour", 100_000);
        settings.put("tribune.limits.comments-per-hour", 100_000);
        settings.put("tribune.limits.follows-per-hour", 100_000);
        settings.put("tribune.media.uploads-per-hour", 100_000);
        // All tests share one database, where notes of many tests reach final statuses: the writers' history rule
        // would apply to every later test. It is proven on its own (NoteWritingRulesTest).
        settings.put("tribune.notes.bootstrap-final-notes", 1_000_000);
        if (TestDatabase.isPostgres()) {
            // Many test contexts stay cached at once; small pools keep them within PostgreSQL's connection limit.
            settings.put("spring.datasource.hikari.maximum-pool-size", 4);
        }
        // The daily admission runs only when a test calls it, for a day of its choosing.
        // Closing the contexts at the end of the run: a live stream or slow request left open by a test must not
        // hold the graceful shutdown for its default 30 seconds per context.
        settings.put("spring.lifecycle.timeout-per-shutdown-phase", "2s");
        settings.put("tribune.admission.schedule", "-");
        // Trust levels are computed, and activity counts written, only when a test asks (ReadingLog.flush).
        settings.put("tribune.trust.schedule", "-");
        settings.put("tribune.trust.reading.flush-every", "1h");
        settings.put("tribune.data-dir", System.getProperty("java.io.tmpdir") + "/tribune-test");
        // Lucene holds a lock on its index: each context (and each concurrent run) gets one of its own.
        settings.put("tribune.search.index-dir", System.getProperty("java.io.tmpdir") + "/tribune-test-search/"
                + java.util.UUID.randomUUID());
        settings.putAll(TestDatabase.settings(context.getEnvironment().getProperty("tribune.test.fresh-database", Boolean.class, false)));
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        MapPropertySource ours = new MapPropertySource("tribune-test", settings);
        // A test class's own @TestPropertySource wins over these defaults.
        if (sources.contains(INLINED)) {
            sources.addAfter(INLINED, ours);
        } else {
            sources.addFirst(ours);
        }
    }
}
