package org.tribune.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.account.TokenService;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupService;

/**
 * Two people can never take the last place: many members ask for it at the same instant, over HTTP, each on their
 * own connection. Exactly the capacity ends up going, everyone else waits, in one order; on PostgreSQL (the second
 * run of the suite) as on H2, since answers to one event are made under the event row's lock.
 */
@IntegrationTest
class LastPlaceRaceTest {
    static final int PEOPLE = 24;

    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    GroupService groups;
    @Autowired
    GroupJoining groupJoining;
    @Autowired
    TokenService tokens;
    @Autowired
    EventService events;

    @Test
    void manySimultaneousAnswersForTheLastPlaceLeaveExactlyOneWinner() throws Exception {
        Account mod = members.active("host");
        Group g = groups.create(mod, new GroupForm(EventServiceIntegrationTest.slug(), "Race", "", "en", "PUBLIC", "OPEN",
                List.of(), false));
        Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
        Event event = events.create(mod, g.slug(), new EventDraft("Last seat", "", start, start.plusSeconds(3600),
                "Europe/Paris", "Room 1", null, 3, false));
        // two places are taken already: one is left
        List<String> bearers = new ArrayList<>();
        for (int i = 0; i < PEOPLE + 2; i++) {
            Account a = members.active("r");
            groupJoining.join(a, g.slug(), List.of());
            bearers.add("Bearer " + tokens.createFor(a.id(), "race"));
        }
        WebClient api = new WebClient(port);
        for (String early : bearers.subList(0, 2)) {
            assertThat(api.sendJson("PUT", "/api/v1/events/" + event.id() + "/rsvp", java.util.Map.of("status", "GOING"),
                    "Authorization", early).status()).isEqualTo(200);
        }

        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String bearer : bearers.subList(2, bearers.size())) {
                answers.add(pool.submit(() -> {
                    WebClient mine = new WebClient(port);
                    go.await();
                    WebClient.Response r = mine.sendJson("PUT", "/api/v1/events/" + event.id() + "/rsvp",
                            java.util.Map.of("status", "GOING"), "Authorization", bearer);
                    assertThat(r.status()).as(r.body()).isEqualTo(200);
                    return r.json().get("myRsvp").asString();
                }));
            }
            go.countDown();
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : answers) {
            outcomes.add(f.get());
        }
        assertThat(outcomes.stream().filter("GOING"::equals)).hasSize(1);
        assertThat(outcomes.stream().filter("WAITLISTED"::equals)).hasSize(PEOPLE - 1);
        EventView after = events.view(event.id(), mod.id());
        assertThat(after.going()).isEqualTo(3);
        assertThat(after.waitlisted()).isEqualTo(PEOPLE - 1);
    }
}
