package org.tribune.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import net.jqwik.api.sessions.JqwikSession;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.account.TokenService;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every operation of the API's own description, called with generated requests: odd and hostile path segments,
 * query strings with empty names and broken escapes, strange headers, JSON bodies of the wrong types, with nulls,
 * huge strings, unknown fields or broken syntax, by a visitor, a member and an administrator. The server must never
 * answer 5xx (a 503 only when load shedding refused the request), and every 4xx must be a problem detail.
 *
 * <p>The requests are drawn from jqwik generators with one seed, printed with any failure; run again with
 * {@code -Dtribune.fuzz.seed=<seed>} to replay it. The test has a database of its own: an administrator's random
 * requests may change site settings.
 */
@IntegrationTest
// its own context too (the key names it): FirstAdminTest needs a database where no administrator was ever made
@TestPropertySource(properties = {"tribune.test.fresh-database=true", "tribune.test.context=api-fuzz"})
class ApiFuzzTest {
    /** Requests per operation and caller: about 4,600 requests in all, about half a minute; more with -Dtribune.fuzz.tries. */
    private static final int TRIES = Integer.getInteger("tribune.fuzz.tries", 16);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    TokenService tokens;

    private Random random;
    private final Map<String, List<String>> known = new LinkedHashMap<>();

    private record Operation(String method, String path, List<JsonNode> parameters, JsonNode body) {
    }

    private record Caller(String name, String token) {
    }

