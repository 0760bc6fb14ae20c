package org.tribune.platform;

/** Nothing here, or nothing the reader may know exists (hidden content answers the same). */
public class NotFound extends RuntimeException {
    public NotFound(String what) {
        super(what);
    }
}
