package org.tribune.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Where export archives live: {@code <data dir>/exports}, each under a random name. */
@Component
class ExportFiles {
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final Path directory;

    ExportFiles(@Value("${tribune.data-dir:./data}") String dataDir) {
        this.directory = Path.of(dataDir, "exports");
    }

    String newName() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random) + ".zip";
    }

    Path path(String name) {
        if (name == null || !name.matches("[0-9a-f]{32}\\.zip")) {
            throw new IllegalArgumentException("not an export file name");
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return directory.resolve(name);
    }

    void delete(DataExport export) {
        if (export.fileName() != null) {
            try {
                Files.deleteIfExists(path(export.fileName()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
