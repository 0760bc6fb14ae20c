package org.tribune.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.tribune.platform.personaldata.DataCategory;
import org.tribune.platform.personaldata.PersonalData;

/**
 * Every feature's {@link PersonalData}, in one order: the account feature last, because erasing it removes what the
 * others still need to find (the handle whose mentions they rewrite, the address mails were sent to).
 */
@Component
class PersonalDataSources {
    static final DataCategory ACCOUNT = new DataCategory("account");

    private final List<PersonalData> sources;

    PersonalDataSources(List<PersonalData> found) {
        List<PersonalData> ordered = new ArrayList<>(found);
        ordered.sort(Comparator.comparing((PersonalData p) -> p.categories().contains(ACCOUNT))
                .thenComparing(p -> p.getClass().getName()));
        this.sources = List.copyOf(ordered);
    }

    /** Account first for showing; {@link #forErasure()} has it last. */
    List<PersonalData> forShowing() {
        List<PersonalData> shown = new ArrayList<>(sources);
        shown.sort(Comparator.comparing((PersonalData p) -> !p.categories().contains(ACCOUNT)));
        return shown;
    }

    List<PersonalData> forErasure() {
        return sources;
    }

    /** Each category with how many records exist about the account, in the order of the page. */
    Map<DataCategory, Long> counts(long accountId) {
        Map<DataCategory, Long> counts = new LinkedHashMap<>();
        for (PersonalData source : forShowing()) {
            Map<String, Long> answered = source.counts(accountId);
            for (DataCategory category : source.categories()) {
                counts.put(category, answered.getOrDefault(category.name(), 0L));
            }
        }
        return counts;
    }
}
