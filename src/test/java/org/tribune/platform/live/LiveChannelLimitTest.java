package org.tribune.platform.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The channel's bookkeeping, without a server. */
class LiveChannelLimitTest {

    /** A stream in memory: what was written to it, and whether it was closed. */
    static class FakeSink implements LiveSink {
        final List<String> written = new CopyOnWriteArrayList<>();
        volatile boolean closed;
        private volatile Runnable onEnd = () -> { };

        @Override
        public void write(byte[] bytes) {
            written.add(new String(bytes, StandardCharsets.UTF_8));
        }

        @Override
        public void close() {
            closed = true;
            onEnd.run();
        }

        @Override
        public void onEnd(Runnable action) {
            onEnd = action;
        }

        /** The client goes away. */
        void leave() {
            onEnd.run();
        }
    }

    static LiveChannel channel() {
        return new LiveChannel(new StaticListableBeanFactory().getBeanProvider(LiveBus.class));
    }

    @Test
    void anAccountKeepsAtMostFiveConnectionsAndTheOldestGoes() {
        LiveChannel channel = channel();
        List<FakeSink> sinks = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            FakeSink sink = new FakeSink();
            sinks.add(sink);
            channel.open(1, sink);
        }
        channel.open(2, new FakeSink());

        assertThat(channel.connections(1)).isEqualTo(LiveChannel.MAX_PER_ACCOUNT);
        assertThat(channel.connections(2)).isEqualTo(1);
        assertThat(channel.connections(3)).isZero();
        assertThat(sinks).extracting(s -> s.closed).containsExactly(true, true, false, false, false, false, false);
        channel.stop();
        assertThat(channel.connections(1)).isZero();
        assertThat(sinks).allMatch(s -> s.closed);
    }

    @Test
    void aConnectionWhoseClientLeftIsForgotten() {
        LiveChannel channel = channel();
        FakeSink staying = new FakeSink();
        FakeSink leaving = new FakeSink();
        channel.open(1, staying);
        channel.open(1, leaving);
        channel.open(2, new FakeSink());

        leaving.leave();

        assertThat(channel.connections(1)).isEqualTo(1);
        assertThat(channel.connections()).isEqualTo(2);
        channel.send(1, "feed", java.util.Map.of("post", "42"));
        await(() -> staying.written.contains("event:feed\ndata:{\"post\":\"42\"}\n\n"));
        assertThat(leaving.written).isEmpty();
    }

    @Test
    void aClientTooSlowForTheBacklogIsDisconnected() {
        LiveChannel channel = channel();
        java.util.concurrent.CountDownLatch stuck = new java.util.concurrent.CountDownLatch(1);
        FakeSink slow = new FakeSink() {
            @Override
            public void write(byte[] bytes) {
                try {
                    stuck.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        channel.open(1, slow);

        for (int i = 0; i <= Connection.BACKLOG + 1; i++) {
            channel.send(1, "feed", i);
        }

        assertThat(slow.closed).isTrue();
        assertThat(channel.connections(1)).isZero();
        stuck.countDown();
    }

    static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 5 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    void sendGoesThroughTheBusWhenOneIsDeclared() {
        List<LiveMessage> published = new ArrayList<>();
        LiveBus bus = new LiveBus() {
            @Override
            public void publish(LiveMessage message) {
                published.add(message);
            }

            @Override
            public void subscribe(Consumer<LiveMessage> deliver) {
            }
        };
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("bus", bus);
        LiveChannel channel = new LiveChannel(beans.getBeanProvider(LiveBus.class));

        channel.send(7, "notification", java.util.Map.of("unread", 3));

        assertThat(published).containsExactly(new LiveMessage(7, "notification", java.util.Map.of("unread", 3)));
    }

    @Test
    void whenTheBusComesBackTheAccountsWithPagesHereAreToldTheyMayHaveMissedMessages() {
        java.util.concurrent.atomic.AtomicReference<Runnable> hook = new java.util.concurrent.atomic.AtomicReference<>();
        LiveBus bus = new LiveBus() {
            @Override
            public void publish(LiveMessage message) {
            }

            @Override
            public void subscribe(Consumer<LiveMessage> deliver) {
            }

            @Override
            public void onReconnect(Runnable resync) {
                hook.set(resync);
            }
        };
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("bus", bus);
        List<Object> events = new ArrayList<>();
        LiveChannel channel = new LiveChannel(beans.getBeanProvider(LiveBus.class), events::add);

        hook.get().run();
        assertThat(events).as("nobody to tell").isEmpty();
        channel.open(4);
        channel.open(4);
        channel.open(9);
        hook.get().run();

        assertThat(events).containsExactly(new LiveUpdatesMissed(java.util.Set.of(4L, 9L)));
        channel.stop();
    }
}
