package org.tribune.safety;

import org.springframework.stereotype.Component;
import org.tribune.platform.web.ReaderPreferences;

/** Gives every page the reader's choice to have content warnings always open. */
@Component
class WarningPreference implements ReaderPreferences {
    private final SafetyService safety;

    WarningPreference(SafetyService safety) {
        this.safety = safety;
    }

    @Override
    public boolean opensWarnings(long accountId) {
        return safety.opensWarnings(accountId);
    }
}
