package org.tribune.platform;

/** The reader is known but may not do this; {@code code} is a message key that says why. */
public class Forbidden extends RuntimeException {
    private final String code;

    public Forbidden(String code) {
        super(code);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
