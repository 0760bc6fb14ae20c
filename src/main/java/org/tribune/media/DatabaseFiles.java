package org.tribune.media;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Files as rows of {@code media_file}: every node reads the same bytes, and a database backup holds them. */
class DatabaseFiles implements PictureFiles {
    private final JdbcClient db;

    DatabaseFiles(JdbcClient db) {
        this.db = db;
    }

    @Override
    public void write(String name, byte[] content) {
        db.sql("insert into media_file (name, content) values (?, ?)").params(PictureFiles.checked(name), content).update();
    }

    @Override
    public Optional<byte[]> read(String name) {
        return db.sql("select content from media_file where name = ?").param(PictureFiles.checked(name))
                .query(byte[].class).optional();
    }

    @Override
    public void delete(String name) {
        db.sql("delete from media_file where name = ?").param(PictureFiles.checked(name)).update();
    }

    @Override
    public List<String> names() {
        return db.sql("select name from media_file").query(String.class).list();
    }
}
