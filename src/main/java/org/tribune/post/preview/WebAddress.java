package org.tribune.post.preview;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.tribune.platform.SecretTokens;

/**
 * A web address a preview may be made for: http or https, a host, no user name or password, at most
 * {@link #MAX_LENGTH} characters. {@link #normalised()} is the form previews are cached under: scheme and host in
 * lower case, no default port, no fragment (the server never sees it), "/" for an empty path.
 *
 * @param host lower case, ASCII (IDN names converted), IPv6 literals without brackets
 * @param port the effective port (80 or 443 when the address gives none)
 */
record WebAddress(String scheme, String host, int port, String pathAndQuery) {
    static final int MAX_LENGTH = 2_000;
    /** Letters, digits, dots, hyphens and underscores (some real sub-domains have them), or an IPv6 literal. */
    private static final Pattern HOST = Pattern.compile("[a-z0-9._-]{1,253}|[0-9a-f:.]{2,45}");

    static Optional<WebAddress> parse(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.isOpaque() || uri.getRawAuthority() == null
                    || uri.getRawAuthority().contains("@") || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            String host = uri.getHost();
            int port = uri.getPort();
            if (host == null) {
                // java.net.URI leaves non-ASCII host names unparsed; convert them to their ASCII (punycode) form.
                String authority = uri.getAuthority();
                int colon = authority.lastIndexOf(':');
                String name = colon < 0 ? authority : authority.substring(0, colon);
                if (colon >= 0) {
                    port = Integer.parseInt(authority.substring(colon + 1));
                }
                host = IDN.toASCII(name);
            }
            host = host.toLowerCase(Locale.ROOT);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            if (host.endsWith(".")) {
                host = host.substring(0, host.length() - 1);
            }
            if (!HOST.matcher(host).matches() || port == 0 || port > 65_535) {
                return Optional.empty();
            }
            int effectivePort = port < 0 ? defaultPort(scheme) : port;
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String pathAndQuery = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
            WebAddress address = new WebAddress(scheme, host, effectivePort, pathAndQuery);
            return address.normalised().length() > MAX_LENGTH ? Optional.empty() : Optional.of(address);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    boolean hasDefaultPort() {
        return port == defaultPort(scheme);
    }

    /** The host as it appears in an address and in the Host header: IPv6 literals in brackets. */
    String hostForUri() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** The Host header the site expects. */
    String hostHeader() {
        return hasDefaultPort() ? hostForUri() : hostForUri() + ":" + port;
    }

    String normalised() {
        return scheme + "://" + hostHeader() + pathAndQuery;
    }

    URI uri() {
        return URI.create(normalised());
    }

    /** The cache key: SHA-256 of the normalised address, in hex. */
    String hash() {
        return SecretTokens.hash(normalised());
    }
}
