package org.tribune.post.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tribune.post.preview.SafeFetch.Failed;
import org.tribune.post.preview.SafeFetch.Fetched;
import org.tribune.post.preview.SafeFetch.Kind;
import org.tribune.post.preview.SafeFetch.Refusal;
import org.tribune.post.preview.SafeFetch.Refused;
import org.tribune.post.preview.SafeFetch.Result;

/** The SSRF guard: what it refuses, what it reaches, and the limits it keeps. */
class SafeFetchTest {
    private static final String HTML = "text/html; charset=UTF-8";

    TestSite site;

    @BeforeEach
    void start() throws IOException {
        site = new TestSite();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    static SafeFetch fetcher(String allowedHosts) {
        return fetcher(allowedHosts, InetAddress::getAllByName);
    }

    static SafeFetch fetcher(String allowedHosts, SafeFetch.Resolver resolver) {
        try {
            return new SafeFetch(true, allowedHosts, resolver, SafeFetch.systemTrust(), "http://tribune.test");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A resolver that knows only the given names, so a test never depends on, or reaches, the real DNS. */
    static SafeFetch.Resolver names(Map<String, String[]> table, AtomicInteger lookups) {
        return host -> {
            lookups.incrementAndGet();
            String[] addresses = table.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            InetAddress[] resolved = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                resolved[i] = InetAddress.getByName(addresses[i]); // literals: no lookup
            }
            return resolved;
        };
    }

    static Refusal refusal(Result result) {
        assertThat(result).isInstanceOf(Refused.class);
        return ((Refused) result).reason();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // IPv4: loopback, private, link-local and metadata, any-local and this-network, carrier-grade NAT,
            // multicast, broadcast and reserved, protocol assignments (Oracle's metadata), benchmarking, documentation
            "127.0.0.1", "127.255.255.254", "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.255",
            "192.168.0.1", "192.168.255.255", "169.254.169.254", "169.254.170.2", "169.254.0.1", "0.0.0.0",
            "0.1.2.3", "100.64.0.1", "100.100.100.200", "100.127.255.255", "224.0.0.1", "239.255.255.250",
            "255.255.255.255", "240.0.0.1", "192.0.0.192", "198.18.0.1", "192.0.2.1",
            // IPv6: loopback, any-local, link-local, unique local (AWS metadata), site-local, multicast
            "::1", "::", "fe80::1", "febf:ffff::1", "fc00::1", "fd00:ec2::254", "fec0::1", "ff02::1", "ff05::2",
            // IPv6 forms of IPv4 addresses: mapped, compatible, NAT64, 6to4; Teredo, documentation
            "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::ffff:0.0.0.0", "::127.0.0.1",
            "::a00:1", "64:ff9b::a00:1", "64:ff9b::127.0.0.1", "64:ff9b:1::8.8.8.8", "2002:7f00:1::1",
            "2002:a9fe:a9fe::1", "2001::1", "2001:db8::1", "3fff::1"})
    void everyNonPublicAddressIsRefused(String literal) throws UnknownHostException {
        assertThat(BlockedAddresses.refusal(InetAddress.getByName(literal))).as(literal).isPresent();
    }

    @Test
    void ipv4MappedAddressesAreJudgedByTheirIpv4EvenAsIpv6Objects() throws UnknownHostException {
        byte[] mappedLoopback = new byte[16];
        mappedLoopback[10] = (byte) 0xff;
        mappedLoopback[11] = (byte) 0xff;
        mappedLoopback[12] = 127;
        mappedLoopback[15] = 1;
        InetAddress asIpv6 = Inet6Address.getByAddress(null, mappedLoopback, -1);
        assertThat(asIpv6).isInstanceOf(Inet6Address.class);
        assertThat(BlockedAddresses.refusal(asIpv6)).hasValueSatisfying(why -> assertThat(why).contains("mapped"));

        byte[] mappedPublic = mappedLoopback.clone();
        mappedPublic[12] = 8;
        mappedPublic[13] = 8;
        mappedPublic[14] = 8;
        mappedPublic[15] = 8;
        assertThat(BlockedAddresses.refusal(Inet6Address.getByAddress(null, mappedPublic, -1))).isEmpty();
        // The JDK itself turns the text form into the IPv4 address, which is refused as such.
        assertThat(InetAddress.getByName("::ffff:127.0.0.1")).isInstanceOf(Inet4Address.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.215.14", "11.0.0.1", "100.63.255.255", "100.128.0.1",
            "172.15.255.255", "172.32.0.1", "192.167.255.255", "192.169.0.1", "169.253.255.255", "223.255.255.255",
            "2606:4700:4700::1111", "2a00:1450:4007:80e::200e", "64:ff9b::808:808", "2002:808:808::1", "::ffff:8.8.8.8"})
    void publicAddressesAreNotRefused(String literal) throws UnknownHostException {
        assertThat(BlockedAddresses.refusal(InetAddress.getByName(literal))).as(literal).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/", "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://2130706433/",
            "http://127.0.0.2/", "http://127.1/", "http://0/", "http://[::]/", "http://169.254.169.254/latest/meta-data/",
            "http://[fd00:ec2::254]/", "http://[0:0:0:0:0:ffff:a9fe:a9fe]/", "http://localhost/", "http://app.localhost/",
            "http://metadata.google.internal/computeMetadata/v1/"})
    void loopbackPrivateAndMetadataTargetsAreRefusedBeforeAnyConnection(String url) {
        AtomicInteger lookups = new AtomicInteger();
        SafeFetch.Resolver counting = host -> {
            lookups.incrementAndGet();
            return InetAddress.getAllByName(host);
        };
        Result result = fetcher("", counting).fetch(url, Kind.PAGE);
        // Refused, not Failed: had it tried to connect to port 80 here, it would have failed instead.
        assertThat(result).as(url).isInstanceOfAny(Refused.class);
        assertThat(((Refused) result).reason()).as(url).isIn(Refusal.BLOCKED_ADDRESS, Refusal.BAD_ADDRESS);
    }

