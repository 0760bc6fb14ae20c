package org.tribune;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * One node of a deployment of several, started in this JVM on a loopback port of its own and sharing the given
 * database with the others, as nodes behind a proxy would: pictures in the shared database, and each node a data
 * directory of its own, as separate machines have.
 */
public final class ClusterNode {
    private ClusterNode() {
    }

    public static ConfigurableApplicationContext start(String name, Map<String, Object> database) {
        Map<String, Object> settings = new HashMap<>(database);
        settings.put("server.port", 0);
        settings.put("spring.datasource.hikari.maximum-pool-size", 4);
        settings.put("spring.datasource.hikari.pool-name", "node-" + name);
        settings.put("tribune.base-url", "http://127.0.0.1");
        settings.put("tribune.media.storage", "database");
        settings.put("tribune.data-dir", System.getProperty("java.io.tmpdir") + "/tribune-test-node-" + name);
        return new SpringApplicationBuilder(TribuneApplication.class)
                .initializers(new TestSettings(), context -> context.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("node-" + name, settings)))
                .run();
    }

    /** How long until {@code seen} holds on the nodes, failing past a few seconds. */
    public static java.time.Duration until(java.util.function.BooleanSupplier seen) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (!seen.getAsBoolean()) {
            org.assertj.core.api.Assertions.assertThat(System.nanoTime()).as("seen within 5 s").isLessThan(deadline);
            Thread.sleep(10);
        }
        return java.time.Duration.ofNanos(System.nanoTime() - start);
    }

    public static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }
}
