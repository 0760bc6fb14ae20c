package org.tribune.moderation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.tribune.platform.personaldata.DataCategory;
import org.tribune.platform.personaldata.Erasure;
import org.tribune.platform.personaldata.ExportWriter;
import org.tribune.platform.personaldata.PersonalData;

/**
 * The flags a person filed, the decisions about them and their appeals. Flags filed against them, and who filed
 * them, are not theirs: they are never exported to them.
 */
@Component
class ModerationPersonalData implements PersonalData {
    static final DataCategory FLAGS = new DataCategory("flags-filed");
    static final DataCategory DECISIONS = new DataCategory("moderation-decisions");
    static final DataCategory APPEALS = new DataCategory("appeals");

    private final Flags flags;
    private final ModerationLog log;

    ModerationPersonalData(Flags flags, ModerationLog log) {
        this.flags = flags;
        this.log = log;
    }

    @Override
    public List<DataCategory> categories() {
        return List.of(FLAGS, DECISIONS, APPEALS);
    }

    @Override
    public Map<String, Long> counts(long accountId) {
        return Map.of(FLAGS.name(), (long) flags.byFlagger(accountId).size(),
                DECISIONS.name(), (long) log.about(accountId).size(),
                APPEALS.name(), (long) log.appealsBy(accountId).size());
    }

    @Override
    public void export(long accountId, ExportWriter out) {
        out.records(FLAGS.name(), flags.byFlagger(accountId).stream().map(f -> {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("on", f.targetKind().name().toLowerCase());
            record.put("id", Long.toString(f.targetId()));
            record.put("reason", f.reason().slug());
            record.put("createdAt", f.createdAt());
            record.put("outcome", f.outcome());
            return record;
        }).toList());
        out.records(DECISIONS.name(), log.about(accountId).stream().map(a -> {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("action", a.action().slug());
            record.put("on", a.targetKind().name().toLowerCase());
            record.put("rule", a.rule());
            record.put("reason", a.reason());
            record.put("role", a.role());
            record.put("until", a.until());
            record.put("at", a.createdAt());
            return record;
        }).toList());
        out.records(APPEALS.name(), log.appealsBy(accountId).stream().map(a -> {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("actionId", Long.toString(a.actionId()));
            record.put("text", a.body());
            record.put("createdAt", a.createdAt());
            record.put("decision", a.decision());
            return record;
        }).toList());
    }

    /** Flags and appeals go; log entries stay public records but no longer point to the person. */
    @Override
    public void erase(long accountId, Erasure erasure) {
        flags.deleteByFlagger(accountId);
        log.deleteAppealsBy(accountId);
        log.forgetSubject(accountId);
    }
}
