import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-model load on GET /api/v1/search of a server seeded by ./tribune seed (its people use the API tokens
 * trb_bench_N): CLIENTS clients each send a query, wait for the answer, and send the next, for SECONDS seconds after
 * a warm-up of WARMUP seconds; prints requests/s and latency percentiles. Run with a JDK 21+:
 *   java bench/search/SearchLoad.java URL KIND CLIENTS SECONDS WARMUP USERS
 * KIND: posts (common words, and phrases in quotes, the seed's own vocabulary), or typeahead (people and groups by the
 * first 2 to 4 letters of a word, as the header's suggestions ask).
 */
public class SearchLoad {
    static final String[] WORDS = {"garden", "city", "river", "music", "school", "market", "coffee", "winter", "library",
            "history", "film", "book", "election", "council", "forest", "festival", "concert", "kitchen", "family", "beach"};
    static final String[] PHRASES = {"\"city river\"", "\"music school\"", "\"garden market\"", "\"winter festival\""};
    /** First names of the seeded people and words of the seeded groups' names, for typeahead. */
    static final String[] NAMES = {"Ana", "Ben", "Chloe", "David", "Emma", "Farid", "Grace", "Hugo", "Ines", "Jules",
            "garden", "city", "music", "school", "market", "history", "forest", "festival", "kitchen", "beach"};

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String kind = args[1];
        int clients = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);
        int users = Integer.parseInt(args[5]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<long[]> perClient = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(Thread.ofPlatform().start(() -> {
                SplittableRandom random = new SplittableRandom(client);
                long[] samples = new long[2_000_000];
                int n = 0;
                while (System.nanoTime() < end) {
                    String query = query(kind, random);
                    String type = kind.equals("posts") ? "posts" : random.nextBoolean() ? "people" : "groups";
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/search?type=" + type + "&q="
                                    + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                            .header("Authorization", "Bearer trb_bench_" + random.nextInt(users)).GET().build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    long t1 = System.nanoTime();
                    if (t0 >= measureFrom && t1 <= end && n < samples.length) {
                        samples[n++] = t1 - t0;
                    }
                }
                perClient.add(java.util.Arrays.copyOf(samples, n));
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        long[] all = perClient.stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
        System.out.printf("kind=%s clients=%d seconds=%d requests=%d errors=%d rate=%.0f/s p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms%n",
                kind, clients, seconds, all.length, errors.get(), all.length / (double) seconds, ms(all, 0.50),
                ms(all, 0.95), ms(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
    }

    static String query(String kind, SplittableRandom random) {
        if (kind.equals("posts")) {
            int pick = random.nextInt(10);
            if (pick < 2) {
                return PHRASES[random.nextInt(PHRASES.length)];
            }
            String word = WORDS[random.nextInt(WORDS.length)];
            return pick < 6 ? word : word + " " + WORDS[random.nextInt(WORDS.length)];
        }
        String word = NAMES[random.nextInt(NAMES.length)];
        return word.substring(0, Math.min(word.length(), 2 + random.nextInt(3)));
    }

    static double ms(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
