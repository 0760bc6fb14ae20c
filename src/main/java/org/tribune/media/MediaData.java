package org.tribune.media;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.tribune.platform.personaldata.DataCategory;
import org.tribune.platform.personaldata.Erasure;
import org.tribune.platform.personaldata.ExportWriter;
import org.tribune.platform.personaldata.PersonalData;

/**
 * The pictures a person uploaded: in their export as records and as files (the largest JPEG of each, under
 * {@code media/pictures/}); all of them, files included, leave the storage when the account is erased, whatever
 * happens to the posts they were on (a picture may show faces and places: it goes with its author).
 */
@Component
class MediaData implements PersonalData {
    static final DataCategory PICTURES = new DataCategory("pictures");

    private final MediaService media;

    MediaData(MediaService media) {
        this.media = media;
    }

    @Override
    public List<DataCategory> categories() {
        return List.of(PICTURES);
    }

    @Override
    public Map<String, Long> counts(long accountId) {
        return Map.of(PICTURES.name(), (long) media.ownedBy(accountId).size());
    }

    @Override
    public void export(long accountId, ExportWriter out) {
        List<Map<String, ?>> records = new java.util.ArrayList<>();
        for (Picture p : media.ownedBy(accountId)) {
            String file = "pictures/" + p.id() + ".jpg";
            media.largestJpeg(p.id()).ifPresent(bytes -> out.media(file, bytes));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("type", "Image");
            row.put("id", p.id());
            row.put("mediaType", "image/jpeg");
            row.put("url", "media/" + file);
            row.put("name", p.description());
            row.put("usedFor", p.usedFor().name());
            row.put("attachedTo", p.attachedTo() == null ? null : Long.toString(p.attachedTo()));
            row.put("width", p.width());
            row.put("height", p.height());
            row.put("published", p.createdAt());
            records.add(row);
        }
        out.records(PICTURES.name(), records);
    }

    @Override
    public void erase(long accountId, Erasure erasure) {
        media.removeAllOf(accountId);
    }
}
