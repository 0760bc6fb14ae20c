import java.io.IOException;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds many open live-update streams ({@code GET /live}) with one thread and a few KiB per stream, so that the load
 * tool is not what runs out of memory or CPU on the machine that also runs the server. Signs in connections/5 seeded
 * people (a person may keep five pages live), opens the streams over the ramp, holds them, then checks delivery: a
 * few connected people get a new follower through the API, and every stream of theirs must receive the
 * {@code notification} event. Run by {@code bench/run.sh live}; by hand:
 *
 * <pre>java bench/live/LiveClients.java --url http://127.0.0.1:8089 --seed DIR --connections 10000 --ramp 30 --hold 30</pre>
 *
 * Prints a Markdown summary; exits 1 if a stream failed to open or to stay open, or an event was not delivered.
 */
public class LiveClients {
    static final PrintStream out = System.out;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("url", "http://127.0.0.1:8080", "seed", "bench/target/seed",
                "connections", "10000", "ramp", "30", "hold", "30", "checked", "50", "holding-file", ""));
        for (int i = 0; i + 1 < args.length; i += 2) {
            String key = args[i].replaceFirst("^--", "");
            if (!options.containsKey(key)) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            options.put(key, args[i + 1]);
        }
        new LiveClients(options).run();
    }

    final URI base;
    final int connections;
    final int rampSeconds;
    final int holdSeconds;
    final int checked;
    final String holdingFile;
    final Properties seed = new Properties();
    final int people;

    LiveClients(Map<String, String> options) throws IOException {
        base = URI.create(options.get("url"));
        connections = Integer.parseInt(options.get("connections"));
        rampSeconds = Integer.parseInt(options.get("ramp"));
        holdSeconds = Integer.parseInt(options.get("hold"));
        checked = Integer.parseInt(options.get("checked"));
        holdingFile = options.get("holding-file");
        try (var in = Files.newBufferedReader(Path.of(options.get("seed"), "seed.properties"))) {
            seed.load(in);
        }
        people = (connections + 4) / 5;
        if (people > Integer.parseInt(seed.getProperty("users"))) {
            throw new IllegalArgumentException(connections + " streams need " + people + " seeded people (five streams each); the seed has "
                    + seed.getProperty("users"));
        }
    }

    /** One stream: what was read of it so far. Small on purpose: the client must hold 10,000 of these. */
    static final class Stream {
        final int person;
        final long started = System.nanoTime();
        long openedNanos = -1;
        int status = -1;
        boolean headersDone;
        boolean closed;
        String closedBecause;
        int notifications;
        long bytes;
        final StringBuilder line = new StringBuilder(); // the header or event line being read
        ByteBuffer request;

        Stream(int person) {
            this.person = person;
        }
    }

    void run() throws Exception {
        out.printf("Signing in %,d seeded people (u0..u%d) at %s…%n", people, people - 1, base);
        long t0 = System.nanoTime();
        String[] sessions = signInAll(people);
        out.printf("Signed in in %.1f s%n", (System.nanoTime() - t0) / 1e9);

        List<Stream> streams = new ArrayList<>(connections);
        InetSocketAddress address = new InetSocketAddress(base.getHost(), base.getPort());
        ByteBuffer read = ByteBuffer.allocateDirect(64 * 1024);
        try (Selector selector = Selector.open()) {
            long start = System.nanoTime();
            long rampNanos = Duration.ofSeconds(rampSeconds).toNanos();
            long holdUntil = Long.MAX_VALUE;
            long nextReport = start + 5_000_000_000L;
            boolean holding = false;
            while (System.nanoTime() < holdUntil) {
                long now = System.nanoTime();
                // Open the streams due by now: evenly spread over the ramp.
                long due = rampNanos == 0 ? connections : Math.min(connections, (now - start) * connections / rampNanos + 1);
                while (streams.size() < due) {
                    int i = streams.size();
                    Stream s = new Stream(i / 5);
                    s.request = ByteBuffer.wrap(("GET /live HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                            + "\r\nAccept: text/event-stream\r\nCookie: SESSION=" + sessions[s.person] + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    streams.add(s);
                    try {
                        SocketChannel channel = SocketChannel.open();
                        channel.configureBlocking(false);
                        if (channel.connect(address)) {
                            channel.register(selector, SelectionKey.OP_WRITE, s);
                        } else {
                            channel.register(selector, SelectionKey.OP_CONNECT, s);
                        }
                    } catch (IOException e) {
                        fail(s, "connect: " + e.getMessage());
                    }
                }
                if (!holding && streams.size() == connections && streams.stream().allMatch(s -> s.closed || s.headersDone)) {
                    holding = true;
                    holdUntil = System.nanoTime() + Duration.ofSeconds(holdSeconds).toNanos();
                    report(streams, "all opened after " + Math.round((System.nanoTime() - start) / 1e9) + " s; holding " + holdSeconds + " s");
                    if (!holdingFile.isEmpty()) {
                        Files.writeString(Path.of(holdingFile), "holding\n");
                    }
                }
                if (now > nextReport) {
                    report(streams, Math.round((now - start) / 1e9) + " s");
                    nextReport += 5_000_000_000L;
                }
                if (now - start > rampNanos + Duration.ofSeconds(120).toNanos() && !holding) {
                    report(streams, "gave up waiting for the last streams to open");
                    holding = true;
                    holdUntil = System.nanoTime() + Duration.ofSeconds(holdSeconds).toNanos();
                }
                poll(selector, read, 10);
            }

            // Delivery: a few connected people get a new follower; each of their open streams must hear of it.
            List<Integer> targets = new ArrayList<>();
            for (int p = 0; p < people && targets.size() < checked; p += Math.max(1, people / checked)) {
                targets.add(p);
            }
            int[] before = new int[connections];
            int expected = 0;
            for (int i = 0; i < streams.size(); i++) {
                Stream s = streams.get(i);
                before[i] = s.notifications;
                if (!s.closed && s.headersDone && s.status == 200 && targets.contains(s.person)) {
                    expected++;
                }
            }
            int users = Integer.parseInt(seed.getProperty("users"));
            HttpClient api = HttpClient.newHttpClient();
            long sent = System.nanoTime();
            int followed = 0;
            for (int person : targets) {
                int follower = (person + users / 2) % users; // someone far from the connected people
                String token = "Bearer " + seed.getProperty("tokenPrefix") + follower;
                URI follow = base.resolve("/api/v1/users/u" + person + "/follow");
                api.send(HttpRequest.newBuilder(follow).header("Authorization", token).DELETE().build(), HttpResponse.BodyHandlers.discarding());
                HttpResponse<Void> r = api.send(HttpRequest.newBuilder(follow).header("Authorization", token)
                        .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 204) {
                    followed++;
                }
                poll(selector, read, 0);
            }
            long waitUntil = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            int delivered = 0;
            while (System.nanoTime() < waitUntil) {
                poll(selector, read, 50);
                delivered = 0;
                for (int i = 0; i < streams.size(); i++) {
                    Stream s = streams.get(i);
                    if (targets.contains(s.person) && s.notifications > before[i]) {
                        delivered++;
                    }
                }
                if (delivered >= expected) {
                    break;
                }
            }
            long deliveryMs = (System.nanoTime() - sent) / 1_000_000;
            report(streams, "end of hold");

            summary(streams, followed, targets.size(), expected, delivered, deliveryMs);
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            boolean ok = streams.stream().allMatch(s -> !s.closed && s.status == 200) && delivered >= expected && followed == targets.size();
            System.exit(ok ? 0 : 1);
        }
    }

    void poll(Selector selector, ByteBuffer read, long millis) throws IOException {
        if (millis == 0) {
            selector.selectNow();
        } else {
            selector.select(millis);
        }
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
            SelectionKey key = keys.next();
            keys.remove();
            Stream s = (Stream) key.attachment();
            SocketChannel channel = (SocketChannel) key.channel();
            try {
                if (key.isConnectable()) {
                    channel.finishConnect();
                    key.interestOps(SelectionKey.OP_WRITE);
                }
                if (key.isValid() && key.isWritable()) {
                    channel.write(s.request);
                    if (!s.request.hasRemaining()) {
                        s.request = null;
                        key.interestOps(SelectionKey.OP_READ);
                    }
                }
                if (key.isValid() && key.isReadable()) {
                    read.clear();
                    int n = channel.read(read);
                    if (n < 0) {
                        key.cancel();
                        channel.close();
                        fail(s, s.headersDone ? "closed by the server" : "closed before answering");
                        continue;
                    }
                    read.flip();
                    s.bytes += n;
                    while (read.hasRemaining()) {
                        char c = (char) (read.get() & 0xff);
                        if (c == '\n') {
                            line(s, s.line.toString().strip());
                            s.line.setLength(0);
                        } else if (s.line.length() < 200) {
                            s.line.append(c);
                        }
                    }
                    if (s.line.capacity() > 256) {
                        s.line.trimToSize();
                    }
                }
            } catch (IOException e) {
                key.cancel();
                channel.close();
                fail(s, e.getMessage());
            }
        }
    }

    void line(Stream s, String line) {
        if (!s.headersDone) {
            if (s.status < 0 && line.startsWith("HTTP/1.1 ")) {
                s.status = Integer.parseInt(line.substring(9, 12));
            } else if (line.isEmpty()) {
                s.headersDone = true;
                s.openedNanos = System.nanoTime() - s.started;
                if (s.status != 200) {
                    fail(s, "status " + s.status);
                }
            }
        } else if (line.equals("event:notification")) {
            s.notifications++;
        }
    }

    static void fail(Stream s, String why) {
        if (!s.closed) {
            s.closed = true;
            s.closedBecause = why;
        }
    }

    void report(List<Stream> streams, String when) {
        long opened = streams.stream().filter(s -> s.headersDone && s.status == 200).count();
        long open = streams.stream().filter(s -> s.headersDone && s.status == 200 && !s.closed).count();
        long failed = streams.stream().filter(s -> s.closed).count();
        out.printf("%s: %,d started, %,d answered 200, %,d open now, %,d failed or closed%n", when, streams.size(), opened, open, failed);
    }

    void summary(List<Stream> streams, int followed, int targets, int expected, int delivered, long deliveryMs) {
        long[] openMs = streams.stream().filter(s -> s.openedNanos >= 0).mapToLong(s -> s.openedNanos / 1_000_000).sorted().toArray();
        long open = streams.stream().filter(s -> !s.closed && s.status == 200).count();
        Map<String, Long> failures = new LinkedHashMap<>();
        streams.stream().filter(s -> s.closed).forEach(s -> failures.merge(s.closedBecause, 1L, Long::sum));
        out.println();
        out.printf("| streams asked | held to the end | failed or closed | opening p50 / p99 / p99.9 / max ms |%n");
        out.printf("| --- | --- | --- | --- |%n");
        out.printf("| %,d | %,d | %,d | %s / %s / %s / %s |%n", streams.size(), open, streams.size() - open,
                pct(openMs, 50), pct(openMs, 99), pct(openMs, 99.9), openMs.length == 0 ? "-" : openMs[openMs.length - 1]);
        failures.forEach((why, n) -> out.printf("- %,d: %s%n", n, why));
        out.println();
        out.printf("Delivery: %d of %d people got a new follower through the API; %d of their %d open streams received the"
                + " `notification` event (waited %d ms from the first follow)%n", followed, targets, delivered, expected, deliveryMs);
    }

    static String pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return "-";
        }
        return String.valueOf(sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)]);
    }

    // Signing in: the login form, as a browser does (argon2id costs the server tens of ms each, so it happens before).

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    String[] signInAll(int count) throws Exception {
        String[] sessions = new String[count];
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                work.add(pool.submit(() -> {
                    sessions[n] = signIn(n);
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return sessions;
    }

    String signIn(int n) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String form = client.send(HttpRequest.newBuilder(base.resolve("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(form);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on /login");
        }
        String body = "email=" + enc("u" + n + "@" + seed.getProperty("emailDomain")) + "&password=" + enc(seed.getProperty("password"))
                + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> done = client.send(HttpRequest.newBuilder(base.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        String location = done.headers().firstValue("Location").orElse("");
        if (done.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("sign-in of u" + n + " refused: " + done.statusCode() + " " + location);
        }
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION"))
                .findFirst().orElseThrow().getValue();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