    @Test
    void loopbackIsRefusedUnlessAllowListed() {
        site.page("/hello", "<title>Hello</title>");
        String url = site.url("/hello");

        assertThat(refusal(fetcher("").fetch(url, Kind.PAGE))).isEqualTo(Refusal.PORT);
        AtomicInteger lookups = new AtomicInteger();
        SafeFetch onPort80 = fetcher("", names(Map.of("site.test", new String[] {"127.0.0.1"}), lookups));
        assertThat(refusal(onPort80.fetch("http://site.test/hello", Kind.PAGE))).isEqualTo(Refusal.BLOCKED_ADDRESS);
        assertThat(site.hits("/hello")).isZero();

        assertThat(fetcher("127.0.0.1").fetch(url, Kind.PAGE)).isInstanceOfSatisfying(Fetched.class,
                page -> assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("Hello"));
        assertThat(site.hits("/hello")).isEqualTo(1);
    }

    @Test
    void aHostWithOnePrivateAddressAmongPublicOnesIsRefused() {
        AtomicInteger lookups = new AtomicInteger();
        SafeFetch fetch = fetcher("", names(Map.of("mixed.test", new String[] {"8.8.8.8", "10.0.0.7"},
                "mixed6.test", new String[] {"2606:4700:4700::1111", "::1"}), lookups));

        assertThat(refusal(fetch.fetch("https://mixed.test/", Kind.PAGE))).isEqualTo(Refusal.BLOCKED_ADDRESS);
        assertThat(refusal(fetch.fetch("https://mixed6.test/", Kind.PAGE))).isEqualTo(Refusal.BLOCKED_ADDRESS);
        assertThat(fetch.fetch("https://unknown.test/", Kind.PAGE)).isInstanceOf(Failed.class);
    }

    @Test
    void connectsToTheAddressItCheckedAndSendsTheRealHostName() {
        site.page("/pinned", "<title>Pinned</title>");
        AtomicInteger lookups = new AtomicInteger();
        // "pinned.test" exists for no DNS server: the fetch works only because it connects to the checked address.
        SafeFetch fetch = fetcher("pinned.test", names(Map.of("pinned.test", new String[] {"127.0.0.1"}), lookups));

        Result result = fetch.fetch("http://pinned.test:" + site.port() + "/pinned", Kind.PAGE);

        assertThat(result).isInstanceOf(Fetched.class);
        assertThat(lookups).hasValue(1);
        assertThat(site.hostHeaders).containsExactly("pinned.test:" + site.port());
    }

    @Test
    void otherSchemesPortsAndUserInfoAreRefused() {
        SafeFetch fetch = fetcher("");
        assertThat(refusal(fetch.fetch("http://example.com:8080/", Kind.PAGE))).isEqualTo(Refusal.PORT);
        assertThat(refusal(fetch.fetch("https://example.com:22/", Kind.PAGE))).isEqualTo(Refusal.PORT);
        for (String bad : List.of("ftp://example.com/", "file:///etc/passwd", "gopher://example.com/",
                "http://user:secret@example.com/", "http://user@example.com/", "javascript:alert(1)", "//example.com/",
                "http://exa mple.com/", "http://example.com/" + "a".repeat(2000))) {
            assertThat(refusal(fetch.fetch(bad, Kind.PAGE))).as(bad).isEqualTo(Refusal.BAD_ADDRESS);
        }
    }

