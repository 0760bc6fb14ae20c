package org.tribune.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds over SMTP. Each message is claimed first, so with several nodes none is sent twice
 * while its claim is fresh; a failed one is tried again once the claim is stale.
 */
@Component
@EnableConfigurationProperties(MailSettings.class)
class MailDelivery {
    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    private static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(2);
    private static final int MAX_ATTEMPTS = 10;

    private final MailOutbox outbox;
    private final MailSettings settings;
    private final Clock clock;
    private final JavaMailSenderImpl sender;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("mail-delivery").factory());
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean stopping;

    MailDelivery(MailOutbox outbox, MailSettings settings, Clock clock) {
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
        this.sender = settings.enabled() ? smtp(settings) : null;
    }

    private static JavaMailSenderImpl smtp(MailSettings settings) {
        JavaMailSenderImpl smtp = new JavaMailSenderImpl();
        smtp.setHost(settings.host());
        smtp.setPort(settings.port());
        if (settings.username() != null && !settings.username().isBlank()) {
            smtp.setUsername(settings.username());
            smtp.setPassword(settings.password());
        }
        Properties properties = smtp.getJavaMailProperties();
        properties.put("mail.smtp.auth", Boolean.toString(settings.username() != null && !settings.username().isBlank()));
        properties.put("mail.smtp.starttls.enable", Boolean.toString(settings.starttls()));
        // When STARTTLS is asked for, it is required: never fall back to sending mail and credentials in clear.
        properties.put("mail.smtp.starttls.required", Boolean.toString(settings.starttls()));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        return smtp;
    }

    /** Starts a delivery round soon, unless one is already waiting to start. */
    void deliverSoon() {
        if (sender != null && scheduled.compareAndSet(false, true)) {
            worker.execute(() -> {
                scheduled.set(false);
                deliverPending();
            });
        }
    }

    @Scheduled(fixedDelayString = "${tribune.smtp.retry-interval:PT30S}", initialDelay = 5_000)
    void retry() {
        deliverSoon();
    }

    /** Mail is kept 30 days at most: long enough to diagnose a delivery, no longer. */
    @Scheduled(fixedDelay = 3_600_000, initialDelay = 120_000)
    void forgetOldMail() {
        outbox.purgeCreatedBefore(clock.instant().minus(Duration.ofDays(30)));
    }

    void deliverPending() {
        try {
            Instant now = clock.instant();
            List<MailMessage> pending = outbox.unsent(now.minus(CLAIM_TIMEOUT), MAX_ATTEMPTS, 100);
            for (MailMessage message : pending) {
                if (stopping) {
                    return;
                }
                if (outbox.claim(message.id(), now, now.minus(CLAIM_TIMEOUT))) {
                    send(message);
                }
            }
        } catch (RuntimeException e) {
            log.warn("mail delivery round failed: {}", e.getMessage());
        }
    }

    private void send(MailMessage message) {
        try {
            MimeMessage mime = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(message.recipient());
            helper.setSubject(message.subject());
            helper.setText(message.body(), false);
            sender.send(mime);
            outbox.markSent(message.id(), clock.instant());
        } catch (Exception e) {
            // A mail library may leave this thread interrupted (Angus Mail does when a write times out, and a virtual
            // thread's cut socket read can follow an interrupt): the database write that records the failure must not
            // inherit it. Only stop() means it, and then the message is left to the claim's timeout.
            if (Thread.interrupted() && stopping) {
                return;
            }
            // The recipient address is personal data and stays out of the log; the id finds it.
            log.warn("mail {} not delivered yet: {}", message.id(), e.getMessage());
            outbox.markFailed(message.id(), e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        worker.shutdownNow();
    }
}
