package org.tribune.platform.personaldata;

/**
 * A kind of data held about a person. {@code name} is the export file name (lower-case, dashes) and the message key
 * suffix: {@code privacy.category.<name>} names it and {@code privacy.retention.<name>} says how long it is kept.
 */
public record DataCategory(String name) {
    public DataCategory {
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("category names are lower-case words with dashes: " + name);
        }
    }
}
