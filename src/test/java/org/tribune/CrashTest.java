package org.tribune;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Nothing acknowledged is lost when the server dies. A real Tribune runs in a process of its own on a database of
 * this test (the default H2 file in a data directory of its own, or a fresh PostgreSQL database). Writers on several
 * threads publish posts that mention someone, comment, like, follow and give through the test payment, over HTTP;
 * the process is killed at a random moment (SIGKILL, or SIGTERM and then SIGKILL while it shuts down, which is when
 * H2 compacts its file), and started again on the same data. After each restart, once the server has finished the
 * after-commit work the kill interrupted (no pending event left, per {@code /api/v1/admin/events}): every write that
 * was answered 2xx is there, and so are the notifications and search entries of every acknowledged post and comment.
 * {@code -Dtribune.crash.kills=100} runs it longer than the default 10 kills; {@code -Dtribune.crash.writers=16} writes
 * harder than the default 4 writers (and leaves more after-commit work for the restart).
 */
class CrashTest {
    private static final int KILLS = Integer.getInteger("tribune.crash.kills", 10);
    private static final int WRITERS = Integer.getInteger("tribune.crash.writers", 4);
    private static final int PEOPLE = 6;
    private static final String PASSWORD = "violet staple lantern 42";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Person(String handle, String email, String token) {
    }

    record PostWrite(String id, int author, int mentioned, String word) {
    }

    record CommentWrite(String id, PostWrite post, int author) {
    }

    record LikeWrite(PostWrite post, int liker) {
    }

    record FollowWrite(int follower, int followee) {
    }

    record DonationWrite(String id, int donor, boolean paid) {
    }

    private final List<Person> people = new ArrayList<>();
    private final List<PostWrite> posts = new CopyOnWriteArrayList<>();
    private final List<CommentWrite> comments = new CopyOnWriteArrayList<>();
    private final Set<LikeWrite> likes = ConcurrentHashMap.newKeySet();
    private final Set<FollowWrite> follows = ConcurrentHashMap.newKeySet();
    private final Map<String, DonationWrite> donations = new ConcurrentHashMap<>();
    private final Map<String, String> refusals = new ConcurrentHashMap<>();
    private final String run = Long.toString(System.nanoTime() % 1_000_000, 36);

    @Test
    void nothingAcknowledgedIsLostWhenTheServerIsKilled(@TempDir Path dataDir) throws Exception {
        Server server = new Server(dataDir, TestDatabase.isPostgres() ? TestDatabase.settings(true) : Map.of(),
                "admin" + run + "@example.org");
        server.start();
        String admin = setUp(server);
        try {
            for (int round = 1; round <= KILLS; round++) {
                boolean duringShutdown = round % 3 == 0;
                int written = writeUntilKilled(server, duringShutdown);
                server.start(); // the database opens again, or this fails
                List<String> missing;
                try {
                    awaitNoPendingEvents(server, admin);
                    missing = missing(server, round == KILLS);
                } catch (HttpTimeoutException stuck) {
                    throw new AssertionError("round " + round + ": the restarted server did not answer within 20 s:\n"
                            + server.tail() + "\n" + server.threads(), stuck);
                }
                long pending = server.pendingAtStart();
                System.out.printf("crash test (%s) round %d: killed %s after %d acknowledged writes; %d pending events "
                        + "finished after the restart; %d posts, %d comments, %d likes, %d follows, %d donations so "
                        + "far; missing: %d%n", TestDatabase.isPostgres() ? "postgres" : "h2", round,
                        duringShutdown ? "while shutting down" : "at once", written, pending, posts.size(),
                        comments.size(), likes.size(), follows.size(), donations.size(), missing.size());
                assertThat(refusals).as("writes refused while the server was up; the server's errors:\n%s",
                        server.errors()).isEmpty();
                assertThat(missing).as("round %d: acknowledged but missing after the restart; the server's errors:\n%s",
                        round, server.errors()).isEmpty();
            }
        } finally {
            server.stop();
        }
    }

