package org.tribune;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small browser for tests: real HTTP against the running server, cookies kept between requests, redirects not
 * followed (tests look at them), and CSRF tokens taken from forms as a browser would. Answers from /api/v1 are
 * checked against the OpenAPI document ({@link ApiContract}).
 */
public class WebClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private final Map<String, String> defaultHeaders = new LinkedHashMap<>();

    public WebClient(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public WebClient header(String name, String value) {
        defaultHeaders.put(name, value);
        return this;
    }

    public record Response(int status, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        public List<String> headerValues(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).toList();
        }

        public String location() {
            String location = header("Location");
            return location == null ? null : location.replaceFirst("^https?://localhost:\\d+", "");
        }

        public String csrf() {
            Matcher m = CSRF.matcher(body);
            if (!m.find()) {
                throw new AssertionError("no CSRF token in the page (status " + status + ")");
            }
            return m.group(1);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The text of the page's h1, without tags. */
        public String h1() {
            Matcher m = Pattern.compile("<h1[^>]*>(.*?)</h1>", Pattern.DOTALL).matcher(body);
            return m.find() ? m.group(1).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip() : null;
        }
    }

    public Response get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    public Response delete(String path, String... headers) {
        return send(request(path, headers).DELETE().build());
    }

    /** Posts a form with a CSRF token taken from the login page, as a browser posting a form it was shown. */
    public Response post(String path, String... fields) {
        List<String> all = new ArrayList<>(List.of(fields));
        all.add("_csrf");
        all.add(csrf());
        return postWithoutCsrf(path, all.toArray(String[]::new));
    }

    public Response postWithoutCsrf(String path, String... fields) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build());
    }

    public Response postJson(String path, Object body, String... headers) {
        return sendJson("POST", path, body, headers);
    }

    public Response sendJson(String method, String path, Object body, String... headers) {
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(request(path, headers).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(text)).build());
    }

    public String csrf() {
        return get("/login").csrf();
    }

    /** One part of a multipart/form-data body: a field, or a file with its name and type. */
    public record Part(String name, String fileName, String contentType, byte[] content) {
        public static Part field(String name, String value) {
            return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
        }

        public static Part file(String name, String fileName, String contentType, byte[] content) {
            return new Part(name, fileName, contentType, content);
        }
    }

    /** Sends a multipart/form-data body, as a browser's upload form or an API client does. */
    public Response sendMultipart(String method, String path, List<Part> parts, String... headers) {
        String boundary = "----tribune-test-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Part part : parts) {
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                    .append(part.name()).append('"');
            if (part.fileName() != null) {
                head.append("; filename=\"").append(part.fileName()).append('"');
            }
            head.append("\r\n");
            if (part.contentType() != null) {
                head.append("Content-Type: ").append(part.contentType()).append("\r\n");
            }
            head.append("\r\n");
            body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path, headers).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** An answer read as bytes (a picture). */
    public record Bytes(int status, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().getFirst()).orElse(null);
        }
    }

    public Bytes getBytes(String path, String... headers) {
        try {
            HttpResponse<byte[]> response = http.send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Bytes(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Logs in through the form; the answer is the redirect after it. */
    public Response login(String email, String password, String... extra) {
        List<String> fields = new ArrayList<>(List.of("email", email, "password", password));
        fields.addAll(List.of(extra));
        return post("/login", fields.toArray(String[]::new));
    }

    public Optional<HttpCookie> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    public void clearCookies() {
        cookies.getCookieStore().removeAll();
    }

    /** Sets a cookie as if the server had, e.g. to replay an old session id. */
    public void setCookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(base), cookie);
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        defaultHeaders.forEach(builder::header);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.setHeader(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            // every API answer a test receives is held to the published document
            ApiContract.check(request.method(), request.uri().getRawPath(), response.statusCode(),
                    response.headers().map(), response.body());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String form(String... fields) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            pairs.add(URLEncoder.encode(fields[i], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return pairs.stream().collect(Collectors.joining("&"));
    }
}
