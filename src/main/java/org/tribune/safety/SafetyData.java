package org.tribune.safety;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.platform.personaldata.DataCategory;
import org.tribune.platform.personaldata.Erasure;
import org.tribune.platform.personaldata.ExportWriter;
import org.tribune.platform.personaldata.PersonalData;

/**
 * Blocks, mutes, word filters and reach settings in the person's export and erasure. A person's export holds the
 * blocks and mutes they made, never who blocked or muted them (that stays private to the one who did it); erasure
 * removes both.
 */
@Component
class SafetyData implements PersonalData {
    static final DataCategory BLOCKS = new DataCategory("blocks");
    static final DataCategory MUTES = new DataCategory("mutes");
    static final DataCategory FILTERS = new DataCategory("word-filters");
    static final DataCategory REACH = new DataCategory("reach");

    private final Blocks blocks;
    private final Mutes mutes;
    private final Filters filters;
    private final ReachSettings reach;
    private final AccountService accounts;

    SafetyData(Blocks blocks, Mutes mutes, Filters filters, ReachSettings reach, AccountService accounts) {
        this.blocks = blocks;
        this.mutes = mutes;
        this.filters = filters;
        this.reach = reach;
        this.accounts = accounts;
    }

    @Override
    public List<DataCategory> categories() {
        return List.of(BLOCKS, MUTES, FILTERS, REACH);
    }

    @Override
    public Map<String, Long> counts(long accountId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(BLOCKS.name(), blocks.countBy(accountId));
        counts.put(MUTES.name(), (long) mutes.allOf(accountId).size());
        counts.put(FILTERS.name(), filters.count(accountId));
        counts.put(REACH.name(), reach.of(accountId).isPresent() ? 1L : 0L);
        return counts;
    }

    @Override
    public void export(long accountId, ExportWriter out) {
        List<Blocks.Row> blocked = blocks.blockedBy(accountId, Integer.MAX_VALUE);
        List<Mutes.Row> muted = mutes.allOf(accountId);
        Map<Long, Account> people = accounts.byIds(java.util.stream.Stream.concat(blocked.stream().map(Blocks.Row::blockedId),
                muted.stream().map(Mutes.Row::mutedId)).distinct().toList());
        out.records(BLOCKS.name(), blocked.stream().map(b -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("type", "Block");
            row.put("object", handle(people, b.blockedId()));
            row.put("published", b.since());
            return row;
        }).toList());
        out.records(MUTES.name(), muted.stream().map(m -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("object", handle(people, m.mutedId()));
            row.put("since", m.since());
            row.put("until", m.until());
            return row;
        }).toList());
        out.records(FILTERS.name(), filters.of(accountId).stream().map(f -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("phrase", f.phrase());
            row.put("contexts", f.contexts().stream().sorted().map(Enum::name).toList());
            row.put("action", f.action().name());
            row.put("until", f.until());
            row.put("created", f.createdAt());
            return row;
        }).toList());
        out.records(REACH.name(), reach.of(accountId).map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("profileReplies", r.profileReplies().name());
            row.put("groupInvitations", r.groupInvitations().name());
            row.put("requestsTab", r.requestsTab());
            row.put("requestsYoungerDays", r.requestsYoungerDays());
            row.put("openWarnings", r.openWarnings());
            return List.of(row);
        }).orElse(List.of()));
    }

    /** Only the handle, which is public. */
    private static String handle(Map<Long, Account> people, long id) {
        Account a = people.get(id);
        return a == null ? "former-member" : "@" + a.handle();
    }

    @Override
    public void erase(long accountId, Erasure erasure) {
        blocks.eraseAll(accountId);
        mutes.eraseAll(accountId);
        filters.eraseAll(accountId);
        reach.erase(accountId);
    }
}
