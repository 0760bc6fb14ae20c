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
 * KIND: posts (common words, and phrases in quotes, the seed's own vocabulary), typeahead (people and groups by the
 * first 2 to 4 letters of a word, one tab a request through the API), or suggestions (the header's own typeahead,
 * GET /search/suggestions: people and groups in one request, as a signed-in member's page asks it; each client signs
 * in SESSIONS_PER_CLIENT seeded people first, with the seed's password, and each request is one of them at random).
 * Prints a table of percentiles per kind of query (one word, two words, a phrase, people, groups, suggestions) and for
 * all. bench/search/run.sh runs all three in one command.
 */
public class SearchLoad {
    static final String[] WORDS = {"garden", "city", "river", "music", "school", "market", "coffee", "winter", "library",
            "history", "film", "book", "election", "council", "forest", "festival", "concert", "kitchen", "family", "beach"};
    static final String[] PHRASES = {"\"city river\"", "\"music school\"", "\"garden market\"", "\"winter festival\""};
    /** First names of the seeded people and words of the seeded groups' names, for typeahead. */
    static final String[] NAMES = {"Ana", "Ben", "Chloe", "David", "Emma", "Farid", "Grace", "Hugo", "Ines", "Jules",
            "garden", "city", "music", "school", "market", "history", "forest", "festival", "kitchen", "beach"};

    /** The kinds of query, as reported: posts by one word, by two words, by a phrase; people and groups by a start. */
    static final String[] LABELS = {"word", "two words", "phrase", "people", "groups", "suggestions"};
    static final int SESSIONS_PER_CLIENT = 16;

    /** One query to send: which kind it is, the text, and the tab it asks. */
    record Query(int label, String text, String type) {
    }

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
        // the sessions first (signing in is slow by design: a password hash), so that the warm-up starts on them
        List<List<HttpClient>> sessionsOf = java.util.stream.IntStream.range(0, clients).parallel()
                .mapToObj(c -> java.util.stream.IntStream.range(0, kind.equals("suggestions") ? SESSIONS_PER_CLIENT : 0)
                        .mapToObj(i -> signedIn(url, new SplittableRandom(1000L * c + i).nextInt(users))).toList())
                .toList();
        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(Thread.ofPlatform().start(() -> {
                SplittableRandom random = new SplittableRandom(client);
                List<HttpClient> sessions = sessionsOf.get(client);
                // each sample: its time in nanoseconds, shifted left by 3, with the kind's number in the low bits
                long[] samples = new long[2_000_000];
                int n = 0;
                while (System.nanoTime() < end) {
                    Query query = query(kind, random);
                    String q = URLEncoder.encode(query.text(), StandardCharsets.UTF_8);
                    HttpRequest request = sessions.isEmpty()
                            ? HttpRequest.newBuilder(URI.create(url + "/api/v1/search?type=" + query.type() + "&q=" + q))
                                    .header("Authorization", "Bearer trb_bench_" + random.nextInt(users)).GET().build()
                            : HttpRequest.newBuilder(URI.create(url + "/search/suggestions?q=" + q)).GET().build();
                    HttpClient sender = sessions.isEmpty() ? http : sessions.get(random.nextInt(sessions.size()));
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<Void> response = sender.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    long t1 = System.nanoTime();
                    if (t0 >= measureFrom && t1 <= end && n < samples.length) {
                        samples[n++] = (t1 - t0) << 3 | query.label();
                    }
                }
                perClient.add(java.util.Arrays.copyOf(samples, n));
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        long[] all = perClient.stream().flatMapToLong(java.util.Arrays::stream).toArray();
        System.out.printf("kind=%s clients=%d seconds=%d errors=%d%n", kind, clients, seconds, errors.get());
        System.out.println("| query | requests | rate | p50 | p95 | p99 | max |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        for (int label = 0; label < LABELS.length; label++) {
            int l = label;
            print(LABELS[label], java.util.Arrays.stream(all).filter(x -> (x & 7) == l).map(x -> x >>> 3).sorted().toArray(), seconds);
        }
        print("all", java.util.Arrays.stream(all).map(x -> x >>> 3).sorted().toArray(), seconds);
    }

    static void print(String label, long[] sorted, int seconds) {
        if (sorted.length == 0) {
            return;
        }
        System.out.printf("| %s | %d | %.0f/s | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n", label, sorted.length,
                sorted.length / (double) seconds, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6);
    }

    static Query query(String kind, SplittableRandom random) {
        if (kind.equals("posts")) {
            int pick = random.nextInt(10);
            if (pick < 2) {
                return new Query(2, PHRASES[random.nextInt(PHRASES.length)], "posts");
            }
            String word = WORDS[random.nextInt(WORDS.length)];
            return pick < 6 ? new Query(0, word, "posts") : new Query(1, word + " " + WORDS[random.nextInt(WORDS.length)], "posts");
        }
        String word = NAMES[random.nextInt(NAMES.length)];
        if (kind.equals("suggestions")) {
            return new Query(5, word.substring(0, Math.min(word.length(), 2 + random.nextInt(3))), null);
        }
        boolean people = random.nextBoolean();
        return new Query(people ? 3 : 4, word.substring(0, Math.min(word.length(), 2 + random.nextInt(3))), people ? "people" : "groups");
    }

    /** A client with the session of seeded person {@code n}, signed in through the login form. */
    static HttpClient signedIn(String url, int n) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .cookieHandler(new java.net.CookieManager()).build();
        try {
            String page = client.send(HttpRequest.newBuilder(URI.create(url + "/login")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
            if (!csrf.find()) {
                throw new IllegalStateException("no CSRF token on the login page");
            }
            String form = "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) + "&email=u" + n
                    + "%40bench.tribune.invalid&password=tribune-bench";
            HttpResponse<Void> signed = client.send(HttpRequest.newBuilder(URI.create(url + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
            String to = signed.headers().firstValue("Location").orElse("");
            if (signed.statusCode() != 302 || to.contains("login")) {
                throw new IllegalStateException("person " + n + " could not sign in: " + signed.statusCode() + " " + to);
            }
            return client;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static double ms(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
