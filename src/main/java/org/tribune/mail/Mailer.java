package org.tribune.mail;

import java.time.Clock;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tribune.platform.Ids;

/**
 * Queues an e-mail in the caller's transaction: if the change that caused it rolls back, no mail leaves; if it
 * commits, delivery starts at once and is retried until it succeeds.
 */
@Service
public class Mailer {
    private final MailOutbox outbox;
    private final MailDelivery delivery;
    private final Ids ids;
    private final Clock clock;
    private final MessageSource messages;

    Mailer(MailOutbox outbox, MailDelivery delivery, Ids ids, Clock clock, MessageSource messages) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.ids = ids;
        this.clock = clock;
        this.messages = messages;
    }

    /** Queues the mail whose subject and body are the messages {@code key.subject} and {@code key.body}, in the recipient's language. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void send(String recipient, Locale language, String key, Object... args) {
        send(recipient, messages.getMessage(key + ".subject", args, language), messages.getMessage(key + ".body", args, language));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void send(String recipient, String subject, String body) {
        outbox.add(new MailMessage(ids.next(), recipient, subject, body, clock.instant(), null));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                delivery.deliverSoon();
            }
        });
    }

    /** The log of mails to this address, oldest first (bodies are emptied once sent). */
    public java.util.List<MailMessage> sentTo(String recipient) {
        return outbox.sentTo(recipient);
    }

    public long countSentTo(String recipient) {
        return outbox.countTo(recipient);
    }

    /**
     * Forgets a person: every mail to their address, and every mail to anyone else that names them (a notification
     * digest quoting their name, say). Sent mails are only a log, so nothing is lost that anyone needs.
     */
    @Transactional
    public void forget(String recipient, java.util.Collection<String> words) {
        outbox.deleteTo(recipient);
        words.stream().filter(w -> w != null && w.strip().length() >= 3).forEach(w -> outbox.deleteMentioning(w.strip()));
    }
}
