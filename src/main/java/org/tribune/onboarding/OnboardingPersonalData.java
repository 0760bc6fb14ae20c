package org.tribune.onboarding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.tribune.platform.personaldata.DataCategory;
import org.tribune.platform.personaldata.Erasure;
import org.tribune.platform.personaldata.ExportWriter;
import org.tribune.platform.personaldata.PersonalData;

/** What onboarding holds on a person: how far they went, and when they agreed to the code of conduct there. */
@Component
class OnboardingPersonalData implements PersonalData {
    private static final DataCategory ONBOARDING = new DataCategory("onboarding");

    private final Onboardings onboardings;

    OnboardingPersonalData(Onboardings onboardings) {
        this.onboardings = onboardings;
    }

    @Override
    public List<DataCategory> categories() {
        return List.of(ONBOARDING);
    }

    @Override
    public Map<String, Long> counts(long accountId) {
        return Map.of(ONBOARDING.name(), onboardings.of(accountId).isPresent() ? 1L : 0L);
    }

    @Override
    public void export(long accountId, ExportWriter out) {
        out.records(ONBOARDING.name(), onboardings.of(accountId).map(o -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("furthestStep", o.step().slug());
            row.put("startedAt", o.startedAt().toString());
            row.put("finishedAt", o.finishedAt() == null ? null : o.finishedAt().toString());
            row.put("conductAgreedAt", o.conductAgreedAt() == null ? null : o.conductAgreedAt().toString());
            return List.<Map<String, Object>>of(row);
        }).orElse(List.of()));
    }

    @Override
    public void erase(long accountId, Erasure erasure) {
        onboardings.delete(accountId);
    }
}
