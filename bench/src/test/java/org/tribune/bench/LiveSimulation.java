package org.tribune.bench;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import java.time.Duration;
import java.util.List;

import io.gatling.javaapi.core.Simulation;

/**
 * {@code -Dconnections=} (10,000) open live-update streams (GET /live, Server-Sent Events) held for
 * {@code -Dduration=} seconds on one node. A person may keep five pages live, so connections/5 people sign in first.
 */
public class LiveSimulation extends Simulation {
    private static final int CONNECTIONS = Integer.getInteger("connections", 10_000);
    private final List<String> sessions = Bench.signIn((CONNECTIONS + 4) / 5, 0);

    {
        var pick = new java.util.concurrent.atomic.AtomicInteger();
        var open = scenario("live")
                .exec(s -> s.set("cookie", "SESSION=" + sessions.get(pick.getAndIncrement() / 5 % sessions.size())))
                .exec(sse("live").get("/live").header("Cookie", "#{cookie}"))
                .pause(Duration.ofSeconds(Bench.DURATION))
                .exec(sse("live").close());
        setUp(open.injectOpen(rampUsers(CONNECTIONS).during(Bench.RAMP))).protocols(Bench.protocol()
                .maxConnectionsPerHost(CONNECTIONS + 100));
    }
}
