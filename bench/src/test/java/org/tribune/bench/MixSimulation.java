package org.tribune.bench;

import static io.gatling.javaapi.core.CoreDsl.*;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * The realistic mix at a fixed arrival rate (open model: a slow server does not get fewer requests). Each arrival
 * does one thing: 45% home feed (a third of them also the next page), 25% a group's feed, 12% a post with its
 * comments, 2.5% notifications, 2.5% a search for two words, 5% a like, 5% a comment, 3% a new post in one of their
 * groups. Reads are half HTML
 * pages (signed-in sessions), half API (bearer tokens); writes go through the API.
 * {@code -Drate=} arrivals per second, {@code -Dduration=} seconds at that rate after {@code -Dramp=} seconds.
 */
public class MixSimulation extends Simulation {
    private final List<String> sessions = Bench.signIn(Bench.SESSIONS, 0);
    private final Iterator<Map<String, Object>> signedIn = Bench.signedIn(sessions);

    private ChainBuilder either(ChainBuilder html, ChainBuilder api) {
        return uniformRandomSwitch().on(html, api);
    }

    private final ScenarioBuilder mix = scenario("mix").randomSwitch().on(
            percent(45.0).then(either(Bench.homeHtml(signedIn), Bench.homeApi())),
            percent(25.0).then(either(Bench.groupHtml(signedIn), Bench.groupApi())),
            percent(12.0).then(either(Bench.postHtml(signedIn), Bench.postApi())),
            percent(2.5).then(either(Bench.notificationsHtml(signedIn), Bench.notificationsApi())),
            percent(2.5).then(either(Bench.searchHtml(signedIn), Bench.searchApi())),
            percent(5.0).then(Bench.like()),
            percent(5.0).then(Bench.comment()),
            percent(3.0).then(Bench.newPost()));

    {
        setUp(mix.injectOpen(
                        rampUsersPerSec(1).to(Bench.RATE).during(Bench.RAMP),
                        constantUsersPerSec(Bench.RATE).during(Bench.DURATION)))
                .protocols(Bench.protocol());
    }
}
