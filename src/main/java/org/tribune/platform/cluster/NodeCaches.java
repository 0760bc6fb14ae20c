package org.tribune.platform.cluster;

import java.util.function.ToIntFunction;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * Makes the per-node caches of the features, each bounded by memory ({@code tribune.cache.<name>.mib}, else the
 * owner's default) and measured on {@code /actuator/prometheus} ({@code cache_gets_total{cache="<name>",result=
 * "hit"|"miss"}}, {@code cache_size}, {@code cache_evictions_total}, and {@code tribune_cache_bypassed_total} for reads
 * that went to the database because the bus was down, {@code tribune_cache_unkept_total{reason=...}} for values read
 * from the database and not kept). {@code tribune.cache.enabled=false} turns every cache off.
 */
@Component
public class NodeCaches {
    private final Broadcast broadcast;
    private final MeterRegistry meters;
    private final Environment environment;
    private final java.util.List<NodeCache<?>> made = new java.util.concurrent.CopyOnWriteArrayList<>();

    NodeCaches(Broadcast broadcast, MeterRegistry meters, Environment environment) {
        this.broadcast = broadcast;
        this.meters = meters;
        this.environment = environment;
    }

    /** Caches that keep nothing: every read goes to the database (for code built outside an application context). */
    public static NodeCaches none() {
        org.springframework.core.env.StandardEnvironment off = new org.springframework.core.env.StandardEnvironment();
        off.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("no-caches",
                java.util.Map.of("tribune.cache.enabled", "false")));
        return new NodeCaches(new Broadcast(new org.tribune.platform.live.LiveBus() {
            @Override
            public void publish(org.tribune.platform.live.LiveMessage message) {
            }

            @Override
            public void subscribe(java.util.function.Consumer<org.tribune.platform.live.LiveMessage> deliver) {
            }
        }, Runnable::run), new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), off);
    }

    /**
     * A cache named {@code name} holding about {@code defaultMib} MiB, a value weighing {@code bytes} of it (a rough
     * count of its bytes on the heap: the bound is what matters, not the exact figure).
     */
    public <V> NodeCache<V> create(String name, int defaultMib, ToIntFunction<V> bytes) {
        long mib = environment.getProperty("tribune.cache." + name + ".mib", Long.class, (long) defaultMib);
        boolean enabled = environment.getProperty("tribune.cache.enabled", Boolean.class, true) && mib > 0;
        Cache<Long, V> cache = LocalCaches.newBuilder()
                .maximumWeight(Math.max(1, mib) * 1024 * 1024)
                .weigher((Long id, V value) -> 48 + Math.max(0, bytes.applyAsInt(value)))
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, cache, name);
        Counter bypassed = Counter.builder("tribune.cache.bypassed").tag("cache", name)
                .description("reads sent to the database because this node may have missed evictions").register(meters);
        NodeCache<V> made = new NodeCache<>(name, cache, broadcast, enabled, bypassed, new Unkept(meters, name));
        this.made.add(made);
        return made;
    }

    /** Drops everything every cache holds on this node: after the database was changed behind the application's back. */
    public void clearHere() {
        made.forEach(NodeCache::clear);
    }

    /** The caches made so far, for metrics and tests. */
    public java.util.List<NodeCache<?>> all() {
        return java.util.List.copyOf(made);
    }

    public Broadcast broadcast() {
        return broadcast;
    }
}
