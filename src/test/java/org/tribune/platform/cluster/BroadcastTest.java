package org.tribune.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The broadcast between nodes: every node hears each message once, and none trusts its caches across an outage. */
class BroadcastTest {
    private final TwoNodeBus bus = new TwoNodeBus();
    private final TwoNodeBus.Node busA = bus.node();
    private final TwoNodeBus.Node busB = bus.node();
    private final Broadcast a = new Broadcast(busA, Runnable::run);
    private final Broadcast b = new Broadcast(busB, Runnable::run);

    @Test
    void aMessageIsHeardOnceOnEveryNodeThePublisherIncluded() {
        List<String> onA = new CopyOnWriteArrayList<>();
        List<String> onB = new CopyOnWriteArrayList<>();
        a.subscribe("greeting", onA::add);
        b.subscribe("greeting", onB::add);
        b.subscribe("other", payload -> onB.add("wrong topic " + payload));

        a.publish("greeting", "hello");

        assertThat(onA).containsExactly("hello");
        assertThat(onB).containsExactly("hello");
    }

    @Test
    void aNodeWhoseBusIsCutIsNotTrustedUntilItHasResynchronised() {
        AtomicInteger cleared = new AtomicInteger();
        AtomicInteger trustedWhileClearing = new AtomicInteger();
        b.onResync(() -> {
            cleared.incrementAndGet();
            if (b.trusted()) {
                trustedWhileClearing.incrementAndGet();
            }
        });
        List<String> onB = new CopyOnWriteArrayList<>();
        b.subscribe("t", onB::add);
        assertThat(b.trusted()).isTrue();
        long before = b.epoch();

        busB.cut();
        a.publish("t", "missed");
        assertThat(onB).as("what B missed").isEmpty();
        assertThat(b.trusted()).isFalse();
        assertThat(a.trusted()).as("A was not cut").isTrue();
        assertThat(b.epoch()).isNotEqualTo(before);

        busB.back();
        assertThat(cleared.get()).isEqualTo(1);
        assertThat(trustedWhileClearing.get()).as("not trusted before its caches are cleared").isZero();
        assertThat(b.trusted()).isTrue();
        a.publish("t", "heard");
        assertThat(onB).containsExactly("heard");
    }

    @Test
    void aPayloadTooBigForTheBusIsRefused() {
        assertThatThrownBy(() -> a.publish("t", "x".repeat(Broadcast.MAX_PAYLOAD + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
