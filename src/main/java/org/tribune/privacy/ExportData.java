package org.tribune.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.tribune.platform.personaldata.DataCategory;
import org.tribune.platform.personaldata.Erasure;
import org.tribune.platform.personaldata.ExportWriter;
import org.tribune.platform.personaldata.PersonalData;

/** The person's own exports are data about them too: when they asked, and their archives (deleted on erasure). */
@Component
class ExportData implements PersonalData {
    static final DataCategory EXPORTS = new DataCategory("exports");

    private final DataExports exports;
    private final ExportFiles files;

    ExportData(DataExports exports, ExportFiles files) {
        this.exports = exports;
        this.files = files;
    }

    @Override
    public List<DataCategory> categories() {
        return List.of(EXPORTS);
    }

    @Override
    public Map<String, Long> counts(long accountId) {
        return Map.of(EXPORTS.name(), (long) exports.of(accountId).size());
    }

    @Override
    public void export(long accountId, ExportWriter out) {
        out.records(EXPORTS.name(), exports.of(accountId).stream().map(e -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("requestedAt", e.requestedAt());
            row.put("state", e.state().name());
            row.put("finishedAt", e.finishedAt());
            row.put("expiresAt", e.expiresAt());
            return row;
        }).toList());
    }

    @Override
    public void erase(long accountId, Erasure erasure) {
        exports.of(accountId).forEach(files::delete);
        exports.deleteAllOf(accountId);
    }
}