    private record Sent(String method, String target, Map<String, String> headers, String contentType, String body) {
        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…(" + body.length() + ")" : body;
            return method + " " + (target.length() > 300 ? target.substring(0, 300) + "…" : target) + " " + headers
                    + (contentType == null ? "" : " [" + contentType + "] ") + shown;
        }
    }

    @Test
    void noOperationOfTheDocumentAnswers5xxAndEveryRefusalIsAProblemDetail() throws Exception {
        long seed = Long.getLong("tribune.fuzz.seed", new Random().nextLong());
        random = new Random(seed);
        // jqwik's generators need a session when used outside a @Property (this test needs Spring's context)
        JqwikSession.start(Long.toString(seed));
        try {
            fuzz(seed);
        } finally {
            JqwikSession.finish();
        }
    }

    private void fuzz(long seed) throws Exception {
        JsonNode document = JSON.readTree(new WebClient(port).get("/api/openapi.json").body());
        List<Operation> operations = operations(document);
        assertThat(operations).as("operations in /api/openapi.json").hasSizeGreaterThan(50);

        Account member = members.active("fuzz");
        Account admin = members.admin("fuzzadm");
        List<Caller> callers = List.of(new Caller("visitor", null),
                new Caller("member", tokens.createFor(member.id(), "fuzz")),
                new Caller("admin", tokens.createFor(admin.id(), "fuzz")));
        knownValues(callers.get(1), member, admin);

        List<String> failures = new ArrayList<>();
        int sent = 0;
        int succeeded = 0;
        for (Operation operation : operations) {
            for (Caller caller : callers) {
                for (int i = 0; i < TRIES; i++) {
                    Sent request = request(document, operation, caller);
                    Answer answer = send(request);
                    sent++;
                    succeeded += answer.status() >= 200 && answer.status() < 300 ? 1 : 0;
                    String failure = judge(answer);
                    if (failure != null && failures.size() < 30) {
                        failures.add(caller.name() + ": " + request + "\n    → " + failure);
                    }
                }
            }
        }
        System.out.printf("API fuzz: seed %d, %d operations, %d requests, %d answered 2xx%n", seed, operations.size(), sent,
                succeeded);
        assertThat(failures).as("seed %d, %d requests; failures:%n%s", seed, sent, String.join("\n", failures)).isEmpty();
        assertThat(succeeded).as("answers in 2xx, so the generated requests reach the operations, not only their guards")
                .isGreaterThan(sent / 20);
    }

    /** Null when the answer is acceptable, else what is wrong with it. */
    private static String judge(Answer answer) {
        int status = answer.status();
        String type = answer.header("content-type");
        String excerpt = answer.body().length() > 400 ? answer.body().substring(0, 400) : answer.body();
        if (status == 503 && answer.body().contains("problem.overloaded") && !answer.header("retry-after").isEmpty()) {
            return null; // load shedding, as documented
        }
        if (status >= 500 || status < 100) {
            return status + " " + excerpt;
        }
        if (status >= 400) {
            if (!type.startsWith("application/problem+json")) {
                return status + " without a problem detail (" + type + "): " + excerpt;
            }
            try {
                JsonNode problem = JSON.readTree(answer.body());
                if (problem.path("status").asInt() != status || problem.path("title").asString("").isBlank()) {
                    return status + " with a problem detail that does not say so: " + excerpt;
                }
            } catch (RuntimeException unreadable) {
                return status + " with a body that is not JSON: " + excerpt;
            }
        }
        return null;
    }

    private record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.getOrDefault(name, "");
        }
    }

    /**
     * Sends the request as bytes on a socket of its own: the JDK's HTTP client refuses the malformed addresses and
     * header values this test is about.
     */
    private Answer send(Sent sent) throws Exception {
        byte[] body = sent.body() == null ? new byte[0] : sent.body().getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(sent.method()).append(' ').append(sent.target()).append(" HTTP/1.1\r\n")
                .append("Host: localhost:").append(port).append("\r\nConnection: close\r\n");
        sent.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (sent.contentType() != null) {
            head.append("Content-Type: ").append(sent.contentType()).append("\r\n");
        }
        if (sent.body() != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            try {
                OutputStream out = socket.getOutputStream();
                out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                out.write(body);
                out.flush();
            } catch (java.io.IOException answeredEarly) {
                // the server refused the request before reading all of it, and closed: its answer is there to read
            }
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(answer);
            } catch (java.net.SocketException reset) {
                // closed after the answer
            }
            return parse(answer.toByteArray());
        }
    }

    private static Answer parse(byte[] bytes) {
        String all = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = all.indexOf("\r\n\r\n");
        if (end < 0) {
            return new Answer(-1, Map.of(), "no complete answer: " + all);
        }
        String[] lines = all.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(), lines[i].substring(colon + 1).trim());
            }
        }
        byte[] rest = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        if (headers.getOrDefault("transfer-encoding", "").contains("chunked")) {
            rest = unchunk(rest);
        }
        return new Answer(status, headers, new String(rest, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = at;
            while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int length = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
            if (length == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, Math.min(length, chunked.length - lineEnd - 2));
            at = lineEnd + 2 + length + 2;
        }
        return out.toByteArray();
    }

    // ---- the document

    private static List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                List<JsonNode> parameters = new ArrayList<>();
                path.getValue().path("parameters").forEach(parameters::add);
                operation.path("parameters").forEach(parameters::add);
                JsonNode body = null;
                for (Map.Entry<String, JsonNode> content : operation.path("requestBody").path("content").properties()) {
                    if (content.getKey().contains("json")) {
                        body = content.getValue().path("schema");
                    }
                }
                operations.add(new Operation(method.toUpperCase(), path.getKey(), parameters, body));
            }
        }
        return operations;
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        for (int depth = 0; schema != null && schema.has("$ref") && depth < 10; depth++) {
            String ref = schema.get("$ref").asString();
            JsonNode target = document;
            for (String part : ref.replaceFirst("^#/", "").split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            schema = target;
        }
        if (schema != null) {
            for (String combined : List.of("allOf", "oneOf", "anyOf")) {
                if (schema.has(combined) && schema.get(combined).size() > 0 && !schema.has("properties")) {
                    return resolve(document, schema.get(combined).get(0));
                }
            }
        }
        return schema;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema == null ? null : schema.get("type");
        if (type == null) {
            return schema != null && schema.has("properties") ? "object" : "string";
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asString())) {
                    return t.asString();
                }
            }
            return "null";
        }
        return type.asString();
    }

    // ---- values that exist, so that some requests get past the look-ups

    private void knownValues(Caller member, Account memberAccount, Account admin) {
        WebClient client = new WebClient(port).header("Authorization", "Bearer " + member.token());
        String slug = "fuzz" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36).substring(0, 6);
        WebClient.Response group = client.postJson("/api/v1/groups", Map.of("slug", slug, "name", "Fuzzing ground"));
        assertThat(group.status()).as(group.body()).isEqualTo(201);
        WebClient.Response post = client.postJson("/api/v1/groups/" + slug + "/posts", Map.of("body", "A post to fuzz around"));
        assertThat(post.status()).as(post.body()).isLessThan(300);
        String postId = post.json().path("id").asString();
        WebClient.Response comment = client.postJson("/api/v1/posts/" + postId + "/comments", Map.of("body", "A comment"));
        known.put("slug", List.of(slug));
        known.put("handle", List.of(memberAccount.handle(), admin.handle(), "me"));
        known.put("id", List.of(postId, comment.json().path("id").asString(postId), "1"));
        known.put("rev", List.of("1", "2"));
        known.put("domain", List.of("example.org", "www.example.org"));
    }

    // ---- generators

    private <T> T draw(Arbitrary<T> arbitrary) {
        return arbitrary.generator(1000).next(random).value();
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private String oneOf(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Text a hostile or careless client might send. */
    private Arbitrary<String> oddText() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().ofMaxLength(40)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(20)),
                Tuple.of(2, Arbitraries.of("", " ", "0", "-1", "1.5", "9223372036854775808", "true", "null",
                        "..", "../..", "%", "%zz", "%00", "/", "\\", "?", "#", "&", "=", "é", "😀", "\u0000", "\u202e",
                        "<script>alert(1)</script>", "' or 1=1 --", "${jndi:x}", "a\nb", "PUBLIC", "OPEN", "HELPFUL",
                        "https://example.org/a", "javascript:alert(1)", "MONTHLY", "EUR", "satire")),
                Tuple.of(1, Arbitraries.integers().between(1_000, 70_000).map(n -> "x".repeat(n))),
                Tuple.of(1, Arbitraries.longs().map(n -> Long.toString(n))));
    }

    private String pathValue(String name) {
        List<String> real = known.getOrDefault(name, known.get(name.toLowerCase().endsWith("id") ? "id" : "handle"));
        if (real != null && chance(50)) {
            return URLEncoder.encode(oneOf(real), StandardCharsets.UTF_8);
        }
        String value = draw(oddText());
        if (chance(15)) {
            return oneOf(List.of("%ff%fe", "%2F", "%2e%2e", "%00", "%", "a%2Fb", ";x=1", "%5C"));
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String query(List<JsonNode> parameters) {
        List<String> pairs = new ArrayList<>();
        for (JsonNode parameter : parameters) {
            if ("query".equals(parameter.path("in").asString()) && chance(70)) {
                pairs.add(parameter.path("name").asString() + "=" + URLEncoder.encode(draw(oddText()), StandardCharsets.UTF_8));
            }
        }
        if (chance(35)) {
            pairs.add(oneOf(List.of("=x", "=", "&", "a=%zz", "%=1", "a", "a=1&a=2", "before=%", "x=%u0041",
                    "q=" + "y".repeat(5000), "=%00", "[]=1", "a[b]=c", URLEncoder.encode(draw(oddText()), StandardCharsets.UTF_8) + "=1")));
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private Map<String, String> headers(Operation operation, Caller caller) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (caller.token() != null) {
            headers.put("Authorization", chance(90) ? "Bearer " + caller.token() : oneOf(List.of("Bearer ", "Bearer x",
                    "Basic Zm9vOmJhcg==", "bearer " + caller.token(), "Bearer " + caller.token() + "x", "Token abc")));
        } else if (chance(15)) {
            headers.put("Authorization", oneOf(List.of("Bearer", "Bearer trb_nothing", "Negotiate x", "Bearer " + "a".repeat(3000))));
        }
        if (chance(30)) {
            headers.put("Accept", oneOf(List.of("*/*", "application/json", "application/problem+json", "text/html",
                    "application/xml", "image/png", ";;;", "application/json;q=oops", "text/event-stream")));
        }
        if (chance(20)) {
            headers.put("Accept-Language", oneOf(List.of("fr", "en", "xx-YY", "*", ";;,,=", "fr;q=abc", "de-DE-1996", "a".repeat(300))));
        }
        for (JsonNode parameter : operation.parameters()) {
            if ("header".equals(parameter.path("in").asString()) && chance(80)) {
                String value = chance(60) ? "fuzz-" + random.nextLong() : draw(Arbitraries.strings().ascii().ofMaxLength(300));
                headers.put(parameter.path("name").asString(), value.replaceAll("[\\x00-\\x1f\\x7f]", ""));
            }
        }
        if (chance(10)) {
            headers.put(oneOf(List.of("If-None-Match", "If-Modified-Since", "Range", "X-Forwarded-For", "Origin", "Cookie")),
                    oneOf(List.of("garbage", "\"abc\"", "bytes=0-1", "999.999.1.1", "null", "SESSION=nope", "Mon, 32 Foo")));
        }
        return headers;
    }

    private Sent request(JsonNode document, Operation operation, Caller caller) {
        StringBuilder target = new StringBuilder();
        Iterator<String> parts = List.of(operation.path().split("/")).iterator();
        while (parts.hasNext()) {
            String part = parts.next();
            if (!part.isEmpty()) {
                target.append('/').append(part.startsWith("{") ? pathValue(part.substring(1, part.length() - 1)) : part);
            }
        }
        target.append(query(operation.parameters()));
        String method = chance(5) ? oneOf(List.of("GET", "PUT", "POST", "DELETE", "PATCH")) : operation.method();
        Map<String, String> headers = headers(operation, caller);
        if (operation.body() == null && !chance(10)) {
            return new Sent(method, target.toString(), headers, null, null);
        }
        String contentType = chance(90) ? "application/json" : oneOf(List.of("text/plain", "application/json; charset=latin-9",
                "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", ";;"));
        return new Sent(method, target.toString(), headers, contentType, body(document, operation.body()));
    }

    // ---- bodies

    private String body(JsonNode document, JsonNode schema) {
        int kind = random.nextInt(100);
        if (kind < 8) {
            return oneOf(List.of("", "{", "{\"a\":", "nul", "[1,2", "{\"a\":1}}", "{'a':1}", "\u0000", "{} {}",
                    "{\"a\":1,\"a\":2}", "[".repeat(3000) + "]".repeat(3000), "{\"x\":" + "9".repeat(2000) + "}"));
        }
        if (kind < 14) {
            return oneOf(List.of("null", "[]", "1", "\"text\"", "true", "[{}]", "{}"));
        }
        JsonNode typed = value(document, resolve(document, schema), 0);
        if (kind < 40 || !(typed instanceof ObjectNode valid) || valid.isEmpty()) {
            return JSON.writeValueAsString(typed);
        }
        List<String> fields = new ArrayList<>(valid.propertyNames());
        String field = fields.get(random.nextInt(fields.size()));
        switch (random.nextInt(7)) {
            case 0 -> valid.putNull(field);
            case 1 -> valid.set(field, wrongType(valid.get(field)));
            case 2 -> valid.put("unknown" + random.nextInt(1000), draw(oddText()));
            case 3 -> valid.put(field, "z".repeat(100_000 + random.nextInt(200_000)));
            case 4 -> valid.set(field, NODES.arrayNode().addNull());
            case 5 -> valid.remove(field);
            default -> valid.set(field, NODES.objectNode().set("nested", NODES.arrayNode().add(1)));
        }
        return JSON.writeValueAsString(valid);
    }

    private JsonNode wrongType(JsonNode value) {
        List<JsonNode> others = new ArrayList<>(List.of(NODES.booleanNode(random.nextBoolean()), NODES.numberNode(random.nextLong()),
                NODES.numberNode(random.nextDouble() * 1e6), NODES.stringNode(draw(oddText())), NODES.arrayNode(),
                NODES.objectNode()));
        others.removeIf(other -> value != null && other.getNodeType() == value.getNodeType());
        return others.get(random.nextInt(others.size()));
    }

    /** A value of the declared type, drawn from odd but well-typed values. */
    private JsonNode value(JsonNode document, JsonNode schema, int depth) {
        String type = type(schema);
        if (schema != null && schema.has("enum") && schema.get("enum").size() > 0 && chance(80)) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4 && schema != null) {
                    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                        if (chance(85)) {
                            object.set(property.getKey(), value(document, resolve(document, property.getValue()), depth + 1));
                        }
                    }
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int size = draw(Arbitraries.frequency(Tuple.of(6, 1), Tuple.of(3, 0),
                        Tuple.of(2, 7), Tuple.of(1, 200)));
                for (int i = 0; i < size && depth < 4; i++) {
                    array.add(value(document, resolve(document, schema == null ? null : schema.get("items")), depth + 1));
                }
                yield array;
            }
            case "integer" -> NODES.numberNode(draw(Arbitraries.oneOf(Arbitraries.longs().between(-3, 1_000_001),
                    Arbitraries.longs(), Arbitraries.of(0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, (long) Integer.MAX_VALUE + 1))));
            case "number" -> NODES.numberNode(draw(Arbitraries.oneOf(Arbitraries.doubles().between(-10, 100_000).ofScale(2),
                    Arbitraries.of(0.0, -0.01, 1e300, 0.001))));
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            default -> NODES.stringNode(draw(oddText()));
        };
    }
}
