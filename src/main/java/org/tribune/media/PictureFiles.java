package org.tribune.media;

import java.util.List;
import java.util.Optional;

/**
 * Where the files of pictures live, chosen by {@code tribune.media.storage}: {@code directory} (under the data
 * directory, the embedded default) or {@code database} (a table, so that every node of a cluster sees every file).
 * Names are {@code <32 hex>-<width>.<jpg|webp>}; anything else is refused before it reaches a file system.
 */
interface PictureFiles {
    java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[0-9a-f]{32}-[0-9]{1,4}\\.(jpg|webp)");

    void write(String name, byte[] content);

    Optional<byte[]> read(String name);

    void delete(String name);

    /** Every stored name (for the tests that prove nothing is left behind, and for checks by operators). */
    List<String> names();

    static String checked(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a picture file name");
        }
        return name;
    }
}
