package org.tribune.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.tribune.platform.InvalidInput;

/**
 * Where a page of results ends, for the next page to start after it: the last hit's score (its exact bits, so the
 * engine compares it with what it computes again) and id. Opaque to clients.
 */
record Cursor(float score, long id) {

    String encode() {
        String text = "v1." + Integer.toHexString(Float.floatToIntBits(score)) + "." + Long.toHexString(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor of {@code text}, null for none, or an {@link InvalidInput} when it was not made by {@link #encode}. */
    static Cursor decode(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII).split("\\.");
            if (parts.length != 3 || !parts[0].equals("v1")) {
                throw new IllegalArgumentException(text);
            }
            return new Cursor(Float.intBitsToFloat(Integer.parseUnsignedInt(parts[1], 16)), Long.parseUnsignedLong(parts[2], 16));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("cursor", "search.bad-cursor");
        }
    }
}
