package org.tribune.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.servlet.Filter;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestPropertySource;
import org.tribune.IntegrationTest;

/**
 * Floods a node allowed 3 requests at once, each made to take 300 ms: the excess is refused fast with 503 and
 * Retry-After (a page for browsers, problem JSON for the API), every admitted request succeeds, and nothing is a 500.
 */
@IntegrationTest
@Import(OverloadTest.SlowRequests.class)
@TestPropertySource(properties = {"tribune.overload.max-concurrent=3", "tribune.overload.queue-wait=PT0.05S",
        "tribune.overload.retry-after=PT2S"})
class OverloadTest {
    static final int FLOOD = 40;

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    /** Makes every request flagged "X-Slow" hold its place for 300 ms, as a saturated node would. */
    @TestConfiguration
    static class SlowRequests {
        @Bean
        FilterRegistrationBean<Filter> slowRequests() {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
                if (((jakarta.servlet.http.HttpServletRequest) request).getHeader("X-Slow") != null) {
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                chain.doFilter(request, response);
            });
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
            return registration;
        }
    }

    record Answer(String path, int status, String retryAfter, String contentType, long millis) {
    }

    @Test
    void excessRequestsGet503WithRetryAfterAndAdmittedOnesSucceed() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        double refusedBefore = meters.counter("tribune.overload.refused").count();
        List<Answer> answers = new ArrayList<>();
        try (ExecutorService flood = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Answer>> pending = new ArrayList<>();
            for (int i = 0; i < FLOOD; i++) {
                String path = i % 2 == 0 ? "/" : "/api/v1/groups";
                pending.add(flood.submit(() -> call(client, path)));
            }
            for (Future<Answer> answer : pending) {
                answers.add(answer.get());
            }
        }
        List<Answer> refused = answers.stream().filter(a -> a.status() == 503).toList();
        List<Answer> admitted = answers.stream().filter(a -> a.status() != 503).toList();
        System.out.printf("OverloadTest: %d admitted (slowest %d ms), %d refused (slowest %d ms)%n", admitted.size(),
                admitted.stream().mapToLong(Answer::millis).max().orElse(0), refused.size(),
                refused.stream().mapToLong(Answer::millis).max().orElse(0));
        assertThat(refused).isNotEmpty();
        assertThat(admitted).isNotEmpty();
        assertThat(admitted).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
        assertThat(answers).noneMatch(a -> a.status() >= 500 && a.status() != 503);
        assertThat(meters.counter("tribune.overload.refused").count() - refusedBefore).isEqualTo(refused.size());
        assertThat(refused).allSatisfy(a -> {
            assertThat(a.retryAfter()).isEqualTo("2");
            assertThat(a.contentType()).contains(a.path().startsWith("/api/") ? "application/problem+json" : "text/html");
        });
    }

    @Test
    void healthAndStaticFilesAreNeverRefused() {
        assertThat(OverloadGuard.isExempt("/actuator/health")).isTrue();
        assertThat(OverloadGuard.isExempt("/actuator/health/readiness")).isTrue();
        assertThat(OverloadGuard.isExempt("/css/tribune.css")).isTrue();
        assertThat(OverloadGuard.isExempt("/js/live.js")).isTrue();
        assertThat(OverloadGuard.isExempt("/live")).isTrue();
        assertThat(OverloadGuard.isExempt("/")).isFalse();
        assertThat(OverloadGuard.isExempt("/api/v1/feed")).isFalse();
    }

    @Test
    void aQuietNodeAdmitsEveryone() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 10; i++) {
            assertThat(call(client, "/api/v1/groups").status()).isEqualTo(200);
        }
    }

    private Answer call(HttpClient client, String path) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-Slow", "1").header("Accept", path.startsWith("/api/") ? "application/json" : "text/html")
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(path, response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
                response.headers().firstValue("Content-Type").orElse(""), (System.nanoTime() - start) / 1_000_000);
    }
}