    /** An administrator (first start), and people who signed up and confirmed their address through the mail. */
    private String setUp(Server server) throws Exception {
        String admin = token(server, server.adminEmail);
        for (int i = 0; i < PEOPLE; i++) {
            String handle = "crash" + run + i;
            String email = handle + "@example.org";
            Answer signedUp = server.send("POST", "/api/v1/accounts", null, Map.of("handle", handle, "email", email,
                    "password", PASSWORD, "locale", "en"));
            assertThat(signedUp.status()).as(signedUp.body()).isEqualTo(201);
            String link = TestMail.await(email).link("/verify");
            assertThat(server.send("GET", link.substring(link.indexOf("/verify")), null, null).status()).isEqualTo(200);
            people.add(new Person(handle, email, token(server, email)));
        }
        return admin;
    }

    private String token(Server server, String email) throws Exception {
        Answer answer = server.send("POST", "/api/v1/tokens", null, Map.of("email", email, "password", PASSWORD, "name", "crash"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("token").asString();
    }

    /** Writers write until the server dies under them; returns how many writes were acknowledged. */
    private int writeUntilKilled(Server server, boolean duringShutdown) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger acknowledged = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(WRITERS);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int me = w % PEOPLE; // more writers than people: some write as the same person, in sessions of their own
            writers.add(Thread.ofPlatform().name("writer-" + w).start(() -> {
                // Signed in through the login form: the test payment is a form of the signed-in donor's page.
                WebClient browser = new WebClient(server.port);
                assertThat(browser.login(people.get(me).email(), PASSWORD).status()).isEqualTo(302);
                ready.countDown();
                while (!stop.get()) {
                    try {
                        if (writeOne(server, me, browser)) {
                            acknowledged.incrementAndGet();
                        }
                    } catch (Throwable refused) {
                        // the server is gone or going: nothing was acknowledged
                    }
                }
            }));
        }
        assertThat(ready.await(60, TimeUnit.SECONDS)).as("writers signed in").isTrue();
        Thread.sleep(ThreadLocalRandom.current().nextLong(500, 3_000));
        server.kill(duringShutdown);
        stop.set(true);
        for (Thread writer : writers) {
            writer.join(30_000);
        }
        return acknowledged.get();
    }

