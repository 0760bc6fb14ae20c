package org.tribune.mail;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The local outbox as administrators read it. */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class MailAdministration {
    public static final int PAGE_SIZE = 50;

    private final MailOutbox outbox;
    private final MailSettings settings;

    MailAdministration(MailOutbox outbox, MailSettings settings) {
        this.outbox = outbox;
        this.settings = settings;
    }

    /** Newest first. */
    public List<MailMessage> newest(Long before) {
        return outbox.newestBefore(before == null ? Long.MAX_VALUE : before, PAGE_SIZE);
    }

    public boolean smtpConfigured() {
        return settings.enabled();
    }
}
