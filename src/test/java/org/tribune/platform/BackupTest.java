package org.tribune.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.tribune.IntegrationTest;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.post.PostService;

/**
 * A backup of the live test database, restored into an empty database, holds the same rows: on H2 through its SQL
 * script, on PostgreSQL through pg_dump and pg_restore.
 */
@IntegrationTest
class BackupTest {
    @Autowired
    Environment environment;
    @Autowired
    Members members;
    @Autowired
    PostService posts;

    @Test
    void aBackupRestoredIntoAnEmptyDatabaseHoldsTheSameData() throws Exception {
        Account author = members.active("bak");
        String marker = "backup-" + UUID.randomUUID();
        posts.publish(author, null, new PostService.Draft("", marker, null));
        Backups.Target live = new Backups.Target(environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password", ""));
        Path file = Files.createTempFile("tribune-backup", live.isPostgres() ? ".dump" : ".zip");
        Files.delete(file);
        try {
            Backups.backup(live, file);
            assertThat(Files.size(file)).isPositive();
            Backups.Target copy = emptyDatabase(live);
            try {
                Backups.restore(copy, file);
                assertThat(count(copy, "select count(*) from post where body = '" + marker + "'")).isEqualTo(1);
                assertThat(count(copy, "select count(*) from account")).isEqualTo(count(live, "select count(*) from account"));
                assertThat(count(copy, "select count(*) from flyway_schema_history"))
                        .isEqualTo(count(live, "select count(*) from flyway_schema_history"));
                // Restoring again over a database that already holds the data replaces it, it does not double it.
                Backups.restore(copy, file);
                assertThat(count(copy, "select count(*) from post where body = '" + marker + "'")).isEqualTo(1);
            } finally {
                drop(live, copy);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void theDatabaseComesFromTheSameSettingsAsTheServer() {
        assertThat(Backups.fromEnvironment(Map.of()).url()).startsWith("jdbc:h2:file:./data/tribune;MODE=PostgreSQL");
        assertThat(Backups.fromEnvironment(Map.of("TRIBUNE_DATA_DIR", "/srv/t")).url()).startsWith("jdbc:h2:file:/srv/t/tribune;");
        Backups.Target pg = Backups.fromEnvironment(Map.of("TRIBUNE_DATABASE_URL", "jdbc:postgresql://db:5432/tribune",
                "TRIBUNE_DATABASE_USER", "tribune", "TRIBUNE_DATABASE_PASSWORD", "secret"));
        assertThat(pg.isPostgres()).isTrue();
        assertThat(pg.user()).isEqualTo("tribune");
    }

    @Test
    void aBackupOfAnH2DataDirectoryThatDoesNotExistFails() throws Exception {
        Path missing = Files.createTempDirectory("tribune-none").resolve("nothing-here");
        Backups.Target nowhere = Backups.fromEnvironment(Map.of("TRIBUNE_DATA_DIR", missing.toString()));
        Path file = missing.resolveSibling("backup.zip");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Backups.backup(nowhere, file))
                .isInstanceOf(java.sql.SQLException.class).hasMessageContaining("not found");
        assertThat(Files.exists(missing.resolve("tribune.mv.db"))).isFalse();
    }

    @Test
    void aMissingBackupFileIsAClearFailure() {
        assertThat(Backups.run(new String[] {"restore", "/nonexistent/tribune.dump"})).isEqualTo(1);
        assertThat(Backups.run(new String[] {"backup"})).isEqualTo(2);
    }

    static Backups.Target emptyDatabase(Backups.Target live) throws Exception {
        String name = "tribune_restore_" + UUID.randomUUID().toString().replace("-", "");
        if (live.isPostgres()) {
            try (Connection admin = DriverManager.getConnection(live.url(), live.user(), live.password());
                    Statement sql = admin.createStatement()) {
                sql.execute("create database " + name);
            }
            return new Backups.Target(live.url().substring(0, live.url().lastIndexOf('/') + 1) + name, live.user(), live.password());
        }
        return new Backups.Target("jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1", "sa", "");
    }

    static void drop(Backups.Target live, Backups.Target copy) throws Exception {
        if (live.isPostgres()) {
            try (Connection admin = DriverManager.getConnection(live.url(), live.user(), live.password());
                    Statement sql = admin.createStatement()) {
                sql.execute("drop database if exists " + copy.url().substring(copy.url().lastIndexOf('/') + 1) + " with (force)");
            }
        } else {
            try (Connection connection = DriverManager.getConnection(copy.url(), copy.user(), copy.password());
                    Statement sql = connection.createStatement()) {
                sql.execute("shutdown");
            }
        }
    }

    private static long count(Backups.Target target, String query) throws Exception {
        try (Connection connection = DriverManager.getConnection(target.url(), target.user(), target.password());
                Statement sql = connection.createStatement(); ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Autowired
    org.tribune.media.MediaService media;

    @Test
    void thePicturesOfTheDataDirectoryGoWithTheBackup() throws Exception {
        Account author = members.active("bakp");
        String id = media.upload(author.id(), new org.tribune.media.MediaService.Upload("b.png",
                org.tribune.media.TestPictures.png(500, 300)), "backed up", null).id();
        Path pictures = Path.of(environment.getProperty("tribune.data-dir"), "media");
        Path zip = Files.createTempFile("tribune-backup", ".zip.media.zip");
        Path restored = Files.createTempDirectory("tribune-restored-media");
        try {
            Backups.backupFiles(pictures, zip);
            Files.writeString(restored.resolve("stale.jpg"), "from before the restore");
            Backups.restoreFiles(zip, restored);
            for (String name : List.of(id + "-400.jpg", id + "-500.jpg", id + "-400.webp", id + "-500.webp")) {
                Path original = pictures.resolve(id.substring(0, 2)).resolve(name);
                assertThat(restored.resolve(id.substring(0, 2)).resolve(name)).hasSameBinaryContentAs(original);
            }
            assertThat(restored.resolve("stale.jpg")).doesNotExist();
        } finally {
            Files.deleteIfExists(zip);
            try (var files = Files.walk(restored)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        assertThat(Backups.picturesOf(Map.of())).isEqualTo(Path.of("./data/media").toAbsolutePath());
        assertThat(Backups.picturesOf(Map.of("TRIBUNE_DATA_DIR", "/srv/t"))).isEqualTo(Path.of("/srv/t/media"));
        assertThat(Backups.picturesOf(Map.of("TRIBUNE_MEDIA_STORAGE", "database"))).as("in the database's backup").isNull();
        assertThat(Backups.picturesBackup(Path.of("/b/tribune.dump"))).isEqualTo(Path.of("/b/tribune.dump.media.zip"));
    }
}
