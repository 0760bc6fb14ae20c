package org.tribune.platform.cluster;

/**
 * About the bytes values take on the heap, to weigh cache entries (64-bit JVM, compressed references). A text of
 * Latin-1 characters only, as most are, keeps one byte a character; others keep two. Weighing every text at two bytes
 * a character made the caches hold a third fewer entries than their memory bound allows.
 */
public final class HeapBytes {
    /** A {@code String} and its array, before the characters. */
    private static final int STRING_OVERHEAD = 24 + 16;

    private HeapBytes() {
    }

    /** The bytes of these texts (nulls weigh nothing: the field holding them is counted with its object). */
    public static int of(String... texts) {
        int bytes = 0;
        for (String text : texts) {
            if (text != null) {
                bytes += STRING_OVERHEAD + align(latin1(text) ? text.length() : 2 * text.length());
            }
        }
        return bytes;
    }

    private static boolean latin1(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    private static int align(int bytes) {
        return (bytes + 7) & ~7;
    }
}
