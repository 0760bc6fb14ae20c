package org.tribune.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * SMTP delivery; when {@code host} is blank mail stays in the local outbox.
 *
 * @param host     SMTP server ({@code TRIBUNE_SMTP_HOST}); blank keeps mail local
 * @param port     SMTP port ({@code TRIBUNE_SMTP_PORT})
 * @param username SMTP user, if the server asks for one
 * @param password SMTP password
 * @param starttls whether to upgrade the connection with STARTTLS
 * @param from     the sender address of every mail ({@code TRIBUNE_MAIL_FROM})
 */
@ConfigurationProperties("tribune.smtp")
record MailSettings(String host, int port, String username, String password, boolean starttls, String from) {
    boolean enabled() {
        return host != null && !host.isBlank();
    }
}
