package org.tribune.platform.cluster;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.tribune.platform.live.LiveBus;
import org.tribune.platform.live.LiveMessage;

/** A bus between nodes in memory, for unit tests: every node's bus hears what any publishes, unless it is cut. */
final class TwoNodeBus {
    private final List<Node> nodes = new CopyOnWriteArrayList<>();

    Node node() {
        Node node = new Node();
        nodes.add(node);
        return node;
    }

    final class Node implements LiveBus {
        private final List<Consumer<LiveMessage>> deliver = new CopyOnWriteArrayList<>();
        private final List<Runnable> lost = new CopyOnWriteArrayList<>();
        private final List<Runnable> reconnect = new CopyOnWriteArrayList<>();
        private volatile boolean connected = true;

        @Override
        public void publish(LiveMessage message) {
            // Through JSON, as between real nodes.
            LiveMessage travelled = org.tribune.platform.live.LiveWireForTests.trip(message);
            nodes.stream().filter(n -> n.connected).forEach(n -> n.deliver.forEach(d -> d.accept(travelled)));
        }

        @Override
        public void subscribe(Consumer<LiveMessage> deliver) {
            this.deliver.add(deliver);
        }

        @Override
        public void onLost(Runnable lost) {
            this.lost.add(lost);
        }

        @Override
        public void onReconnect(Runnable resync) {
            this.reconnect.add(resync);
        }

        @Override
        public boolean isConnected() {
            return connected;
        }

        void cut() {
            connected = false;
            lost.forEach(Runnable::run);
        }

        void back() {
            connected = true;
            reconnect.forEach(Runnable::run);
        }
    }
}
