package org.tribune.bench;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * What every scenario shares: settings (system properties, set by run.sh), the seeded community's files
 * (bench/target/seed: the id formula, recent posts, groups by popularity, who may act on what), and signed-in
 * sessions for the HTML pages.
 */
final class Bench {
    static final String BASE_URL = System.getProperty("baseUrl", "http://localhost:8080");
    static final Path SEED = Path.of(System.getProperty("seed", "target/seed"));
    static final double RATE = Double.parseDouble(System.getProperty("rate", "100"));
    static final int DURATION = Integer.getInteger("duration", 60);
    static final int RAMP = Integer.getInteger("ramp", 10);
    static final int CLIENTS = Integer.getInteger("clients", 16);
    static final int SESSIONS = Integer.getInteger("sessions", 100);

    private static final Properties SEEDED = load(SEED.resolve("seed.properties"));
    static final int USERS = Integer.parseInt(SEEDED.getProperty("users"));
    static final String PASSWORD = SEEDED.getProperty("password");
    static final String EMAIL_DOMAIN = SEEDED.getProperty("emailDomain");
    static final String TOKEN_PREFIX = SEEDED.getProperty("tokenPrefix");

    private Bench() {
    }

    static HttpProtocolBuilder protocol() {
        return http.baseUrl(BASE_URL)
                .acceptHeader("text/html,application/json")
                .acceptEncodingHeader("gzip")
                .disableCaching()
                .disableFollowRedirect()
                .shareConnections()
                .userAgentHeader("tribune-bench");
    }

    /**
     * The people online during the run ({@code -Donline=}, 2,000 by default), spread over the whole community: a
     * client keeps its token, so the server notes a token's use at most once a minute, as with real clients. With a
     * new person on every request, every request would also be a write.
     */
    static final int ONLINE = Integer.getInteger("online", 2_000);
    private static final int[] ONLINE_PEOPLE = new java.util.Random(7).ints(0, USERS).distinct()
            .limit(Math.min(ONLINE, USERS)).toArray();

    /** A person online, for API calls: the token is a formula of the person's number. */
    static Iterator<Map<String, Object>> randomPeople() {
        return Stream.generate(() -> {
            int n = ONLINE_PEOPLE[ThreadLocalRandom.current().nextInt(ONLINE_PEOPLE.length)];
            return Map.<String, Object>of("n", n, "token", "Bearer " + TOKEN_PREFIX + n);
        }).iterator();
    }

    static FeederBuilder<String> posts() {
        return csv(SEED.resolve("posts.csv").toString()).random();
    }

    static FeederBuilder<String> groups() {
        return csv(SEED.resolve("groups.csv").toString()).random();
    }

    /** A person with a recent post they may like or comment on, and one of their groups to post in. */
    static Iterator<Map<String, Object>> interactions() {
        List<String[]> rows = readCsv(SEED.resolve("interactions.csv"));
        return Stream.generate(() -> {
            String[] row = rows.get(ThreadLocalRandom.current().nextInt(rows.size()));
            return Map.<String, Object>of("n", row[0], "token", "Bearer " + TOKEN_PREFIX + row[0], "postId", row[1], "slug", row[2]);
        }).iterator();
    }

    /** Sessions of signed-in people for the HTML pages, picked at random; made once before the load starts. */
    static Iterator<Map<String, Object>> signedIn(List<String> sessions) {
        return Stream.generate(() -> Map.<String, Object>of("cookie",
                "SESSION=" + sessions.get(ThreadLocalRandom.current().nextInt(sessions.size())))).iterator();
    }

