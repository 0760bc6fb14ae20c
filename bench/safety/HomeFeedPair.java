import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The home feed (GET /api/v1/feed, first page) for two people in turns within one run: rounds of the same length
 * alternate between them (A, B, A, B...), each round with the same number of closed-loop clients, so that whatever
 * else loads the machine falls on both alike. Prints each round, then each person's total requests per second and
 * latency percentiles. Run with the JDK's source launcher:
 *
 * <pre>java bench/safety/HomeFeedPair.java BASE_URL TOKEN_A TOKEN_B ROUNDS SECONDS CLIENTS</pre>
 */
public class HomeFeedPair {
    record Round(String who, long requests, long errors, double seconds, long[] latenciesMicros) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String[] tokens = {args[1], args[2]};
        String[] names = {"A (safety)", "B (normal)"};
        int rounds = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int clients = Integer.parseInt(args[5]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        // Warm-up, not counted: both people in turns, three times, so that the JIT has compiled both paths and the caches
        // hold both feeds before the first counted round (5 s each was too short: the first counted round ran at half speed).
        for (int w = 0; w < 6; w++) {
            run(http, base, tokens[w % 2], names[w % 2], 5, clients);
        }
        List<List<Round>> done = List.of(new ArrayList<>(), new ArrayList<>());
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < 2; k++) {
                int p = (r % 2 == 0) ? k : 1 - k; // A B, B A, A B...: neither always goes first
                Round round = run(http, base, tokens[p], names[p], seconds, clients);
                done.get(p).add(round);
                System.out.printf("round %d %-10s %8.1f req/s  (%d requests, %d errors)  load %s%n", r + 1, names[p],
                        round.requests() / round.seconds(), round.requests(), round.errors(), load());
            }
        }
        double[] rates = new double[2];
        for (int p = 0; p < 2; p++) {
            long requests = done.get(p).stream().mapToLong(Round::requests).sum();
            long errors = done.get(p).stream().mapToLong(Round::errors).sum();
            double time = done.get(p).stream().mapToDouble(Round::seconds).sum();
            long[] all = done.get(p).stream().flatMapToLong(x -> Arrays.stream(x.latenciesMicros())).sorted().toArray();
            rates[p] = requests / time;
            System.out.printf("TOTAL %-10s %8.1f req/s  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  (%d requests, %d errors)%n",
                    names[p], rates[p], pct(all, 50), pct(all, 95), pct(all, 99), requests, errors);
        }
        System.out.printf("A / B throughput: %.3f (%+.1f%%)%n", rates[0] / rates[1], (rates[0] / rates[1] - 1) * 100);
    }

    static double pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p / 100.0))] / 1000.0;
    }

    static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

    static Round run(HttpClient http, String base, String token, String who, int seconds, int clients) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/feed")).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).GET().build();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            long[] mine = new long[2_000_000];
            int[] n = new int[1];
            latencies.add(mine);
            counts.add(n);
            pool.submit(() -> {
                while (!stop.get()) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    if (!stop.get() && n[0] < mine.length) {
                        mine[n[0]++] = (System.nanoTime() - t0) / 1000;
                        requests.incrementAndGet();
                    }
                }
                return null;
            });
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        pool.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
        long[] all = new long[(int) requests.get()];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            int n = Math.min(counts.get(c)[0], all.length - at);
            System.arraycopy(latencies.get(c), 0, all, at, n);
            at += n;
        }
        return new Round(who, requests.get(), errors.get(), elapsed, Arrays.copyOf(all, at));
    }
}
