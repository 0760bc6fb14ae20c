package org.tribune.event;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tribune.account.Account;

/** Whether a person gets event reminders (in the app and by e-mail): on unless they turned them off. */
@Service
public class ReminderSettings {
    private final Reminders reminders;

    ReminderSettings(Reminders reminders) {
        this.reminders = reminders;
    }

    public boolean wanted(long accountId) {
        return reminders.wanted(accountId);
    }

    @Transactional
    public void set(Account me, boolean wanted) {
        reminders.setWanted(me.id(), wanted);
    }
}
