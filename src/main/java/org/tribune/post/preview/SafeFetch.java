package org.tribune.post.preview;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fetches a web page or an image for a link preview without letting a link reach what it must not (SSRF).
 * <ul>
 * <li>Only http and https, only ports 80 and 443.</li>
 * <li>The host is resolved here, and refused if <em>any</em> of its addresses is not a public unicast address
 * ({@link BlockedAddresses}).</li>
 * <li>The connection goes to the address that was checked (see {@link #hop}), so a DNS answer that changes between
 * the check and the connection (DNS rebinding) cannot send it elsewhere.</li>
 * <li>Redirects are followed here, at most {@value #MAX_REDIRECTS}, each hop checked like the first.</li>
 * <li>At most 1 MiB of a page (the rest is not read) or 5 MiB of an image (larger is refused); only
 * {@code text/html}, or the image types of {@link Kind#IMAGE}; 5 seconds in all, lookups included.</li>
 * </ul>
 * Hosts in {@code tribune.previews.allowed-hosts} (empty by default) skip the address and port rules. That setting
 * exists so tests can fetch from a server on 127.0.0.1; it must stay empty in production.
 * <p>
 * Every outcome is a {@link Result}; nothing here throws for a bad, refused or failing address.
 */
@Component
public class SafeFetch {
    static final int MAX_REDIRECTS = 3;
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Set<Integer> PORTS = Set.of(80, 443);
    private static final String RESTRICTED_HEADERS = "jdk.httpclient.allowRestrictedHeaders";
    private static final Logger log = LoggerFactory.getLogger(SafeFetch.class);

    static {
        // The JDK client refuses a Host header of our own unless told otherwise, and reads this property once,
        // when java.net.http first loads. pom.xml sets it for tests, where another class may load it first.
        String allowed = System.getProperty(RESTRICTED_HEADERS, "");
        if (Arrays.stream(allowed.split(",")).map(String::strip).noneMatch("host"::equalsIgnoreCase)) {
            System.setProperty(RESTRICTED_HEADERS, allowed.isBlank() ? "host" : allowed + ",host");
        }
    }

    /** What to fetch, with the content types and size it may have. */
    public enum Kind {
        PAGE(Set.of("text/html"), 1 << 20, "text/html,application/xhtml+xml;q=0.5"),
        IMAGE(Set.of("image/jpeg", "image/png", "image/gif", "image/webp"), 5 << 20,
                "image/jpeg,image/png,image/gif,image/webp");

        private final Set<String> types;
        private final int maxBytes;
        private final String accept;

        Kind(Set<String> types, int maxBytes, String accept) {
            this.types = types;
            this.maxBytes = maxBytes;
            this.accept = accept;
        }

        public int maxBytes() {
            return maxBytes;
        }
    }

    /** Why we would not fetch: our rules said no. Cached as REFUSED. */
    public enum Refusal { DISABLED, BAD_ADDRESS, PORT, BLOCKED_ADDRESS, TOO_MANY_REDIRECTS, CONTENT_TYPE, TOO_LARGE }

    /** The outcome of a fetch. */
    public sealed interface Result permits Fetched, Refused, Failed {
    }

    /**
     * A 2xx answer of an accepted type. {@code body} holds at most {@link Kind#maxBytes()} bytes; {@code truncated}
     * says the page was longer and the rest was not read.
     */
    public record Fetched(URI url, String contentType, byte[] body, boolean truncated) implements Result {
    }

    /** Our rules refused the address or the answer; {@code detail} is for logs, never for readers. */
    public record Refused(Refusal reason, String detail) implements Result {
    }

    /** The site did not answer usefully: unknown host, timeout, error status, broken connection. */
    public record Failed(String detail) implements Result {
    }

    /** Host name to addresses; the system resolver except in tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean enabled;
    private final Set<String> allowedHosts;
    private final Resolver resolver;
    private final TrustManager[] trust;
    private final String userAgent;
    private final boolean canPin;

    @Autowired
    SafeFetch(@Value("${tribune.previews.enabled:true}") boolean enabled,
            @Value("${tribune.previews.allowed-hosts:}") String allowedHosts,
            @Value("${tribune.base-url:http://localhost}") String baseUrl) throws GeneralSecurityException {
        this(enabled, allowedHosts, InetAddress::getAllByName, systemTrust(), baseUrl);
    }

    /** @param trust the certificates https sites are checked against: the JDK's own outside tests */
    SafeFetch(boolean enabled, String allowedHosts, Resolver resolver, TrustManager[] trust, String baseUrl) {
        this.enabled = enabled;
        this.allowedHosts = Arrays.stream(allowedHosts.split(",")).map(h -> h.strip().toLowerCase(Locale.ROOT))
                .map(h -> h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h)
                .filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
        this.trust = trust.clone();
        this.userAgent = "TribuneLinkPreview/1.0 (+" + baseUrl + ")";
        this.canPin = hostHeaderAllowed();
        if (!this.allowedHosts.isEmpty()) {
            log.warn("Link previews may fetch from private addresses of {} (tribune.previews.allowed-hosts); "
                    + "leave it empty outside tests", this.allowedHosts);
        }
        if (enabled && !canPin) {
            log.error("Link previews are off: java.net.http was loaded before {} could allow the Host header. "
                    + "Start the JVM with -D{}=host", SafeFetch.class.getSimpleName(), RESTRICTED_HEADERS);
        }
    }

    static TrustManager[] systemTrust() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return factory.getTrustManagers();
    }

    /**
     * A TLS context of its own for each connection. A shared one would keep sessions by IP address and port, and
     * resume a session verified for one host name on a connection meant for another name pinned to the same IP,
     * skipping the certificate check.
     */
    private SSLContext freshTls() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust, null);
        return context;
    }

    private static boolean hostHeaderAllowed() {
        try {
            HttpRequest.newBuilder(URI.create("http://192.0.2.1/")).header("Host", "example.org");
            return true;
        } catch (IllegalArgumentException restricted) {
            return false;
        }
    }

    /** Fetches {@code url}, following up to {@value #MAX_REDIRECTS} redirects, within {@link #TIMEOUT} in all. */
    public Result fetch(String url, Kind kind) {
        if (!enabled) {
            return new Refused(Refusal.DISABLED, "tribune.previews.enabled=false");
        }
        if (!canPin) {
            return new Failed("the Host header cannot be set; see the start-up log");
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Optional<WebAddress> parsed = WebAddress.parse(url);
        if (parsed.isEmpty()) {
            return new Refused(Refusal.BAD_ADDRESS, "not an http(s) address without user info");
        }
        WebAddress address = parsed.get();
        for (int redirects = 0; ; redirects++) {
            Step step = hop(address, kind, deadline);
            if (step instanceof Done done) {
                return done.result();
            }
            if (redirects == MAX_REDIRECTS) {
                return new Refused(Refusal.TOO_MANY_REDIRECTS, "more than " + MAX_REDIRECTS + " redirects");
            }
            Optional<WebAddress> next = resolveLocation(address, ((Redirect) step).location());
            if (next.isEmpty()) {
                return new Refused(Refusal.BAD_ADDRESS, "redirect to an address that is not http(s)");
            }
            address = next.get();
        }
    }

    private static Optional<WebAddress> resolveLocation(WebAddress from, String location) {
        try {
            return WebAddress.parse(from.uri().resolve(location.strip()).toString());
        } catch (IllegalArgumentException bad) {
            return Optional.empty();
        }
    }

    /** What one request gave: a final {@link Result}, or a redirect to check and follow. */
    private sealed interface Step {
    }

    private record Done(Result result) implements Step {
    }

    private record Redirect(String location) implements Step {
    }

    /** The refusal of this address before any connection, or empty when it may be fetched. */
    Optional<Refused> precheck(WebAddress address) {
        if (allowedHosts.contains(address.host())) {
            return Optional.empty();
        }
        if (!PORTS.contains(address.port())) {
            return Optional.of(new Refused(Refusal.PORT, "port " + address.port()));
        }
        return BlockedAddresses.nameRefusal(address.host()).map(why -> new Refused(Refusal.BLOCKED_ADDRESS, why));
    }

    /**
     * Checks then fetches one address.
     * <p>
     * Pinning: the JDK client has no hook to choose the address it connects to, and resolving twice (once to check,
     * once to connect) is exactly what DNS rebinding exploits. So the request goes to the checked IP literal
     * ({@code https://203.0.113.7/path}) and carries the real name where the site looks for it: in the Host header
     * (allowed by {@code jdk.httpclient.allowRestrictedHeaders=host}) and, for https, in the TLS server name (SNI),
     * which the client takes from its SSL parameters when the address is a literal. The JDK's trust manager then
     * checks the certificate against that server name, so https keeps its usual host name verification. A client
     * is made per hop because the server name differs per host.
     */
    private Step hop(WebAddress address, Kind kind, long deadline) {
        Optional<Refused> refused = precheck(address);
        if (refused.isPresent()) {
            return new Done(refused.get());
        }
        InetAddress[] resolved;
        try {
            resolved = resolve(address.host(), deadline);
        } catch (TimeoutException e) {
            return new Done(new Failed("timed out resolving " + address.host()));
        } catch (UnknownHostException | RuntimeException e) {
            return new Done(new Failed("unknown host " + address.host()));
        }
        if (!allowedHosts.contains(address.host())) {
            for (InetAddress candidate : resolved) {
                Optional<String> why = BlockedAddresses.refusal(candidate);
                if (why.isPresent()) {
                    return new Done(new Refused(Refusal.BLOCKED_ADDRESS, address.host() + " -> "
                            + candidate.getHostAddress() + ": " + why.get()));
                }
            }
        }
        InetAddress pinned = resolved[0];
        String literal = pinned.getHostAddress();
        int scope = literal.indexOf('%');
        literal = scope < 0 ? literal : literal.substring(0, scope);
        URI target = URI.create(address.scheme() + "://" + (literal.contains(":") ? "[" + literal + "]" : literal)
                + ":" + address.port() + address.pathAndQuery());
        return exchange(address, target, kind, deadline);
    }

    private InetAddress[] resolve(String host, long deadline) throws UnknownHostException, TimeoutException {
        // The system resolver has its own, longer, timeouts: wait for it no longer than the fetch may last.
        CompletableFuture<InetAddress[]> lookup = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                lookup.complete(resolver.resolve(host));
            } catch (Throwable e) {
                lookup.completeExceptionally(e);
            }
        });
        try {
            InetAddress[] addresses = lookup.get(remaining(deadline), TimeUnit.NANOSECONDS);
            if (addresses == null || addresses.length == 0) {
                throw new UnknownHostException(host);
            }
            return addresses;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof UnknownHostException unknown ? unknown : new UnknownHostException(host);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted");
        }
    }

    private Step exchange(WebAddress address, URI target, Kind kind, long deadline) {
        long left = remaining(deadline);
        if (left <= 0) {
            return new Done(new Failed("timed out"));
        }
        boolean named = !address.host().contains(":") && !address.host().matches("[0-9.]+");
        HttpClient client;
        try {
            SSLContext tls = freshTls();
            SSLParameters ssl = tls.getDefaultSSLParameters();
            if (named) {
                ssl.setServerNames(List.of(new SNIHostName(address.host())));
            }
            client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .proxy(HttpClient.Builder.NO_PROXY) // a proxy would resolve the name itself
                    .sslContext(tls)
                    .sslParameters(ssl)
                    .connectTimeout(Duration.ofNanos(left))
                    .build();
        } catch (IllegalArgumentException badName) {
            return new Done(new Failed("host name unusable for TLS: " + address.host()));
        } catch (GeneralSecurityException e) {
            return new Done(new Failed("no TLS: " + e));
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(target)
                    .timeout(Duration.ofNanos(left))
                    .header("Host", address.hostHeader())
                    .header("User-Agent", userAgent)
                    .header("Accept", kind.accept)
                    .header("Accept-Encoding", "identity")
                    .GET().build();
            CompletableFuture<HttpResponse<Body>> sent = client.sendAsync(request, info -> subscriber(info, kind));
            HttpResponse<Body> response;
            try {
                response = sent.get(remaining(deadline), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                sent.cancel(true);
                return new Done(new Failed("timed out after " + TIMEOUT.toSeconds() + " s"));
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                return new Done(new Failed(cause instanceof java.net.http.HttpTimeoutException ? "timed out"
                        : "connection failed: " + cause.getClass().getSimpleName()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                sent.cancel(true);
                return new Done(new Failed("interrupted"));
            }
            return outcome(address, kind, response);
        } finally {
            client.shutdownNow();
        }
    }

    private static Step outcome(WebAddress address, Kind kind, HttpResponse<Body> response) {
        int status = response.statusCode();
        if (isRedirect(status)) {
            return response.headers().firstValue("Location").<Step>map(Redirect::new)
                    .orElse(new Done(new Failed("redirect without a Location")));
        }
        return new Done(result(address, kind, response));
    }

    private static Result result(WebAddress address, Kind kind, HttpResponse<Body> response) {
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            return new Failed("status " + status);
        }
        String type = mediaType(response.headers());
        if (!kind.types.contains(type)) {
            return new Refused(Refusal.CONTENT_TYPE, "content type " + (type.isEmpty() ? "(none)" : type));
        }
        Body body = response.body();
        if (body == null || body.truncated() && kind == Kind.IMAGE) {
            return new Refused(Refusal.TOO_LARGE, "more than " + kind.maxBytes + " bytes");
        }
        return new Fetched(address.uri(), response.headers().firstValue("Content-Type").orElse(type), body.bytes(),
                body.truncated());
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    static String mediaType(HttpHeaders headers) {
        String value = headers.firstValue("Content-Type").orElse("");
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    /** Reads the body only when it will be used, and never more than the kind allows. */
    private static HttpResponse.BodySubscriber<Body> subscriber(HttpResponse.ResponseInfo info, Kind kind) {
        int status = info.statusCode();
        boolean wanted = status >= 200 && status <= 299 && kind.types.contains(mediaType(info.headers()))
                && !(kind == Kind.IMAGE && info.headers().firstValueAsLong("Content-Length").orElse(0) > kind.maxBytes);
        return wanted ? new LimitedBody(kind.maxBytes) : new LimitedBody(-1);
    }

    /** The bytes read and whether more were left unread. */
    record Body(byte[] bytes, boolean truncated) {
    }

    /**
     * Collects at most {@code limit} bytes, then cancels the rest. A negative limit reads nothing at all (the body
     * of a redirect or of a refused answer) and yields null.
     */
    static final class LimitedBody implements HttpResponse.BodySubscriber<Body> {
        private final int limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<Body> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        LimitedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<Body> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (limit < 0) {
                subscription.cancel();
                result.complete(null);
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                int room = limit - bytes.size();
                int take = Math.min(room, buffer.remaining());
                byte[] chunk = new byte[take];
                buffer.get(chunk);
                bytes.write(chunk, 0, take);
                if (buffer.hasRemaining()) {
                    subscription.cancel();
                    result.complete(new Body(bytes.toByteArray(), true));
                    return;
                }
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable failure) {
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            result.complete(new Body(bytes.toByteArray(), false));
        }
    }
}
