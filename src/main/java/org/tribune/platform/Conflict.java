package org.tribune.platform;

/** The request clashes with the current state (a taken handle, a stale link); {@code code} is a message key. */
public class Conflict extends RuntimeException {
    private final String code;

    public Conflict(String code) {
        super(code);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
