package org.tribune.platform.web;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The arrays pages are rendered into, kept for the next pages. A feed page is about 55 KB: its array, made at 32 KB
 * and grown once, was 40% of what the page allocated, and the collector ran twice as often for pages as for the
 * same feed in JSON. As many arrays are kept as pages are rendered at once, at most {@code kept}; an array taken
 * when none is free is made, and one given back when the pool is full, or grown past {@code largest}, is left to
 * the collector. What an array held before is never read: a page writes only what it wrote itself.
 */
final class PageBuffers {
    private final BlockingQueue<byte[]> free;
    private final int size;
    private final int largest;

    PageBuffers(int kept, int size, int largest) {
        this.free = new ArrayBlockingQueue<>(kept);
        this.size = size;
        this.largest = largest;
    }

    byte[] take() {
        byte[] array = free.poll();
        return array != null ? array : new byte[size];
    }

    void give(byte[] array) {
        if (array.length >= size && array.length <= largest) {
            free.offer(array);
        }
    }

    /** How many arrays wait for a page. */
    int free() {
        return free.size();
    }
}
