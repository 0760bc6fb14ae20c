import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * New posts per second on a running Tribune: {@code clients} threads publish profile posts through the API, each as
 * fast as it is answered, for {@code seconds}, after a warm-up of as long. Prints the rate of 201 answers and the
 * median and 99th percentile of their latency. Used for the cost of durable commits and of the event publication
 * registry (docs/benchmarks.md, "Durability: what it costs").
 *
 * <pre>java bench/durability/PostRate.java http://localhost:8080 admin@example.org 'password' 8 30 [' @admin']</pre>
 * The last argument, if given, is added to every post's text (a mention makes each post record an event publication
 * for the notification listener).
 */
public class PostRate {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        int clients = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        String extra = args.length > 5 ? args[5] : "";
        HttpClient http = HttpClient.newHttpClient();
        String login = "{\"email\":\"" + args[1] + "\",\"password\":\"" + args[2] + "\",\"name\":\"bench\"}";
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(login)).build(),
                HttpResponse.BodyHandlers.ofString());
        String bearer = "Bearer " + token.body().replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        run(http, base, bearer, clients, seconds, extra, false);
        run(http, base, bearer, clients, seconds, extra, true);
    }

    private static void run(HttpClient http, String base, String bearer, int clients, int seconds, String extra,
            boolean report)
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong created = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofPlatform().start(() -> {
                long n = 0;
                while (!stop.get()) {
                    String body = "{\"title\":\"\",\"body\":\"Post " + Thread.currentThread().threadId() + "-" + (n++)
                            + " about durable commits" + extra + "\",\"link\":\"\"}";
                    long start = System.nanoTime();
                    try {
                        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/posts"))
                                .header("Content-Type", "application/json").header("Authorization", bearer)
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() == 201) {
                            created.incrementAndGet();
                            latencies.add(System.nanoTime() - start);
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            }));
        }
        Thread.sleep(Duration.ofSeconds(seconds));
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        if (report) {
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf("clients %d, %d s: %.1f posts/s, %d refused; latency p50 %.1f ms, p99 %.1f ms%n",
                    clients, seconds, created.get() / (double) seconds, failed.get(),
                    sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6);
        }
    }
}
