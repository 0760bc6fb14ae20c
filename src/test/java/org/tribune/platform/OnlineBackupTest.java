package org.tribune.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.tribune.IntegrationTest;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.post.PostService;

/**
 * A backup taken while the server writes: four writers publish posts, each with two comments, while the backup runs.
 * Restored into an empty database, the copy opens, holds every post acknowledged before the backup started, and is
 * one moment of the database: every post's comment count matches its comments (the count is updated in the
 * comment's transaction, so a copy that read the two tables at different moments would disagree). On H2 the script
 * is written in one SNAPSHOT transaction; on PostgreSQL pg_dump takes one snapshot. A second test makes the backup
 * from another process, as {@code ./tribune backup} does, while this one holds the H2 file and writes to it.
 */
@IntegrationTest
class OnlineBackupTest {
    @Autowired
    Environment environment;
    @Autowired
    Members members;
    @Autowired
    PostService posts;

    @Test
    void aBackupTakenWhilePostingHoldsEveryAcknowledgedPostAndOneMomentOfTheDatabase() throws Exception {
        Account author = members.active("onb");
        String run = "online-" + UUID.randomUUID();
        ConcurrentLinkedQueue<long[]> acknowledged = new ConcurrentLinkedQueue<>(); // {post id, acknowledged at}
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        for (int w = 0; w < 4; w++) {
            writers.submit(() -> {
                while (writing.get()) {
                    long id = posts.publish(author, null, new PostService.Draft("", run + " post", null)).id();
                    posts.comment(author, id, run + " first", null);
                    posts.comment(author, id, run + " second", null);
                    acknowledged.add(new long[] {id, System.nanoTime()});
                }
                return null;
            });
        }
        Backups.Target live = new Backups.Target(environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password", ""));
        Path file = Files.createTempFile("tribune-online", live.isPostgres() ? ".dump" : ".zip");
        Files.delete(file);
        try {
            while (acknowledged.size() < 20) {
                Thread.sleep(20);
            }
            long backupStarted = System.nanoTime();
            Backups.backup(live, file);
            long backupEnded = System.nanoTime();
            while (acknowledged.stream().filter(a -> a[1] > backupEnded).count() < 4) {
                Thread.sleep(20); // writers kept going through the whole backup
            }
            writing.set(false);
            writers.shutdown();
            assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            List<Long> before = acknowledged.stream().filter(a -> a[1] < backupStarted).map(a -> a[0]).toList();
            Backups.Target copy = BackupTest.emptyDatabase(live);
            try {
                Backups.restore(copy, file);
                try (Connection db = DriverManager.getConnection(copy.url(), copy.user(), copy.password())) {
                    List<Long> missing = new ArrayList<>();
                    for (long id : before) {
                        if (count(db, "select count(*) from post where id = ?", id) != 1) {
                            missing.add(id);
                        }
                    }
                    assertThat(missing).as("posts acknowledged before the backup started, missing from it").isEmpty();
                    try (PreparedStatement disagreeing = db.prepareStatement("""
                            select count(*) from post p where p.body = ? and p.comment_count <>
                              (select count(*) from post_comment c where c.post_id = p.id)""")) {
                        disagreeing.setString(1, run + " post");
                        try (ResultSet rs = disagreeing.executeQuery()) {
                            rs.next();
                            assertThat(rs.getLong(1)).as("posts whose comment count disagrees with their comments").isZero();
                        }
                    }
                    assertThat(count(db, "select count(*) from post where body = ?", run + " post"))
                            .isGreaterThanOrEqualTo(before.size());
                }
            } finally {
                BackupTest.drop(live, copy);
            }
        } finally {
            writing.set(false);
            writers.shutdownNow();
            Files.deleteIfExists(file);
        }
    }

    /**
     * {@code ./tribune backup} in a process of its own while this one holds the H2 file in the server's mode and
     * writes pairs of rows in single transactions: the backup connects through the holder, and its copy has whole
     * pairs only, and every pair committed before it started.
     */
    @Test
    void anotherProcessBacksUpTheEmbeddedFileWhileItIsOpenAndWritten() throws Exception {
        Path dataDir = Files.createTempDirectory("tribune-online-h2");
        Backups.Target server = Backups.fromEnvironment(java.util.Map.of("TRIBUNE_DATA_DIR", dataDir.toString()));
        String url = Backups.online(server.url());
        assertThat(url).contains("AUTO_SERVER=TRUE");
        Path file = dataDir.resolve("backup.zip");
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong committed = new AtomicLong();
        try (Connection holder = DriverManager.getConnection(url, server.user(), server.password())) {
            try (Statement sql = holder.createStatement()) {
                sql.execute("create table parcel (id bigint primary key, pad varchar(1000))");
                sql.execute("create table parcel_label (parcel_id bigint primary key, pad varchar(1000))");
            }
            Thread writer = Thread.ofPlatform().start(() -> {
                try (Connection c = DriverManager.getConnection(url, server.user(), server.password())) {
                    c.setAutoCommit(false);
                    String pad = "x".repeat(900);
                    for (long i = 1; writing.get(); i++) {
                        for (String table : List.of("parcel", "parcel_label")) {
                            try (PreparedStatement insert = c.prepareStatement("insert into " + table + " values (?, ?)")) {
                                insert.setLong(1, i);
                                insert.setString(2, pad);
                                insert.execute();
                            }
                        }
                        c.commit();
                        committed.set(i);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            while (committed.get() < 200) {
                Thread.sleep(10);
            }
            long beforeBackup = committed.get();
            ProcessBuilder backup = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "org.tribune.TribuneApplication", "backup", file.toString())
                    .redirectErrorStream(true);
            backup.environment().put("TRIBUNE_DATA_DIR", dataDir.toString());
            Process process = backup.start();
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            long afterBackup = committed.get();
            writing.set(false);
            writer.join(10_000);
            assertThat(afterBackup).as("the holder kept writing during the backup").isGreaterThan(beforeBackup);

            Backups.Target copy = BackupTest.emptyDatabase(server);
            Backups.restore(copy, file);
            try (Connection db = DriverManager.getConnection(copy.url(), copy.user(), copy.password())) {
                long parcels = count(db, "select count(*) from parcel");
                assertThat(parcels).isGreaterThanOrEqualTo(beforeBackup);
                assertThat(count(db, "select count(*) from parcel_label")).as("whole pairs only").isEqualTo(parcels);
                assertThat(count(db, "select max(id) from parcel")).isEqualTo(parcels);
                try (Statement sql = db.createStatement()) {
                    sql.execute("shutdown");
                }
            }
        } finally {
            writing.set(false);
            Files.deleteIfExists(file);
        }
    }

    @Test
    void theServerOpensAnEmbeddedFileForBackupsAndLeavesOtherDatabasesAlone() {
        var processor = OnlineBackups.embeddedDatabaseOpenToBackups();
        com.zaxxer.hikari.HikariDataSource file = new com.zaxxer.hikari.HikariDataSource();
        file.setJdbcUrl("jdbc:h2:file:./data/tribune;MODE=PostgreSQL");
        processor.postProcessBeforeInitialization(file, "dataSource");
        assertThat(file.getJdbcUrl()).isEqualTo("jdbc:h2:file:./data/tribune;MODE=PostgreSQL;AUTO_SERVER=TRUE");
        assertThat(System.getProperty("h2.bindAddress")).as("served on loopback only").isEqualTo("127.0.0.1");
        for (String other : List.of("jdbc:postgresql://db:5432/tribune", "jdbc:h2:mem:x;DB_CLOSE_DELAY=-1",
                "jdbc:h2:file:./data/tribune;AUTO_SERVER=FALSE")) {
            com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource();
            pool.setJdbcUrl(other);
            processor.postProcessBeforeInitialization(pool, "dataSource");
            assertThat(pool.getJdbcUrl()).isEqualTo(other);
        }
    }

    private static long count(Connection db, String sql, Object... params) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