    /**
     * Signs in {@code count} different seeded people through the login form (argon2id makes each sign-in cost tens
     * of milliseconds of server CPU, which is why this happens once, before measuring).
     */
    static List<String> signIn(int count, int firstPerson) {
        List<String> sessions = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = (firstPerson + i) % USERS;
                work.add(pool.submit(() -> sessions.add(signIn(n))));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Signing in the seeded people failed: " + e.getMessage(), e);
        } finally {
            pool.shutdown();
        }
        return sessions;
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static String signIn(int n) {
        try {
            CookieManager cookies = new CookieManager();
            HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            String form = client.send(HttpRequest.newBuilder(URI.create(BASE_URL + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = CSRF.matcher(form);
            if (!csrf.find()) {
                throw new IllegalStateException("no CSRF token on /login");
            }
            String body = "email=" + enc("u" + n + "@" + EMAIL_DOMAIN) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(csrf.group(1));
            HttpResponse<String> done = client.send(HttpRequest.newBuilder(URI.create(BASE_URL + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            String location = done.headers().firstValue("Location").orElse("");
            if (done.statusCode() != 302 || location.contains("error")) {
                throw new IllegalStateException("sign-in of u" + n + " refused: " + done.statusCode() + " " + location);
            }
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION"))
                    .findFirst().orElseThrow().getValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Properties load(Path file) {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("No seed files at " + file.toAbsolutePath() + ": run ./tribune seed first", e);
        }
        return p;
    }

    private static List<String[]> readCsv(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.skip(1).map(l -> l.split(",")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // The requests, each named for the report: "... api" with a bearer token, "... html" with a session cookie.

    static final String JSON = "application/json";

    static ChainBuilder homeApi() {
        return feed(randomPeople())
                .exec(http("home api").get("/api/v1/feed").header("Authorization", "#{token}").header("Accept", JSON)
                        .check(status().is(200), jsonPath("$.next").optional().saveAs("next")))
                .doIf(s -> s.contains("next") && ThreadLocalRandom.current().nextInt(3) == 0).then(
                        exec(http("home next api").get("/api/v1/feed?before=#{next}").header("Authorization", "#{token}")
                                .header("Accept", JSON).check(status().is(200))))
                .exec(s -> s.remove("next"));
    }

    static ChainBuilder homeHtml(Iterator<Map<String, Object>> sessions) {
        return feed(sessions)
                .exec(http("home html").get("/").header("Cookie", "#{cookie}")
                        .check(status().is(200), regex("rel=\"next\" href=\"[^\"]*before=(\\d+)\"").optional().saveAs("next")))
                .doIf(s -> s.contains("next") && ThreadLocalRandom.current().nextInt(3) == 0).then(
                        exec(http("home next html").get("/?before=#{next}").header("Cookie", "#{cookie}").check(status().is(200))))
                .exec(s -> s.remove("next"));
    }

    static ChainBuilder groupApi() {
        return feed(randomPeople()).feed(groups())
                .exec(http("group api").get("/api/v1/groups/#{slug}/posts").header("Authorization", "#{token}")
                        .header("Accept", JSON).check(status().is(200)));
    }

    static ChainBuilder groupHtml(Iterator<Map<String, Object>> sessions) {
        return feed(sessions).feed(groups())
                .exec(http("group html").get("/groups/#{slug}").header("Cookie", "#{cookie}").check(status().is(200)));
    }

    static ChainBuilder postApi() {
        return feed(randomPeople()).feed(posts())
                .exec(http("post api").get("/api/v1/posts/#{postId}").header("Authorization", "#{token}")
                        .header("Accept", JSON).check(status().is(200)))
                .exec(http("post comments api").get("/api/v1/posts/#{postId}/comments").header("Authorization", "#{token}")
                        .header("Accept", JSON).check(status().is(200)));
    }

    static ChainBuilder postHtml(Iterator<Map<String, Object>> sessions) {
        return feed(sessions).feed(posts())
                .exec(http("post html").get("/p/#{postId}").header("Cookie", "#{cookie}").check(status().is(200)));
    }

    static ChainBuilder notificationsApi() {
        return feed(randomPeople())
                .exec(http("notifications api").get("/api/v1/notifications").header("Authorization", "#{token}")
                        .header("Accept", JSON).check(status().is(200)));
    }

    static ChainBuilder notificationsHtml(Iterator<Map<String, Object>> sessions) {
        return feed(sessions)
                .exec(http("notifications html").get("/notifications").header("Cookie", "#{cookie}").check(status().is(200)));
    }

    /** Words the generator writes posts with (org.tribune.seed.Community), so that searches find something. */
    private static final String[] SEARCH_WORDS = ("garden city river music bike train school market bread coffee rain "
            + "winter summer library museum park night street history film book team election council budget bridge "
            + "harbour mountain forest festival concert jazz piano story news project kitchen neighbour teacher").split(" ");

    private static Iterator<Map<String, Object>> searches() {
        java.util.Random random = new java.util.Random(7);
        return java.util.stream.Stream.generate(() -> Map.<String, Object>of("q",
                SEARCH_WORDS[random.nextInt(SEARCH_WORDS.length)] + " " + SEARCH_WORDS[random.nextInt(SEARCH_WORDS.length)]))
                .iterator();
    }

    static ChainBuilder searchApi() {
        return feed(randomPeople()).feed(searches())
                .exec(http("search api").get("/api/v1/search").queryParam("q", "#{q}").header("Authorization", "#{token}")
                        .header("Accept", JSON).check(status().is(200)));
    }

    static ChainBuilder searchHtml(Iterator<Map<String, Object>> sessions) {
        return feed(sessions).feed(searches())
                .exec(http("search html").get("/search").queryParam("q", "#{q}").header("Cookie", "#{cookie}")
                        .check(status().is(200)));
    }

    static ChainBuilder like() {
        return feed(interactions())
                .exec(http("like api").put("/api/v1/posts/#{postId}/like").header("Authorization", "#{token}")
                        .header("Accept", JSON).check(status().is(200)));
    }

    static ChainBuilder comment() {
        return feed(interactions())
                .exec(http("comment api").post("/api/v1/posts/#{postId}/comments").header("Authorization", "#{token}")
                        .header("Accept", JSON).header("Content-Type", JSON)
                        .body(StringBody("{\"body\":\"Measured from the bench, #{n}.\"}")).check(status().is(201)));
    }

    static ChainBuilder newPost() {
        return feed(interactions())
                .exec(http("new post api").post("/api/v1/groups/#{slug}/posts").header("Authorization", "#{token}")
                        .header("Accept", JSON).header("Content-Type", JSON)
                        .body(StringBody("{\"title\":\"Bench post\",\"body\":\"Written under load by u#{n}.\"}"))
                        .check(status().is(201)));
    }

    static ChainBuilder ping() {
        return exec(http("ping").get("/actuator/health").check(status().is(200)));
    }
}
