package org.tribune.donation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.tribune.account.Role;
import org.tribune.account.TokenService;

@IntegrationTest
class DonationApiTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    TokenService tokens;
    @Autowired
    Donations donations;

    String[] bearer(Account account) {
        return new String[] {"Authorization", "Bearer " + tokens.createFor(account.id(), "test")};
    }

    WebClient.Response create(String[] auth, String key, Object body) {
        List<String> headers = new ArrayList<>(List.of(auth));
        if (key != null) {
            headers.add("Idempotency-Key");
            headers.add(key);
        }
        return new WebClient(port).postJson("/api/v1/donations", body, headers.toArray(String[]::new));
    }

    @Test
    void theSameKeyAndBodyGiveTheSameAnswerAndOneDonation() {
        Account ana = members.active("ana");
        String[] auth = bearer(ana);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("amount", 1300, "currency", "USD", "interval", "MONTHLY");

        WebClient.Response first = create(auth, key, body);
        WebClient.Response second = create(auth, key, body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("status").asString()).isEqualTo("PENDING");
        assertThat(first.json().get("checkoutUrl").asString()).endsWith("/donate/" + first.json().get("id").asString());
        assertThat(first.header("Location")).isEqualTo("/api/v1/donations/" + first.json().get("id").asString());
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(donations.ofAccount(ana.id(), Long.MAX_VALUE, 10)).hasSize(1);
    }

    @Test
    void fiftyConcurrentRequestsWithOneKeyMakeOneDonation() throws Exception {
        Account ana = members.active("ana");
        String[] auth = bearer(ana);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("amount", 10000, "currency", "EUR", "interval", "YEARLY");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<WebClient.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return create(auth, key, body);
                }));
            }
            start.countDown();
            List<String> bodies = new ArrayList<>();
            for (Future<WebClient.Response> answer : answers) {
                WebClient.Response response = answer.get();
                assertThat(response.status()).as(response.body()).isEqualTo(201);
                bodies.add(response.body());
            }
            assertThat(bodies).containsOnly(bodies.getFirst());
        } finally {
            pool.shutdownNow();
        }
        assertThat(donations.ofAccount(ana.id(), Long.MAX_VALUE, 100)).hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        Account ana = members.active("ana");
        String[] auth = bearer(ana);
        String key = UUID.randomUUID().toString();
        create(auth, key, Map.of("amount", 1300, "currency", "USD", "interval", "MONTHLY"));

        WebClient.Response other = create(auth, key, Map.of("amount", 1400, "currency", "USD", "interval", "MONTHLY"));

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.header("Content-Type")).startsWith("application/problem+json");
        assertThat(other.json().get("code").asString()).isEqualTo("donation.key.reused");
        assertThat(donations.ofAccount(ana.id(), Long.MAX_VALUE, 10)).hasSize(1);
    }

    @Test
    void aMissingKeyIsRefused() {
        Account ana = members.active("ana");
        WebClient.Response missing = create(bearer(ana), null, Map.of("amount", 1300, "currency", "USD", "interval", "MONTHLY"));

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missing.json().get("code").asString()).isEqualTo("donation.key.missing");
        assertThat(donations.ofAccount(ana.id(), Long.MAX_VALUE, 10)).isEmpty();
    }

    @Test
    void badAmountsCurrenciesAndIntervalsAreRefused() {
        Account ana = members.active("ana");
        String[] auth = bearer(ana);
        assertThat(create(auth, "k1", Map.of("amount", 99, "currency", "USD", "interval", "MONTHLY")).status()).isEqualTo(400);
        assertThat(create(auth, "k2", Map.of("amount", 13.5, "currency", "USD", "interval", "MONTHLY")).status()).isEqualTo(400);
        assertThat(create(auth, "k3", Map.of("amount", 1300, "currency", "JPY", "interval", "MONTHLY")).status()).isEqualTo(400);
        WebClient.Response weekly = create(auth, "k4", Map.of("amount", 1300, "currency", "USD", "interval", "WEEKLY"));
        assertThat(weekly.status()).isEqualTo(400);
        assertThat(weekly.json().get("errors").get(0).get("field").asString()).isEqualTo("interval");
        assertThat(create(auth, "x".repeat(256), Map.of("amount", 1300, "currency", "USD", "interval", "MONTHLY")).status()).isEqualTo(400);
        // 1 unit is the least
        assertThat(create(auth, "k5", Map.of("amount", 100, "currency", "GBP", "interval", "ONE_TIME")).status()).isEqualTo(201);
        assertThat(new WebClient(port).postJson("/api/v1/donations", Map.of("amount", 1300, "currency", "USD", "interval", "MONTHLY"),
                "Idempotency-Key", "k6").status()).isEqualTo(401);
    }

    @Test
    void aMemberSeesOnlyTheirOwnDonations() {
        Account ana = members.active("ana");
        Account eve = members.active("eve");
        Account treasurer = members.withRole("tre", Role.TREASURER);
        String id = create(bearer(ana), "k", Map.of("amount", 1300, "currency", "USD", "interval", "MONTHLY")).json().get("id").asString();
        WebClient api = new WebClient(port);

        WebClient.Response anas = api.get("/api/v1/donations", bearer(ana));
        WebClient.Response eves = api.get("/api/v1/donations", bearer(eve));

        assertThat(anas.json()).hasSize(1);
        assertThat(anas.json().get(0).get("id").asString()).isEqualTo(id);
        assertThat(eves.json()).isEmpty();
        assertThat(api.get("/api/v1/donations/" + id, bearer(eve)).status()).isEqualTo(404);
        assertThat(api.postJson("/api/v1/donations/" + id + "/cancel", Map.of(), bearer(eve)).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/donations/" + id, bearer(ana)).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/donations/" + id, bearer(treasurer)).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/donations/" + id).status()).isEqualTo(401);
    }

    @Test
    void aMonthlyDonationIsCancelledInOneRequest() {
        Account ana = members.active("ana");
        String id = create(bearer(ana), "k", Map.of("amount", 1300, "currency", "USD", "interval", "MONTHLY")).json().get("id").asString();

        WebClient.Response cancelled = new WebClient(port).postJson("/api/v1/donations/" + id + "/cancel", Map.of(), bearer(ana));

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(new WebClient(port).postJson("/api/v1/donations/" + id + "/cancel", Map.of(), bearer(ana)).status()).isEqualTo(409);
    }
}
