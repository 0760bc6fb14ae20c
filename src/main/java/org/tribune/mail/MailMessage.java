package org.tribune.mail;

import java.time.Instant;

/** One e-mail, as written to the outbox. */
public record MailMessage(long id, String recipient, String subject, String body, Instant createdAt, Instant sentAt) {
}
