package org.tribune.post.preview;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Addresses a preview must never be fetched from: anything that is not a public unicast address on the internet,
 * so that a link cannot make the server reach itself, its private network or a cloud metadata service.
 * IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by the address they carry.
 */
final class BlockedAddresses {
    /** Names of cloud metadata services and of this machine, refused before any lookup. */
    private static final Set<String> NAMES = Set.of("localhost", "metadata", "metadata.google.internal",
            "metadata.goog", "instance-data", "instance-data.ec2.internal", "metadata.azure.com");

    private BlockedAddresses() {
    }

    /** Why a host name is refused whatever it resolves to, or empty. */
    static Optional<String> nameRefusal(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (NAMES.contains(name) || name.endsWith(".localhost") || name.endsWith(".internal")) {
            return Optional.of("reserved name " + name);
        }
        return Optional.empty();
    }

    /** Why this address is refused, or empty for a public unicast address. */
    static Optional<String> refusal(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return ipv4(b);
        }
        if (address instanceof Inet6Address) {
            return ipv6(b);
        }
        return Optional.of("unknown address family");
    }

    private static Optional<String> ipv4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        String why = null;
        if (a0 == 0) {
            why = "this-network (0/8, any-local)";
        } else if (a0 == 10) {
            why = "private (10/8)";
        } else if (a0 == 100 && (a1 & 0xc0) == 64) {
            why = "carrier-grade NAT (100.64/10)";
        } else if (a0 == 127) {
            why = "loopback (127/8)";
        } else if (a0 == 169 && a1 == 254) {
            why = "link-local or metadata (169.254/16)";
        } else if (a0 == 172 && (a1 & 0xf0) == 16) {
            why = "private (172.16/12)";
        } else if (a0 == 192 && a1 == 0 && a2 == 0) {
            why = "protocol assignments or metadata (192.0.0/24)";
        } else if (a0 == 192 && a1 == 0 && a2 == 2 || a0 == 198 && a1 == 51 && a2 == 100 || a0 == 203 && a1 == 0 && a2 == 113) {
            why = "documentation";
        } else if (a0 == 192 && a1 == 88 && a2 == 99) {
            why = "6to4 relay (192.88.99/24)";
        } else if (a0 == 192 && a1 == 168) {
            why = "private (192.168/16)";
        } else if (a0 == 198 && (a1 & 0xfe) == 18) {
            why = "benchmarking (198.18/15)";
        } else if ((a0 & 0xf0) == 224) {
            why = "multicast (224/4)";
        } else if ((a0 & 0xf0) == 240) {
            why = "reserved or broadcast (240/4)";
        }
        return Optional.ofNullable(why);
    }

    private static Optional<String> ipv6(byte[] b) {
        if (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return embedded(b, 12, "IPv4-mapped");
        }
        if (isZero(b, 0, 15) && (b[15] == 0 || b[15] == 1)) {
            return Optional.of(b[15] == 0 ? "any-local (::)" : "loopback (::1)");
        }
        if (isZero(b, 0, 12)) {
            return Optional.of("IPv4-compatible (::/96, deprecated)");
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            // 64:ff9b::/96 is well-known NAT64: a public IPv4 site seen from an IPv6-only network.
            return isZero(b, 4, 12) ? embedded(b, 12, "NAT64") : Optional.of("local-use NAT64 (64:ff9b:1::/48)");
        }
        if ((first & 0xfe) == 0xfc) {
            return Optional.of("unique local (fc00::/7, incl. fd00:ec2::254 metadata)");
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return Optional.of("link-local (fe80::/10)");
        }
        if (first == 0xfe && (second & 0xc0) == 0xc0) {
            return Optional.of("site-local (fec0::/10)");
        }
        if (first == 0xff) {
            return Optional.of("multicast (ff00::/8)");
        }
        if ((first & 0xe0) != 0x20) {
            return Optional.of("not global unicast (outside 2000::/3)");
        }
        if (first == 0x20 && second == 0x01 && (b[2] & 0xfe) == 0) {
            return Optional.of("protocol assignments or Teredo (2001::/23)");
        }
        if (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return Optional.of("documentation (2001:db8::/32)");
        }
        if (first == 0x20 && second == 0x02) {
            return embedded(b, 2, "6to4");
        }
        if (first == 0x3f && second == 0xff && (b[2] & 0xf0) == 0) {
            return Optional.of("documentation (3fff::/20)");
        }
        return Optional.empty();
    }

    private static Optional<String> embedded(byte[] b, int from, String form) {
        byte[] v4 = {b[from], b[from + 1], b[from + 2], b[from + 3]};
        return ipv4(v4).map(why -> form + " " + why);
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