    @Test
    void aRedirectToAPrivateAddressIsRefused() {
        site.redirect("/to-metadata", "http://169.254.169.254/latest/meta-data/")
                .redirect("/to-private", "http://10.0.0.1/admin")
                .redirect("/to-localhost", "http://localhost:" + site.port() + "/hello")
                .redirect("/to-file", "file:///etc/passwd")
                .redirect("/relative", "/hello")
                .page("/hello", "<title>Hello</title>");
        SafeFetch fetch = fetcher("127.0.0.1");

        assertThat(refusal(fetch.fetch(site.url("/to-metadata"), Kind.PAGE))).isEqualTo(Refusal.BLOCKED_ADDRESS);
        assertThat(refusal(fetch.fetch(site.url("/to-private"), Kind.PAGE))).isEqualTo(Refusal.BLOCKED_ADDRESS);
        assertThat(refusal(fetch.fetch(site.url("/to-localhost"), Kind.PAGE))).isIn(Refusal.BLOCKED_ADDRESS, Refusal.PORT);
        assertThat(refusal(fetch.fetch(site.url("/to-file"), Kind.PAGE))).isEqualTo(Refusal.BAD_ADDRESS);
        assertThat(site.hits("/hello")).isZero();
        assertThat(fetch.fetch(site.url("/relative"), Kind.PAGE)).isInstanceOfSatisfying(Fetched.class,
                page -> assertThat(page.url().getPath()).isEqualTo("/hello"));
    }

    @Test
    void atMostThreeRedirectsAreFollowed() {
        for (int i = 1; i <= 4; i++) {
            site.redirect("/hop" + i, "/hop" + (i - 1));
        }
        site.page("/hop0", "<title>Arrived</title>");
        SafeFetch fetch = fetcher("127.0.0.1");

        assertThat(fetch.fetch(site.url("/hop3"), Kind.PAGE)).isInstanceOf(Fetched.class);
        assertThat(site.hits("/hop0")).isEqualTo(1);
        assertThat(refusal(fetch.fetch(site.url("/hop4"), Kind.PAGE))).isEqualTo(Refusal.TOO_MANY_REDIRECTS);
        assertThat(site.hits("/hop4")).isEqualTo(1);
        assertThat(site.hits("/hop0")).as("the fourth redirect is not followed").isEqualTo(1);
    }

    @Test
    void aPageIsCutAfterOneMebibyteAndAnImageOverFiveIsRefused() {
        byte[] big = new byte[3 << 20];
        Arrays.fill(big, (byte) 'a');
        site.body("/big", HTML, big)
                .on("/endless", exchange -> {
                    // no Content-Length: the body streams until the reader stops
                    exchange.getResponseHeaders().set("Content-Type", HTML);
                    exchange.sendResponseHeaders(200, 0);
                    try (OutputStream out = exchange.getResponseBody()) {
                        byte[] chunk = new byte[64 * 1024];
                        for (int i = 0; i < 1024; i++) {
                            out.write(chunk);
                        }
                    } catch (IOException stopped) {
                        // expected: the fetcher closed the connection
                    }
                })
                .body("/huge.png", "image/png", new byte[6 << 20]);
        SafeFetch fetch = fetcher("127.0.0.1");

        assertThat(fetch.fetch(site.url("/big"), Kind.PAGE)).isInstanceOfSatisfying(Fetched.class, page -> {
            assertThat(page.truncated()).isTrue();
            assertThat(page.body()).hasSize(1 << 20);
        });
        assertThat(fetch.fetch(site.url("/endless"), Kind.PAGE)).isInstanceOfSatisfying(Fetched.class, page -> {
            assertThat(page.truncated()).isTrue();
            assertThat(page.body()).hasSize(1 << 20);
        });
        assertThat(refusal(fetch.fetch(site.url("/huge.png"), Kind.IMAGE))).isEqualTo(Refusal.TOO_LARGE);
    }

    @Test
    void onlyHtmlPagesAndPictureTypesAreAccepted() {
        site.body("/data.json", "application/json", "{}".getBytes(StandardCharsets.UTF_8))
                .body("/untyped", "", "<title>x</title>".getBytes(StandardCharsets.UTF_8))
                .page("/page", "<title>x</title>")
                .body("/pic.svg", "image/svg+xml", "<svg/>".getBytes(StandardCharsets.UTF_8))
                .body("/pic.png", "image/png", new byte[] {1, 2, 3});
        SafeFetch fetch = fetcher("127.0.0.1");

        assertThat(refusal(fetch.fetch(site.url("/data.json"), Kind.PAGE))).isEqualTo(Refusal.CONTENT_TYPE);
        assertThat(refusal(fetch.fetch(site.url("/untyped"), Kind.PAGE))).isEqualTo(Refusal.CONTENT_TYPE);
        assertThat(refusal(fetch.fetch(site.url("/page"), Kind.IMAGE))).isEqualTo(Refusal.CONTENT_TYPE);
        assertThat(refusal(fetch.fetch(site.url("/pic.svg"), Kind.IMAGE))).isEqualTo(Refusal.CONTENT_TYPE);
        assertThat(fetch.fetch(site.url("/pic.png"), Kind.IMAGE)).isInstanceOf(Fetched.class);
    }

