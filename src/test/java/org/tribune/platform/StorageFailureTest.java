package org.tribune.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The embedded database on a disk that fills up or turns read-only while Tribune runs: the failure is one Tribune
 * answers 503 ({@link Outages}), not a fault of its own, and nothing committed before is lost or damaged: once the
 * disk takes writes again the database opens with every row, and takes writes. The full disk is a file system of
 * the test's own ({@link FullDisk}) that H2 writes through and that refuses writes, as a full disk does, on demand.
 */
public class StorageFailureTest {

    @Test
    void aReadOnlyDatabaseIsAnOutageAndKeepsItsData() throws Exception {
        Path dir = Files.createTempDirectory("tribune-readonly");
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        withDatabase(url, db -> {
            db.sql("create table note (id bigint primary key, body varchar(100))").update();
            db.sql("insert into note values (1, 'kept')").update();
        });
        withDatabase(url + ";ACCESS_MODE_DATA=r", db -> {
            Throwable refused = catchThrowable(() -> db.sql("insert into note values (2, 'refused')").update());
            assertThat(refused).isNotNull();
            assertThat(Outages.isOutage(refused)).as("a read-only database is an outage: %s", refused).isTrue();
        });
        withDatabase(url, db -> {
            assertThat(db.sql("select body from note order by id").query(String.class).list()).containsExactly("kept");
            db.sql("insert into note values (2, 'written again')").update();
        });
    }

    @Test
    void aFullDiskIsAnOutageAndLosesNothingCommittedBefore() throws Exception {
        FullDisk.register();
        Path dir = Files.createTempDirectory("tribune-fulldisk");
        String url = "jdbc:h2:" + FullDisk.SCHEME + ":" + dir.resolve("db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        FullDisk.FULL.set(false);
        withDatabase(url, db -> {
            db.sql("create table note (id bigint primary key, body varchar(2000))").update();
            for (int i = 0; i < 100; i++) {
                db.sql("insert into note values (?, ?)").params(i, "x".repeat(1000)).update();
            }
            db.sql("checkpoint").update(); // written to the file, as every commit is with a durable setting
            FullDisk.FULL.set(true);
            Throwable refused = catchThrowable(() -> {
                for (int i = 100; i < 200; i++) {
                    db.sql("insert into note values (?, ?)").params(i, "y".repeat(1000)).update();
                }
                db.sql("checkpoint").update();
            });
            assertThat(refused).as("writing on a full disk fails").isNotNull();
            assertThat(Outages.isOutage(refused)).as("a full disk is an outage: %s", refused).isTrue();
            Throwable after = catchThrowable(() -> db.sql("select count(*) from note").query(Long.class).single());
            if (after != null) {
                assertThat(Outages.isOutage(after)).as("what follows is an outage too: %s", after).isTrue();
            }
        });
        FullDisk.FULL.set(false);
        withDatabase(url, db -> {
            assertThat(db.sql("select count(*) from note where id < 100").query(Long.class).single()).isEqualTo(100);
            db.sql("insert into note values (1000, 'written again')").update();
            db.sql("checkpoint").update();
        });
    }

    interface Work {
        void on(JdbcClient db) throws Exception;
    }

    private static void withDatabase(String url, Work work) throws Exception {
        SingleConnectionDataSource source = new SingleConnectionDataSource(url, "sa", "", true);
        try {
            work.on(JdbcClient.create(source));
        } finally {
            try (var connection = java.sql.DriverManager.getConnection(url, "sa", "");
                    var sql = connection.createStatement()) {
                sql.execute("shutdown");
            } catch (java.sql.SQLException closedAlready) {
                // a database closed by its failure has nothing to shut down
            }
            source.destroy();
        }
    }

    /** A file system over the real one whose writes fail with "No space left on device" while {@link #FULL} is set. */
    public static final class FullDisk extends FilePathWrapper {
        static final String SCHEME = "tribunefulldisk";
        /** Whether the disk is full now. */
        static final AtomicBoolean FULL = new AtomicBoolean();
        private static final FullDisk REGISTERED = new FullDisk();

        /** Public, with a public constructor: H2 makes one instance per path by reflection. */
        public FullDisk() {
        }

        static synchronized void register() {
            FilePath.register(REGISTERED);
        }

        @Override
        public String getScheme() {
            return SCHEME;
        }

        @Override
        public FileChannel open(String mode) throws IOException {
            return new Channel(super.open(mode), FULL);
        }

        private static final class Channel extends FileBase {
            private final FileChannel base;
            private final AtomicBoolean full;

            Channel(FileChannel base, AtomicBoolean full) {
                this.base = base;
                this.full = full;
            }

            private void refuseWhenFull() throws IOException {
                if (full.get()) {
                    throw new IOException("No space left on device");
                }
            }

            @Override
            public int read(ByteBuffer dst) throws IOException {
                return base.read(dst);
            }

            @Override
            public synchronized int read(ByteBuffer dst, long position) throws IOException {
                return base.read(dst, position);
            }

            @Override
            public int write(ByteBuffer src) throws IOException {
                refuseWhenFull();
                return base.write(src);
            }

            @Override
            public synchronized int write(ByteBuffer src, long position) throws IOException {
                refuseWhenFull();
                return base.write(src, position);
            }

            @Override
            public long position() throws IOException {
                return base.position();
            }

            @Override
            public FileChannel position(long newPosition) throws IOException {
                base.position(newPosition);
                return this;
            }

            @Override
            public long size() throws IOException {
                return base.size();
            }

            @Override
            public FileChannel truncate(long size) throws IOException {
                base.truncate(size);
                return this;
            }

            @Override
            public void force(boolean metaData) throws IOException {
                refuseWhenFull();
                base.force(metaData);
            }

            @Override
            public FileLock tryLock(long position, long size, boolean shared) throws IOException {
                return base.tryLock(position, size, shared);
            }

            @Override
            public FileLock lock(long position, long size, boolean shared) throws IOException {
                return base.lock(position, size, shared);
            }

            @Override
            public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
                return base.map(mode, position, size);
            }

            @Override
            protected void implCloseChannel() throws IOException {
                base.close();
            }
        }
    }
}
