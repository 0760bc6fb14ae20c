package org.tribune.platform.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The channel's bookkeeping, without a server. */
class LiveChannelLimitTest {

    @Test
    void anAccountKeepsAtMostFiveConnectionsAndTheOldestGoes() {
        LiveChannel channel = new LiveChannel(new StaticListableBeanFactory().getBeanProvider(LiveBus.class));
        for (int i = 0; i < 7; i++) {
            channel.open(1);
        }
        channel.open(2);

        assertThat(channel.connections(1)).isEqualTo(LiveChannel.MAX_PER_ACCOUNT);
        assertThat(channel.connections(2)).isEqualTo(1);
        assertThat(channel.connections(3)).isZero();
        channel.stop();
        assertThat(channel.connections(1)).isZero();
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
