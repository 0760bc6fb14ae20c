package org.tribune.post.preview;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/** A small web site on 127.0.0.1 for preview tests: it counts requests per path and remembers Host headers. */
public final class TestSite implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    final List<String> hostHeaders = new CopyOnWriteArrayList<>();

    public TestSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** http://127.0.0.1:port + path */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    TestSite on(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            if (exchange.getRequestURI().getPath().equals(path)) {
                hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                hostHeaders.add(exchange.getRequestHeaders().getFirst("Host"));
                try (exchange) {
                    handler.handle(exchange);
                }
            } else {
                try (exchange) {
                    exchange.sendResponseHeaders(404, -1);
                }
            }
        });
        return this;
    }

    public TestSite page(String path, String html) {
        return body(path, "text/html; charset=UTF-8", html.getBytes(StandardCharsets.UTF_8));
    }

    TestSite body(String path, String contentType, byte[] body) {
        return on(path, exchange -> send(exchange, 200, contentType, body));
    }

    TestSite redirect(String path, String location) {
        return on(path, exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(302, -1);
        });
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        } catch (IOException closedByClient) {
            // the fetcher stopped reading, as it should past its limit
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
