package org.tribune.platform;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Pending after-commit work as administrators see it: how much, which, and a retry. */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class EventAdministration {
    public static final int SHOWN = 100;

    private final PendingEvents pending;
    private final EventRetries retries;

    EventAdministration(PendingEvents pending, EventRetries retries) {
        this.pending = pending;
        this.retries = retries;
    }

    public long count() {
        return pending.count();
    }

    /** The {@value #SHOWN} oldest. */
    public List<PendingEvent> oldest() {
        return pending.oldest(SHOWN);
    }

    /** Hands one pending publication to its listener again; an unknown or completed one is "not found". */
    public void retry(UUID id) {
        pending.byId(id).orElseThrow(() -> new NotFound("event"));
        retries.retry(id);
    }

    public void retryAll() {
        retries.retryAll();
    }
}
