package org.tribune.media;

import static org.tribune.platform.Sql.instant;
import static org.tribune.platform.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of {@code media}: what each picture is, whose, and what it shows on. */
@Repository
class Pictures {
    private static final String COLUMNS = "id, owner_id, used_for, attached_to, position, description, width, height, "
            + "blurhash, focus_x, focus_y, widths, webp, stored_bytes, created_at";
    private static final RowMapper<Picture> PICTURE = Pictures::picture;

    private final JdbcClient db;
    /** Tells of every write below that changes a post's pictures: the post feature keeps what each post shows. */
    private final ApplicationEventPublisher events;

    Pictures(JdbcClient db, ApplicationEventPublisher events) {
        this.db = db;
        this.events = events;
    }

    private static Picture picture(ResultSet rs, int row) throws SQLException {
        double fx = rs.getDouble("focus_x");
        Double focusX = rs.wasNull() ? null : fx;
        double fy = rs.getDouble("focus_y");
        Double focusY = rs.wasNull() ? null : fy;
        long attached = rs.getLong("attached_to");
        Long attachedTo = rs.wasNull() ? null : attached;
        return new Picture(rs.getString("id"), rs.getLong("owner_id"), PictureUse.valueOf(rs.getString("used_for")),
                attachedTo, rs.getInt("position"), rs.getString("description"), rs.getInt("width"), rs.getInt("height"),
                rs.getString("blurhash"), focusX, focusY,
                Arrays.stream(rs.getString("widths").split(",")).map(Integer::valueOf).toList(), rs.getBoolean("webp"),
                rs.getLong("stored_bytes"), instant(rs, "created_at"));
    }

    void insert(Picture p) {
        db.sql("insert into media (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(p.id(), p.ownerId(), p.usedFor().name(), p.attachedTo(), p.position(), p.description(), p.width(),
                        p.height(), p.blurhash(), p.focusX(), p.focusY(),
                        String.join(",", p.widths().stream().map(String::valueOf).toList()), p.webp(), p.storedBytes(),
                        ts(p.createdAt()))
                .update();
        forget(p.usedFor(), p.attachedTo());
    }

    private void forget(PictureUse use, Long target) {
        if (use == PictureUse.POST && target != null) {
            events.publishEvent(new PostPicturesChanged(target));
        }
    }

    Optional<Picture> byId(String id) {
        return db.sql("select " + COLUMNS + " from media where id = ?").param(id).query(PICTURE).optional();
    }

    List<Picture> byIds(Collection<String> ids) {
        return ids.isEmpty() ? List.of()
                : db.sql("select " + COLUMNS + " from media where id in (:ids)").param("ids", ids).query(PICTURE).list();
    }

    /** The pictures shown on these posts (or comments, accounts, groups), in their order. */
    List<Picture> attachedTo(PictureUse use, Collection<Long> targets) {
        return targets.isEmpty() ? List.of()
                : db.sql("select " + COLUMNS + " from media where used_for = :use and attached_to in (:targets) "
                        + "order by attached_to, position").param("use", use.name()).param("targets", targets)
                        .query(PICTURE).list();
    }

    List<Picture> ownedBy(long ownerId) {
        return db.sql("select " + COLUMNS + " from media where owner_id = ? order by created_at").param(ownerId)
                .query(PICTURE).list();
    }

    /** Attaches a waiting picture; false when it is no longer waiting (attached meanwhile, or deleted). */
    boolean attach(String id, String use, long target, int position) {
        boolean attached = db.sql("update media set used_for = ?, attached_to = ?, position = ? where id = ? and attached_to is null")
                .params(use, target, position, id).update() == 1;
        if (PictureUse.POST.name().equals(use)) {
            events.publishEvent(new PostPicturesChanged(target));
        }
        return attached;
    }

    boolean describe(String id, String description) {
        return db.sql("update media set description = ? where id = ? and attached_to is null")
                .params(description, id).update() == 1;
    }

    boolean delete(String id) {
        Optional<Picture> picture = byId(id);
        boolean deleted = db.sql("delete from media where id = ?").param(id).update() == 1;
        picture.ifPresent(p -> forget(p.usedFor(), p.attachedTo()));
        return deleted;
    }

    /** Bytes this person's pictures take in the storage, for their quota. */
    long storedBy(long ownerId) {
        return db.sql("select coalesce(sum(stored_bytes), 0) from media where owner_id = ?").param(ownerId)
                .query(Long.class).single();
    }

    /** Post and comment pictures uploaded before {@code before} and never attached: abandoned drafts. */
    List<Picture> abandoned(Instant before, int limit) {
        return db.sql("select " + COLUMNS + " from media where attached_to is null and created_at < ? "
                        + "order by created_at limit ?").params(ts(before), limit).query(PICTURE).list();
    }

    long count(long ownerId) {
        return db.sql("select count(*) from media where owner_id = ?").param(ownerId).query(Long.class).single();
    }
}
