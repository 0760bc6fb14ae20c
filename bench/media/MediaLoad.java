import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two server-side steps of the pictures benchmark (bench/media.sh starts the server and runs this):
 * <ol>
 * <li>{@code uploads}: --concurrent people (8) each upload the same 10 MiB, 24-megapixel JPEG at the same instant
 * (POST /api/v1/media with their API token from the seed); prints each answer (201, or 503 with Retry-After) and its
 * time;</li>
 * <li>{@code serving}: one picture is put on a public profile post, then --clients concurrent clients (16) fetch it
 * (GET /media/{id}/800.webp, as a visitor: the public case, with its access check) for --duration seconds, and the
 * same clients fetch the trivial endpoint (GET /actuator/health) for as long, in the same run; prints requests/s
 * and latency percentiles of each.</li>
 * </ol>
 * Usage: java bench/media/MediaLoad.java --url http://127.0.0.1:8097 --seed bench/target/media/seed --photo photo.jpg
 */
public class MediaLoad {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("concurrent", "8", "clients", "16", "duration", "20"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String url = options.get("url");
        Properties seed = new Properties();
        try (var in = Files.newBufferedReader(Path.of(options.get("seed"), "seed.properties"))) {
            seed.load(in);
        }
        byte[] photo = Files.readAllBytes(Path.of(options.get("photo")));
        String prefix = seed.getProperty("tokenPrefix");

        int concurrent = Integer.parseInt(options.get("concurrent"));
        System.out.printf("## %d concurrent uploads of a %.2f MiB JPEG%n%n| person | status | seconds | answer |%n| --- | --- | --- | --- |%n",
                concurrent, photo.length / 1048576.0);
        List<String[]> created = uploads(url, prefix, photo, concurrent);

        if (created.isEmpty()) {
            System.out.println("no upload succeeded: no serving step");
            System.exit(1);
        }
        // the first picture that was accepted, published by the person who uploaded it
        String token = "Bearer " + prefix + created.getFirst()[0];
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/posts"))
                .header("Authorization", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"Benchmark photo\",\"media\":[\"" + created.getFirst()[1] + "\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (post.statusCode() != 201) {
            throw new IllegalStateException("could not publish the picture: " + post.statusCode() + " " + post.body());
        }
        String picture = "/media/" + created.getFirst()[1] + "/800.webp";
        int clients = Integer.parseInt(options.get("clients"));
        int duration = Integer.parseInt(options.get("duration"));
        HttpResponse<byte[]> one = HTTP.send(HttpRequest.newBuilder(URI.create(url + picture)).build(), HttpResponse.BodyHandlers.ofByteArray());
        System.out.printf("%n## Serving: %d clients, %d s each, in this order (warm-up 5 s each first)%n%n"
                + "%s: %d bytes, Cache-Control %s%n%n| endpoint | requests/s | p50 ms | p99 ms | errors |%n| --- | --- | --- | --- | --- |%n",
                clients, duration, picture, one.body().length, one.headers().firstValue("Cache-Control").orElse("-"));
        load(url + "/actuator/health", clients, 5, false);
        load(url + picture, clients, 5, false);
        load(url + "/actuator/health", clients, duration, true);
        load(url + picture, clients, duration, true);
    }

    /** The uploads accepted: each as {person, picture id}. */
    static List<String[]> uploads(String url, String prefix, byte[] photo, int concurrent) throws Exception {
        // one body for everyone (the same photo): the client must not need 10 MiB per upload of its own
        String boundary = "benchmark-boundary-7f3a";
        byte[] body = multipart(boundary, photo);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String[]>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int n = 1; n <= concurrent; n++) {
                int person = n;
                answers.add(pool.submit(() -> {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/media"))
                            .header("Authorization", "Bearer " + prefix + person)
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .timeout(Duration.ofMinutes(5))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                    start.await();
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    String answer = r.statusCode() == 503 ? "Retry-After " + r.headers().firstValue("Retry-After").orElse("-")
                            : r.body().length() > 90 ? r.body().substring(0, 90) + "…" : r.body();
                    synchronized (System.out) {
                        System.out.printf("| %d | %d | %.1f | %s |%n", person, r.statusCode(), seconds, answer.replace("|", "/"));
                    }
                    Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f]{32})\"").matcher(r.body());
                    return r.statusCode() == 201 && id.find() ? new String[] {Integer.toString(person), id.group(1)} : null;
                }));
            }
            start.countDown();
        }
        List<String[]> ids = new ArrayList<>();
        for (Future<String[]> f : answers) {
            if (f.get() != null) {
                ids.add(f.get());
            }
        }
        return ids;
    }

    static byte[] multipart(String boundary, byte[] photo) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\n"
                    + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(photo);
            out.write(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n"
                    + "A noisy benchmark photo\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A closed model: each client sends its next request as soon as the last is answered. */
    static void load(String target, int clients, int seconds, boolean report) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        List<long[]> perClient = new ArrayList<>();
        int[] errors = new int[1];
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<long[]>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    long[] latencies = new long[1 << 16];
                    int n = 0;
                    HttpRequest request = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(30)).build();
                    while (running.get()) {
                        long s = System.nanoTime();
                        HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200) {
                            synchronized (errors) {
                                errors[0]++;
                            }
                        }
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = System.nanoTime() - s;
                    }
                    return Arrays.copyOf(latencies, n);
                }));
            }
            Thread.sleep(seconds * 1000L);
            running.set(false);
            for (Future<long[]> f : done) {
                perClient.add(f.get());
            }
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long[] all = perClient.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        if (report) {
            System.out.printf("| %s | %.0f | %.1f | %.1f | %d |%n", URI.create(target).getPath(), all.length / elapsed,
                    all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6, errors[0]);
        }
    }
}
