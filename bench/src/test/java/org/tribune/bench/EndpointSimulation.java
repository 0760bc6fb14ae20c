package org.tribune.bench;

import static io.gatling.javaapi.core.CoreDsl.*;

import java.time.Duration;
import java.util.List;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * One kind of request at a time, by {@code -Dclients=} concurrent clients each sending the next request as soon as
 * the last one is answered (closed model: how the targets "N requests/s at 16 clients" are stated), for
 * {@code -Dduration=} seconds. {@code -Dendpoint=} home-api, home-html, group-api, group-html, post-api,
 * new-post, ping (the server's trivial endpoint, a ceiling), or idle-home (one client, a pause between requests:
 * the latency of a single request on an idle server).
 */
public class EndpointSimulation extends Simulation {
    private final String endpoint = System.getProperty("endpoint", "home-api");
    private final boolean html = endpoint.endsWith("-html");
    private final List<String> sessions = html ? Bench.signIn(Bench.SESSIONS, 0) : List.of();

    private ChainBuilder request() {
        return switch (endpoint) {
            case "home-api", "idle-home" -> Bench.homeApi();
            case "home-html" -> Bench.homeHtml(Bench.signedIn(sessions));
            case "group-api" -> Bench.groupApi();
            case "group-html" -> Bench.groupHtml(Bench.signedIn(sessions));
            case "post-api" -> Bench.postApi();
            case "new-post" -> Bench.newPost();
            case "ping" -> Bench.ping();
            default -> throw new IllegalArgumentException("unknown endpoint " + endpoint);
        };
    }

    {
        if (endpoint.equals("idle-home")) {
            setUp(scenario(endpoint).during(Duration.ofSeconds(Bench.DURATION)).on(exec(request()).pause(Duration.ofMillis(50)))
                    .injectClosed(constantConcurrentUsers(1).during(Bench.DURATION)))
                    .protocols(Bench.protocol());
        } else {
            setUp(scenario(endpoint).forever().on(request())
                    .injectClosed(constantConcurrentUsers(Bench.CLIENTS).during(Bench.DURATION)))
                    .protocols(Bench.protocol()).maxDuration(Duration.ofSeconds(Bench.DURATION));
        }
    }
}