    @Test
    void errorStatusesFail() {
        site.on("/broken", exchange -> TestSite.send(exchange, 500, HTML, "oops".getBytes(StandardCharsets.UTF_8)))
                .on("/gone", exchange -> TestSite.send(exchange, 404, HTML, "gone".getBytes(StandardCharsets.UTF_8)))
                .on("/nowhere", exchange -> exchange.sendResponseHeaders(302, -1));
        SafeFetch fetch = fetcher("127.0.0.1");
        assertThat(fetch.fetch(site.url("/broken"), Kind.PAGE)).isInstanceOf(Failed.class);
        assertThat(fetch.fetch(site.url("/gone"), Kind.PAGE)).isInstanceOf(Failed.class);
        assertThat(fetch.fetch(site.url("/nowhere"), Kind.PAGE)).isInstanceOf(Failed.class);
    }

    @Test
    void aSlowServerTimesOutWithinFiveSeconds() {
        site.on("/drip", exchange -> {
            // headers at once, then one byte every 200 ms for 20 s
            exchange.getResponseHeaders().set("Content-Type", HTML);
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write('a');
                    out.flush();
                    Thread.sleep(200);
                }
            } catch (IOException | InterruptedException stopped) {
                // the fetcher gave up
            }
        }).on("/silent", exchange -> {
            try {
                Thread.sleep(20_000); // no answer at all
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        });
        SafeFetch fetch = fetcher("127.0.0.1");
        long start = System.nanoTime();

        CompletableFuture<Result> drip = CompletableFuture.supplyAsync(() -> fetch.fetch(site.url("/drip"), Kind.PAGE),
                Executors.newVirtualThreadPerTaskExecutor());
        CompletableFuture<Result> silent = CompletableFuture.supplyAsync(() -> fetch.fetch(site.url("/silent"), Kind.PAGE),
                Executors.newVirtualThreadPerTaskExecutor());

        assertThat(drip.orTimeout(8, TimeUnit.SECONDS).join()).isInstanceOf(Failed.class);
        assertThat(silent.orTimeout(8, TimeUnit.SECONDS).join()).isInstanceOf(Failed.class);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isBetween(Duration.ofMillis(4_500), Duration.ofMillis(6_000));
    }

    @Test
    void disabledPreviewsFetchNothing() throws GeneralSecurityException {
        site.page("/hello", "<title>Hello</title>");
        SafeFetch off = new SafeFetch(false, "127.0.0.1", InetAddress::getAllByName, SafeFetch.systemTrust(), "x");
        assertThat(refusal(off.fetch(site.url("/hello"), Kind.PAGE))).isEqualTo(Refusal.DISABLED);
        assertThat(site.hits("/hello")).isZero();
    }

    @Test
    void httpsIsVerifiedAgainstTheRealHostNameThoughTheConnectionGoesToTheCheckedAddress(@TempDir Path dir)
            throws Exception {
        Path keys = dir.resolve("site.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "site", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=pinned.test",
                "-ext", "SAN=dns:pinned.test", "-validity", "2", "-keystore", keys.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keys)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, "changeit".toCharArray());
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keyManagers.getKeyManagers(), null, null);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store); // the client trusts this self-signed certificate, for pinned.test only

        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 10);
        https.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        AtomicInteger served = new AtomicInteger();
        https.createContext("/", exchange -> {
            served.incrementAndGet();
            TestSite.send(exchange, 200, HTML, "<title>Secure</title>".getBytes(StandardCharsets.UTF_8));
        });
        https.start();
        try {
            int port = https.getAddress().getPort();
            AtomicInteger lookups = new AtomicInteger();
            SafeFetch fetch = new SafeFetch(true, "pinned.test,impostor.test", names(Map.of(
                    "pinned.test", new String[] {"127.0.0.1"}, "impostor.test", new String[] {"127.0.0.1"}), lookups),
                    trust.getTrustManagers(), "x");

            assertThat(fetch.fetch("https://pinned.test:" + port + "/", Kind.PAGE)).isInstanceOf(Fetched.class);
            assertThat(served).hasValue(1);
            // Same address, same trusted certificate, but not issued to this name: the TLS handshake fails, also
            // right after a good session with that address (no session resumed across names).
            assertThat(fetch.fetch("https://impostor.test:" + port + "/", Kind.PAGE)).isInstanceOf(Failed.class);
            assertThat(served).hasValue(1);
            assertThat(fetch.fetch("https://pinned.test:" + port + "/", Kind.PAGE)).isInstanceOf(Fetched.class);
            assertThat(served).hasValue(2);
        } finally {
            https.stop(0);
        }
    }
}