    /** One write as person {@code me}; true when the server acknowledged it (and it is recorded as such). */
    private boolean writeOne(Server server, int me, WebClient browser) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Person person = people.get(me);
        int other = (me + 1 + random.nextInt(PEOPLE - 1)) % PEOPLE;
        int dice = random.nextInt(100);
        List<PostWrite> others = posts.stream().filter(p -> p.author() != me).toList();
        if (dice < 40 || others.isEmpty()) {
            String word = "w" + run + "x" + Long.toString(random.nextLong(Long.MAX_VALUE), 36);
            Answer answer = server.send("POST", "/api/v1/posts", person.token(), Map.of("title", "",
                    "body", "A crash-proof word " + word + " for @" + people.get(other).handle(), "link", ""));
            refused("post", answer);
            if (answer.status() == 201) {
                posts.add(new PostWrite(answer.json().get("id").asString(), me, other, word));
                return true;
            }
        } else if (dice < 65) {
            PostWrite post = others.get(random.nextInt(others.size()));
            Answer answer = server.send("POST", "/api/v1/posts/" + post.id() + "/comments", person.token(),
                    Map.of("body", "Noted, " + random.nextInt(1000)));
            refused("comment", answer);
            if (answer.status() == 201) {
                comments.add(new CommentWrite(answer.json().get("id").asString(), post, me));
                return true;
            }
        } else if (dice < 80) {
            PostWrite post = others.get(random.nextInt(others.size()));
            if (server.send("PUT", "/api/v1/posts/" + post.id() + "/like", person.token(), null).is2xx()) {
                likes.add(new LikeWrite(post, me));
                return true;
            }
        } else if (dice < 90) {
            if (server.send("PUT", "/api/v1/users/" + people.get(other).handle() + "/follow", person.token(), null).is2xx()) {
                follows.add(new FollowWrite(me, other));
                return true;
            }
        } else {
            Answer started = server.send("POST", "/api/v1/donations", person.token(),
                    Map.of("amount", 500, "currency", "USD", "interval", "ONE_TIME"), "Idempotency-Key", UUID.randomUUID().toString());
            refused("donation", started);
            if (started.status() == 201) {
                String id = started.json().get("id").asString();
                donations.put(id, new DonationWrite(id, me, false));
                if (browser.post("/donate/" + id + "/test-payment").status() == 302) {
                    donations.put(id, new DonationWrite(id, me, true));
                }
                return true;
            }
        }
        return false;
    }

    /** Keeps one refusal of each kind of write (not 2xx, and not the 503 of a server shutting down) for the report. */
    private void refused(String write, Answer answer) {
        if (!answer.is2xx() && answer.status() != 503) {
            refusals.putIfAbsent(write, answer.status() + " " + answer.body());
        }
    }

    /**
     * The restarted server finishes the publications the kill left (at once on H2, after a few seconds on
     * PostgreSQL); returns how many were pending when it first answered.
     */
    private long awaitNoPendingEvents(Server server, String admin) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long first = -1;
        long pending = -1;
        while (System.nanoTime() < deadline) {
            Answer answer = server.send("GET", "/api/v1/admin/events", admin, null);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            pending = answer.json().get("count").asLong();
            first = first < 0 ? pending : first;
            if (pending == 0) {
                return first;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(pending + " event publications still pending a minute after the restart: "
                + server.send("GET", "/api/v1/admin/events", admin, null).body());
    }

    /** What was acknowledged and cannot be found; all of it on the last round, else what is new and a sample of the rest. */
    private List<String> missing(Server server, boolean everything) throws Exception {
        List<String> missing = new ArrayList<>();
        Person reader = people.getFirst();
        for (PostWrite post : sample(posts, everything)) {
            if (server.send("GET", "/api/v1/posts/" + post.id(), reader.token(), null).status() != 200) {
                missing.add("post " + post.id());
            }
            JsonNode found = server.send("GET", "/api/v1/search?q=" + post.word(), reader.token(), null).json().get("items");
            if (!ids(found, "id").contains(post.id())) {
                missing.add("search entry of post " + post.id());
            }
        }
        Map<String, Set<String>> commentsOf = new HashMap<>();
        for (CommentWrite comment : sample(comments, everything)) {
            Set<String> ids = commentsOf.computeIfAbsent(comment.post().id(), id -> commentIds(server, reader, id));
            if (!ids.contains(comment.id())) {
                missing.add("comment " + comment.id());
            }
        }
        for (LikeWrite like : likes) {
            if (!handles(server, reader, "/api/v1/posts/" + like.post().id() + "/likes").contains(people.get(like.liker()).handle())) {
                missing.add("like of " + like.post().id() + " by " + like.liker());
            }
        }
        for (FollowWrite follow : follows) {
            if (!handles(server, reader, "/api/v1/users/" + people.get(follow.followee()).handle() + "/followers")
                    .contains(people.get(follow.follower()).handle())) {
                missing.add("follow of " + follow.followee() + " by " + follow.follower());
            }
        }
        for (DonationWrite donation : donations.values()) {
            Answer answer = server.send("GET", "/api/v1/donations/" + donation.id(), people.get(donation.donor()).token(), null);
            if (answer.status() != 200) {
                missing.add("donation " + donation.id());
            } else if (donation.paid() && "PENDING".equals(answer.json().get("status").asString())) {
                missing.add("payment of donation " + donation.id());
            }
        }
        missing.addAll(missingNotifications(server));
        return missing;
    }

    /** The notification each acknowledged mention, comment, like and follow owes its recipient. */
    private List<String> missingNotifications(Server server) throws Exception {
        List<Set<String>> received = new ArrayList<>();
        for (Person person : people) {
            received.add(notifications(server, person));
        }
        List<String> missing = new ArrayList<>();
        for (PostWrite post : posts) {
            expect(missing, received, post.mentioned(), "MENTION " + post.id() + " null");
        }
        for (CommentWrite comment : comments) {
            expect(missing, received, comment.post().author(), "COMMENT_ON_POST " + comment.post().id() + " " + comment.id());
        }
        for (LikeWrite like : likes) {
            expect(missing, received, like.post().author(), "LIKE_ON_POST " + like.post().id() + " null");
        }
        for (FollowWrite follow : follows) {
            expect(missing, received, follow.followee(), "NEW_FOLLOWER " + people.get(follow.follower()).handle());
        }
        return missing;
    }

    private static void expect(List<String> missing, List<Set<String>> received, int recipient, String notification) {
        if (!received.get(recipient).contains(notification)) {
            missing.add("notification to " + recipient + ": " + notification);
        }
    }

    /** Every notification of a person, as "KIND post comment", and for followers "NEW_FOLLOWER handle". */
    private static Set<String> notifications(Server server, Person person) throws Exception {
        Set<String> all = new HashSet<>();
        String before = null;
        do {
            JsonNode page = server.send("GET", "/api/v1/notifications" + (before == null ? "" : "?before=" + before),
                    person.token(), null).json();
            for (JsonNode entry : page.get("items")) {
                String kind = entry.get("kind").asString();
                all.add(kind.equals("NEW_FOLLOWER") ? kind + " " + entry.get("actor").get("handle").asString()
                        : kind + " " + text(entry.get("postId")) + " " + text(entry.get("commentId")));
            }
            before = text(page.get("next"));
        } while (!"null".equals(before));
        return all;
    }

    private static Set<String> commentIds(Server server, Person reader, String postId) {
        try {
            Set<String> ids = new HashSet<>();
            String after = "0";
            while (!"null".equals(after)) {
                JsonNode page = server.send("GET", "/api/v1/posts/" + postId + "/comments?after=" + after, reader.token(), null).json();
                ids.addAll(ids(page.get("items"), "id"));
                after = text(page.get("next"));
            }
            return ids;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> handles(Server server, Person reader, String path) throws Exception {
        return ids(server.send("GET", path, reader.token(), null).json().get("items"), "handle");
    }

    private static Set<String> ids(JsonNode items, String field) {
        Set<String> ids = new HashSet<>();
        if (items != null) {
            items.forEach(item -> ids.add(item.get(field).asString()));
        }
        return ids;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "null" : node.asString();
    }

    /** Everything, or what the last round added and 30 earlier ones at random. */
    private static <T> List<T> sample(List<T> writes, boolean everything) {
        if (everything || writes.size() <= 60) {
            return writes;
        }
        List<T> sample = new ArrayList<>(writes.subList(Math.max(0, writes.size() - 30), writes.size()));
        for (int i = 0; i < 30; i++) {
            sample.add(writes.get(ThreadLocalRandom.current().nextInt(writes.size())));
        }
        return sample;
    }

    record Answer(int status, String body) {
        boolean is2xx() {
            return status / 100 == 2;
        }

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** Tribune in a JVM of its own, started from this build's classes, stopped only by killing it. */
    private static final class Server {
        private final Path dataDir;
        private final Map<String, Object> database;
        private final String adminEmail;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private Process process;
        private Path log;
        private int port;
        private int starts;

        Server(Path dataDir, Map<String, Object> database, String adminEmail) {
            this.dataDir = dataDir;
            this.database = database;
            this.adminEmail = adminEmail;
        }

        void start() throws Exception {
            port = freePort();
            log = dataDir.resolve("server-" + (++starts) + ".log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + dataDir, "-cp", classpath(),
                    "org.tribune.TribuneApplication"));
            Map<String, Object> settings = new HashMap<>(TestMail.settings());
            settings.putAll(database);
            settings.put("server.port", port);
            settings.put("tribune.data-dir", dataDir.toString());
            settings.put("tribune.admin.email", adminEmail);
            settings.put("tribune.admin.password", PASSWORD);
            settings.put("tribune.previews.enabled", false);
            settings.put("tribune.limits.signups-per-hour", 100_000);
            settings.put("tribune.limits.posts-per-hour", 100_000);
            settings.put("tribune.limits.comments-per-hour", 100_000);
            settings.put("tribune.limits.follows-per-hour", 100_000);
            settings.put("tribune.limits.login-failures-per-address-hour", 100_000);
            // A restarted PostgreSQL node takes up publications pending for 2 s (H2 takes them all up at start).
            settings.put("tribune.events.retry-after", "PT2S");
            settings.put("tribune.events.retry-every", "PT1S");
            settings.put("spring.lifecycle.timeout-per-shutdown-phase", "2s");
            settings.put("spring.main.banner-mode", "off");
            settings.forEach((key, value) -> command.add("--" + key + "=" + value));
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("the server did not start again (exit " + process.exitValue() + "):\n" + tail());
                }
                try {
                    if (send("GET", "/actuator/health/readiness", null, null).status() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(250);
            }
            throw new AssertionError("the server did not answer within 3 minutes:\n" + tail() + "\n" + threads());
        }

        /** What the server's threads are doing (a restart that never answered has its start-up thread stuck). */
        private String threads() {
            try {
                Process dump = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        Long.toString(process.pid()), "Thread.print").redirectErrorStream(true).start();
                String text = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                dump.waitFor();
                return "the server's threads:\n" + text;
            } catch (IOException e) {
                return "(no thread dump: " + e.getMessage() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "(no thread dump: interrupted)";
            }
        }

        /**
         * SIGKILL; or SIGTERM, then SIGKILL a random moment into the graceful shutdown (up to 2 s per phase), or
         * when H2 closes and compacts its file at its end, or after the process has ended by itself.
         */
        void kill(boolean duringShutdown) throws Exception {
            if (duringShutdown) {
                process.destroy();
                Thread.sleep(ThreadLocalRandom.current().nextLong(0, 4_000));
            }
            process.destroyForcibly().waitFor();
        }

        /** The ERROR and WARN lines of this start's log and of the previous one, with the first line of their causes. */
        String errors() throws IOException {
            List<String> found = new ArrayList<>();
            for (int n = Math.max(1, starts - 1); n <= starts; n++) {
                Path file = dataDir.resolve("server-" + n + ".log");
                if (Files.exists(file)) {
                    Files.readAllLines(file).stream()
                            .filter(line -> line.contains(" ERROR ") || line.contains(" WARN ") || line.startsWith("Caused by"))
                            .limit(40).forEach(found::add);
                }
            }
            return String.join("\n", found);
        }

        /** How many event publications the server found pending when it started (it logs it; see EventRetries). */
        long pendingAtStart() throws IOException {
            return Files.readAllLines(log).stream().filter(line -> line.contains("event publications were pending at start"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll(".*\\D(\\d+) event publications were pending.*", "$1")))
                    .findFirst().orElse(0);
        }

        void stop() throws Exception {
            if (process != null && process.isAlive()) {
                process.destroyForcibly().waitFor();
            }
        }

        Answer send(String method, String path, String token, Object body, String... headers)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(20))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        }

        /** The application's classes and libraries, without the tests' own classes (which hold test-only beans). */
        private static String classpath() {
            return String.join(File.pathSeparator, Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                    .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
                    .toList());
        }

        private String tail() throws IOException {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
