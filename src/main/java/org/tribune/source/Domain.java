package org.tribune.source;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;

/**
 * The registrable domain a label is kept for: the name under a public suffix that one owner registered
 * ({@code news.bbc.co.uk} → {@code bbc.co.uk}, {@code www.example.org} → {@code example.org}, {@code alice.github.io}
 * stays itself), by the public suffix list. Lower case, IDNs in their ASCII ({@code xn--}) form, so one site has
 * one page whichever way it is written. IP addresses, single names and bare public suffixes have none.
 */
public record Domain(String name) {
    static final int MAX_LENGTH = 253;

    /** The domain of a host name or of a web address (http or https); empty when it has none. */
    public static Optional<Domain> of(String text) {
        if (text == null || text.isBlank() || text.length() > 2_000) {
            return Optional.empty();
        }
        String input = text.strip();
        String host = input.contains("://") ? host(input) : input;
        if (host == null) {
            return Optional.empty();
        }
        try {
            host = IDN.toASCII(host.endsWith(".") ? host.substring(0, host.length() - 1) : host).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (host.isEmpty() || host.length() > MAX_LENGTH || InetAddresses.isInetAddress(host)
                || !InternetDomainName.isValid(host)) {
            return Optional.empty();
        }
        InternetDomainName name = InternetDomainName.from(host);
        if (!name.isUnderPublicSuffix()) {
            return Optional.empty();
        }
        return Optional.of(new Domain(name.topPrivateDomain().toString()));
    }

    private static String host(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getRawAuthority() == null) {
                return null;
            }
            if (uri.getHost() != null) {
                return uri.getHost();
            }
            // java.net.URI leaves non-ASCII host names unparsed: take the name from the authority.
            String authority = uri.getAuthority();
            int at = authority.lastIndexOf('@');
            String hostAndPort = at < 0 ? authority : authority.substring(at + 1);
            int colon = hostAndPort.lastIndexOf(':');
            return colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The name as people read it: IDNs in their own script. */
    public String readable() {
        try {
            return IDN.toUnicode(name);
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    public String path() {
        return "/sources/" + name;
    }
}
