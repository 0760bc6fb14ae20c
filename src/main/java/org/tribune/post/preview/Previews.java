package org.tribune.post.preview;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code link_preview} and {@code link_preview_image} tables. */
@Repository
class Previews {
    private static final String COLUMNS = "id, url, title, description, site_name, image_width, image_height, "
            + "fetched_at, status";
    private static final RowMapper<LinkPreview> PREVIEW = Previews::preview;

    /** A stored picture, as served. */
    record Image(String contentType, byte[] bytes) {
    }

    private final JdbcClient db;

    Previews(JdbcClient db) {
        this.db = db;
    }

    private static LinkPreview preview(ResultSet rs, int row) throws SQLException {
        int width = rs.getInt("image_width");
        return new LinkPreview(rs.getString("id"), rs.getString("url"), rs.getString("title"),
                rs.getString("description"), rs.getString("site_name"), width > 0, width, rs.getInt("image_height"),
                rs.getTimestamp("fetched_at").toInstant(), LinkPreview.Status.valueOf(rs.getString("status")));
    }

    Optional<LinkPreview> byHash(String urlHash) {
        return db.sql("select " + COLUMNS + " from link_preview where url_hash = ?").param(urlHash).query(PREVIEW).optional();
    }

    /** The cached previews of these address hashes, by hash, in one query. */
    Map<String, LinkPreview> byHashes(Collection<String> urlHashes) {
        Map<String, LinkPreview> found = new HashMap<>();
        if (!urlHashes.isEmpty()) {
            db.sql("select url_hash, " + COLUMNS + " from link_preview where url_hash in (:hashes)").param("hashes", urlHashes)
                    .query((rs, n) -> found.put(rs.getString("url_hash"), PREVIEW.mapRow(rs, n))).list();
        }
        return found;
    }

    Optional<LinkPreview> byId(String id) {
        return db.sql("select " + COLUMNS + " from link_preview where id = ?").param(id).query(PREVIEW).optional();
    }

    Optional<Image> image(String previewId) {
        return db.sql("select content_type, image_bytes from link_preview_image where preview_id = ?").param(previewId)
                .query((rs, row) -> new Image(rs.getString("content_type"), rs.getBytes("image_bytes"))).optional();
    }

    /** Drops the picture of what is stored for this address, before it is replaced. */
    void deleteImageOf(String urlHash) {
        db.sql("delete from link_preview_image where preview_id in (select id from link_preview where url_hash = ?)")
                .param(urlHash).update();
    }

    /** Replaces the stored preview of this address; false when there was none. */
    boolean update(String urlHash, LinkPreview p) {
        return db.sql("update link_preview set id = ?, url = ?, title = ?, description = ?, site_name = ?, "
                        + "image_width = ?, image_height = ?, status = ?, fetched_at = ? where url_hash = ?")
                .params(p.id(), p.url(), p.title(), p.description(), p.siteName(), p.imageWidth(), p.imageHeight(),
                        p.status().name(), Timestamp.from(p.fetchedAt()), urlHash)
                .update() == 1;
    }

    /** Stores a first preview for this address; a DuplicateKeyException if another node just did. */
    void insert(String urlHash, LinkPreview p) {
        db.sql("insert into link_preview (url_hash, id, url, title, description, site_name, image_width, "
                        + "image_height, status, fetched_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(urlHash, p.id(), p.url(), p.title(), p.description(), p.siteName(), p.imageWidth(),
                        p.imageHeight(), p.status().name(), Timestamp.from(p.fetchedAt()))
                .update();
    }

    void insertImage(String previewId, String contentType, byte[] bytes) {
        db.sql("insert into link_preview_image (preview_id, content_type, image_bytes) values (?, ?, ?)")
                .params(previewId, contentType, bytes).update();
    }
}
