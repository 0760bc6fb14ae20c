package org.tribune.client;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

import org.tribune.ApiContract;

/**
 * The HTTP client under the generated API client: it checks every answer against the published document
 * ({@link ApiContract}) before the generated code reads it, so a status or a field the document does not declare
 * fails the test even where the generated code would let it pass.
 */
final class ContractCheckingHttpClient extends HttpClient {
    private final HttpClient http;

    private ContractCheckingHttpClient(HttpClient http) {
        this.http = http;
    }

    /** A builder for {@code ApiClient.setHttpClientBuilder}. */
    static HttpClient.Builder builder() {
        HttpClient.Builder real = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        return new HttpClient.Builder() {
            public Builder cookieHandler(CookieHandler handler) { real.cookieHandler(handler); return this; }
            public Builder connectTimeout(Duration duration) { real.connectTimeout(duration); return this; }
            public Builder sslContext(SSLContext context) { real.sslContext(context); return this; }
            public Builder sslParameters(SSLParameters parameters) { real.sslParameters(parameters); return this; }
            public Builder executor(Executor executor) { real.executor(executor); return this; }
            public Builder followRedirects(Redirect policy) { real.followRedirects(policy); return this; }
            public Builder version(Version version) { real.version(version); return this; }
            public Builder priority(int priority) { real.priority(priority); return this; }
            public Builder proxy(ProxySelector selector) { real.proxy(selector); return this; }
            public Builder authenticator(Authenticator authenticator) { real.authenticator(authenticator); return this; }
            public HttpClient build() { return new ContractCheckingHttpClient(real.build()); }
        };
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> raw = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        ApiContract.check(request.method(), request.uri().getRawPath(), raw.statusCode(), raw.headers().map(),
                new String(raw.body(), StandardCharsets.UTF_8));
        return new Checked<>(raw, replay(raw, handler));
    }

    /** Hands the bytes already read to the caller's body handler, as the network would have. */
    private static <T> T replay(HttpResponse<byte[]> raw, HttpResponse.BodyHandler<T> handler) {
        HttpResponse.BodySubscriber<T> subscriber = handler.apply(new HttpResponse.ResponseInfo() {
            public int statusCode() { return raw.statusCode(); }
            public HttpHeaders headers() { return raw.headers(); }
            public Version version() { return raw.version(); }
        });
        subscriber.onSubscribe(new Flow.Subscription() {
            public void request(long n) {
            }

            public void cancel() {
            }
        });
        if (raw.body().length > 0) {
            subscriber.onNext(List.of(ByteBuffer.wrap(raw.body())));
        }
        subscriber.onComplete();
        return subscriber.getBody().toCompletableFuture().join();
    }

    private record Checked<T>(HttpResponse<byte[]> raw, T body) implements HttpResponse<T> {
        public int statusCode() { return raw.statusCode(); }
        public HttpRequest request() { return raw.request(); }
        public Optional<HttpResponse<T>> previousResponse() { return Optional.empty(); }
        public HttpHeaders headers() { return raw.headers(); }
        public Optional<SSLSession> sslSession() { return raw.sslSession(); }
        public java.net.URI uri() { return raw.uri(); }
        public Version version() { return raw.version(); }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        throw new UnsupportedOperationException("the generated client is used synchronously");
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushes) {
        throw new UnsupportedOperationException("the generated client is used synchronously");
    }

    public Optional<CookieHandler> cookieHandler() { return http.cookieHandler(); }
    public Optional<Duration> connectTimeout() { return http.connectTimeout(); }
    public Redirect followRedirects() { return http.followRedirects(); }
    public Optional<ProxySelector> proxy() { return http.proxy(); }
    public SSLContext sslContext() { return http.sslContext(); }
    public SSLParameters sslParameters() { return http.sslParameters(); }
    public Optional<Authenticator> authenticator() { return http.authenticator(); }
    public Version version() { return http.version(); }
    public Optional<Executor> executor() { return http.executor(); }
}
