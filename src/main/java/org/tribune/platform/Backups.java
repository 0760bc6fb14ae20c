package org.tribune.platform;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./tribune backup <file>} and {@code ./tribune restore <file>}, without starting the server. On PostgreSQL
 * they run {@code pg_dump --format=custom} and {@code pg_restore --clean} (the server may keep running; the dump is
 * one consistent snapshot). On the embedded H2 database they write and replay a compressed SQL script
 * ({@code SCRIPT TO ... COMPRESSION ZIP}).
 *
 * <p>An H2 backup is online too: H2 lets one process open its file, so the server opens it in H2's automatic mixed
 * mode ({@link #online}: the first process to open the file serves it to the others, on a loopback port written in
 * the lock file) and the backup command connects through it while the server keeps writing. The script is written
 * in one SNAPSHOT transaction, so it holds every transaction committed before the backup started and none half;
 * H2's default isolation would read each table at a different moment (a comment saved, its post not yet). A restore
 * replaces everything and is refused while the server runs: stop it first.
 */
public final class Backups {
    /** Where the database is, as the server would find it. */
    public record Target(String url, String user, String password) {
        boolean isPostgres() {
            return url.startsWith("jdbc:postgresql:");
        }
    }

    private Backups() {
    }

    /** The database of the settings in the environment: {@code TRIBUNE_DATABASE_URL}, else the H2 file of the data directory. */
    public static Target fromEnvironment(Map<String, String> env) {
        String dataDir = env.getOrDefault("TRIBUNE_DATA_DIR", "./data");
        String url = env.getOrDefault("TRIBUNE_DATABASE_URL", "jdbc:h2:file:" + dataDir
                + "/tribune;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE");
        return new Target(url, env.getOrDefault("TRIBUNE_DATABASE_USER", "sa"), env.getOrDefault("TRIBUNE_DATABASE_PASSWORD", ""));
    }

    /** The command line: {@code backup <file>} or {@code restore <file>}; returns the exit status. */
    public static int run(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: ./tribune backup <file>   |   ./tribune restore <file>");
            return 2;
        }
        Target target = fromEnvironment(System.getenv());
        Path file = Path.of(args[1]).toAbsolutePath();
        Path pictures = picturesOf(System.getenv());
        try {
            if (args[0].equals("backup")) {
                backup(target, file);
                System.out.println("Backup written to " + file);
                if (pictures != null && Files.isDirectory(pictures)) {
                    backupFiles(pictures, picturesBackup(file));
                    System.out.println("Pictures written to " + picturesBackup(file));
                }
            } else {
                restore(target, file);
                System.out.println("Database restored from " + file);
                if (pictures != null && Files.isReadable(picturesBackup(file))) {
                    restoreFiles(picturesBackup(file), pictures);
                    System.out.println("Pictures restored from " + picturesBackup(file));
                }
            }
            return 0;
        } catch (SQLException | IOException | RuntimeException e) {
            System.err.println(args[0] + " failed: " + e.getMessage());
            if (!target.isPostgres() && args[0].equals("restore") && String.valueOf(e.getMessage()).contains("already in use")) {
                System.err.println("The H2 database is open in a running Tribune: stop it, then restore again"
                        + " (a backup, unlike a restore, may run while Tribune runs).");
            }
            return 1;
        }
    }

    /**
     * Where the pictures' files are when they live in the data directory ({@code TRIBUNE_MEDIA_STORAGE} left at
     * {@code directory}); null when they are in the database, whose backup holds them.
     */
    public static Path picturesOf(Map<String, String> env) {
        return "database".equalsIgnoreCase(env.getOrDefault("TRIBUNE_MEDIA_STORAGE", "directory").trim()) ? null
                : Path.of(env.getOrDefault("TRIBUNE_DATA_DIR", "./data"), "media").toAbsolutePath();
    }

    /** The pictures' part of a backup: beside the database's file, {@code <file>.media.zip}. */
    public static Path picturesBackup(Path file) {
        return file.resolveSibling(file.getFileName() + ".media.zip");
    }

    /**
     * Copies every file under a directory into a zip (written after the database's snapshot, so it holds every
     * picture that snapshot names; one uploaded meanwhile is there too, and harmless).
     */
    public static void backupFiles(Path directory, Path zip) throws IOException {
        Path partial = zip.resolveSibling(zip.getFileName() + ".part");
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(partial));
                java.util.stream.Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".part")).sorted().toList()) {
                out.putNextEntry(new java.util.zip.ZipEntry(directory.relativize(path).toString().replace('\\', '/')));
                Files.copy(path, out);
                out.closeEntry();
            }
        }
        Files.move(partial, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Replaces a directory's files with a zip's ({@link #backupFiles}); entries leading outside it are refused. */
    public static void restoreFiles(Path zip, Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            try (java.util.stream.Stream<Path> old = Files.walk(directory)) {
                for (Path path : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    if (!path.equals(directory)) {
                        Files.delete(path);
                    }
                }
            }
        }
        Files.createDirectories(directory);
        Path root = directory.toAbsolutePath().normalize();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (java.util.zip.ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root) || entry.isDirectory()) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    public static void backup(Target target, Path file) throws SQLException, IOException {
        if (target.isPostgres()) {
            postgres(target, List.of("pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file=" + file));
        } else {
            // IFEXISTS: a wrong data directory must fail, not back up a new empty database.
            String url = target.url().startsWith("jdbc:h2:file:") ? online(target.url()) + ";IFEXISTS=TRUE" : target.url();
            try (Connection connection = DriverManager.getConnection(url, target.user(), target.password());
                    Statement sql = connection.createStatement()) {
                sql.execute("set session characteristics as transaction isolation level snapshot");
                connection.setAutoCommit(false);
                try {
                    sql.execute("script to '" + quoted(file) + "' compression zip");
                } finally {
                    connection.rollback(); // it only read
                }
            }
        }
    }

    /**
     * The URL under which the server opens an H2 file, so that {@code ./tribune backup} can reach it while the server
     * runs (H2's {@code AUTO_SERVER}); other databases, and URLs that already choose, are left as they are.
     */
    public static String online(String url) {
        String upper = url == null ? "" : url.toUpperCase(java.util.Locale.ROOT);
        // H2 refuses its mixed mode with DB_CLOSE_ON_EXIT=FALSE: an operator's URL that says so keeps offline backups
        if (!upper.startsWith("JDBC:H2:FILE:") || upper.contains("AUTO_SERVER=") || upper.contains("DB_CLOSE_ON_EXIT=FALSE")) {
            return url;
        }
        loopbackOnly();
        return url + ";AUTO_SERVER=TRUE";
    }

    /**
     * H2's mixed mode listens on a random port, on every interface unless told otherwise; this one is for processes
     * of the same machine only. Must be set before H2 reads its settings, which it does once.
     */
    public static void loopbackOnly() {
        System.getProperties().putIfAbsent("h2.bindAddress", "127.0.0.1");
    }

    /** Replaces everything in the database with the backup's content. */
    public static void restore(Target target, Path file) throws SQLException, IOException {
        if (!Files.isReadable(file)) {
            throw new IOException("cannot read " + file);
        }
        if (target.isPostgres()) {
            postgres(target, List.of("pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges",
                    "--single-transaction", "--exit-on-error", file.toString()));
        } else {
            try (Connection connection = DriverManager.getConnection(target.url(), target.user(), target.password());
                    Statement sql = connection.createStatement()) {
                sql.execute("drop all objects");
                sql.execute("runscript from '" + quoted(file) + "' compression zip");
            }
        }
    }

    /** Runs a PostgreSQL tool against the target's database; the password goes through the environment, not the command line. */
    private static void postgres(Target target, List<String> command) throws IOException {
        URI uri = URI.create(target.url().substring("jdbc:".length()));
        List<String> full = new ArrayList<>(command);
        full.add(1, "--dbname=postgresql://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort())
                + uri.getPath() + (uri.getQuery() == null ? "" : "?" + uri.getQuery()));
        full.add(2, "--username=" + target.user());
        ProcessBuilder process = new ProcessBuilder(full).redirectErrorStream(true);
        if (!target.password().isEmpty()) {
            process.environment().put("PGPASSWORD", target.password());
        }
        Process running = process.start();
        String output = new String(running.getInputStream().readAllBytes());
        try {
            int status = running.waitFor();
            if (status != 0) {
                throw new IOException(command.getFirst() + " exited with " + status + ": " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(command.getFirst() + " interrupted", e);
        }
    }

    private static String quoted(Path file) {
        return file.toString().replace("'", "''");
    }
}
