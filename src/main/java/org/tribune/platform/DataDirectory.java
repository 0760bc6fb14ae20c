package org.tribune.platform;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * Refuses to start when the data directory ({@code tribune.data-dir}: the embedded database, avatars, exports) cannot
 * be written: missing and not creatable, read-only (a mount, permissions, a database file owned by someone else), or
 * nearly full. Checked before anything opens the database, so the answer is one paragraph naming the directory and
 * what to do ({@link DataDirectoryFailureAnalyzer}), not a wall of stack traces from H2 or Flyway, and never a
 * database left half-created. At run time the same failures are answered 503 (see {@link Outages}).
 */
@Configuration(proxyBeanMethods = false)
class DataDirectory {
    static final String PROBE = ".tribune-write-check";

    /** Runs before any bean is made, hence before the pool, Flyway and H2. */
    @Bean
    static BeanFactoryPostProcessor dataDirectoryCheck(Environment environment) {
        return factory -> check(Path.of(environment.getProperty("tribune.data-dir", "./data")),
                environment.getProperty("tribune.data-dir-min-free", DataSize.class, DataSize.ofMegabytes(50)).toBytes());
    }

    /** Throws {@link Unusable}, saying why, unless {@code directory} exists (or can be made), takes writes, and has {@code minFree} bytes free. */
    static void check(Path directory, long minFree) {
        Path dir = directory.toAbsolutePath().normalize();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new Unusable(dir, "it is not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new Unusable(dir, "it does not exist and cannot be created (" + reason(e) + ")");
        }
        Path probe = dir.resolve(PROBE);
        try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.allocate(4096));
            channel.force(true);
        } catch (IOException e) {
            throw new Unusable(dir, "nothing can be written in it (" + reason(e) + ")");
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // the write already said what matters
            }
        }
        Path database = dir.resolve("tribune.mv.db");
        if (Files.exists(database) && !Files.isWritable(database)) {
            throw new Unusable(dir, "its database file " + database.getFileName() + " is read-only");
        }
        long free;
        try {
            free = Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            throw new Unusable(dir, "its free space cannot be read (" + reason(e) + ")");
        }
        if (free < minFree) {
            throw new Unusable(dir, "its disk is nearly full: " + free / (1024 * 1024) + " MB free, "
                    + minFree / (1024 * 1024) + " MB needed (tribune.data-dir-min-free)");
        }
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        String simple = e.getClass().getSimpleName();
        return e.getMessage() == null ? simple : simple + ": " + e.getMessage();
    }

    /** The data directory cannot be used; the message names it and says why, the action what to do. */
    static final class Unusable extends IllegalStateException {
        private final transient Path directory;
        private final String action;

        Unusable(Path directory, String problem) {
            this(directory, problem, "Tribune keeps its embedded database, avatars and exports in " + directory + ". Make"
                    + " that directory writable by the user that runs Tribune (check the mount is not read-only, and"
                    + " 'ls -ld " + directory + "'), free some space on its disk, or point TRIBUNE_DATA_DIR at another"
                    + " directory; then start Tribune again. Nothing was written.");
        }

        Unusable(Path directory, String problem, String action) {
            super("Tribune cannot use its data directory " + directory + ": " + problem);
            this.directory = directory;
            this.action = action;
        }

        Path directory() {
            return directory;
        }

        String action() {
            return action;
        }
    }
}
