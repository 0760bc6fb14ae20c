package org.tribune.safety;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tribune.account.Account;
import org.tribune.platform.Conflict;
import org.tribune.platform.Ids;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.NotFound;

/**
 * Group moderators' filters: managing them (moderators of the group only; see {@link ModeratedGroups} for who is
 * refused and how), and {@link #screen} for the post feature, which asks before it publishes or applies an edit in
 * a group and holds or refuses what matches. Matching is a person's filters' ({@link FilterMatcher}).
 */
@Service
public class GroupFilters {
    private final GroupFilterRows rows;
    private final ModeratedGroups groups;
    private final Ids ids;
    private final Clock clock;

    GroupFilters(GroupFilterRows rows, ModeratedGroups groups, Ids ids, Clock clock) {
        this.rows = rows;
        this.groups = groups;
        this.ids = ids;
        this.clock = clock;
    }

    /** Which of the group's filters a text matched and what it does; a refusing filter wins over a holding one. */
    public record Screening(long filterId, String phrase, GroupFilter.Action action) {
        public boolean refuses() {
            return action == GroupFilter.Action.REFUSE;
        }
    }

    /**
     * The filter of the group these texts match (null texts skipped), or null: one query, one compiled pattern.
     * Null for content outside groups.
     */
    public Screening screen(Long groupId, String... texts) {
        if (groupId == null) {
            return null;
        }
        List<GroupFilter> filters = rows.of(groupId);
        if (filters.isEmpty()) {
            return null;
        }
        // A refusal must win over a hold, as a hiding filter wins over a warning one in the matcher.
        FilterMatcher matcher = new FilterMatcher(filters.stream().map(f -> new WordFilter(f.id(), f.groupId(), f.phrase(),
                java.util.Set.of(), f.action() == GroupFilter.Action.REFUSE ? WordFilter.Action.HIDE : WordFilter.Action.WARN,
                null, f.createdAt())).toList());
        WordFilter matched = matcher.matching(texts);
        return matched == null ? null : new Screening(matched.id(), matched.phrase(),
                matched.action() == WordFilter.Action.HIDE ? GroupFilter.Action.REFUSE : GroupFilter.Action.HOLD);
    }

    /** The group, for its moderators only. */
    public ModeratedGroups.ModeratedGroup group(Account me, String slug) {
        return groups.moderatedBy(slug, me);
    }

    /** The group's filters, newest first, for its moderators only. */
    public List<GroupFilter> of(Account me, String slug) {
        return rows.of(groups.moderatedBy(slug, me).id());
    }

    @Transactional
    public GroupFilter add(Account me, String slug, String phrase, String action) {
        long groupId = groups.moderatedBy(slug, me).id();
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String words = WordFilters.phrase(phrase, errors);
        GroupFilter.Action kept = GroupFilter.Action.HOLD;
        try {
            kept = GroupFilter.Action.valueOf(action == null ? "HOLD" : action.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            errors.add("action", "safety.group-filter-action-invalid");
        }
        errors.throwIfAny();
        if (rows.count(groupId) >= GroupFilter.PER_GROUP_MAX) {
            throw new Conflict("safety.group-filter-too-many");
        }
        GroupFilter made = new GroupFilter(ids.next(), groupId, words, kept, clock.instant());
        rows.insert(made);
        return made;
    }

    /** Removes one of the group's filters; another group's does not exist here. */
    @Transactional
    public void remove(Account me, String slug, long id) {
        if (!rows.delete(groups.moderatedBy(slug, me).id(), id)) {
            throw new NotFound("filter");
        }
    }
}
