package org.tribune.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.tribune.platform.InvalidInput;

/**
 * Where a page of results ends, for the next page to start after it: the last hit's score (its exact bits, so the
 * engine compares it with what it computes again), id and time (epoch microseconds, the precision of the
 * databases' timestamps, for the recency order). Opaque to clients.
 */
record Cursor(float score, long id, long time) {

    /** An instant as the microseconds a hit's time counts. */
    static long micros(java.time.Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    static java.time.Instant instant(long micros) {
        return java.time.Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    String encode() {
        String text = "v2." + Integer.toHexString(Float.floatToIntBits(score)) + "." + Long.toHexString(id) + "."
                + Long.toHexString(time);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor of {@code text}, null for none, or an {@link InvalidInput} when it was not made by {@link #encode}. */
    static Cursor decode(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII).split("\\.");
            if (parts.length != 4 || !parts[0].equals("v2")) {
                throw new IllegalArgumentException(text);
            }
            return new Cursor(Float.intBitsToFloat(Integer.parseUnsignedInt(parts[1], 16)), Long.parseUnsignedLong(parts[2], 16),
                    Long.parseUnsignedLong(parts[3], 16));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("cursor", "search.bad-cursor");
        }
    }
}
