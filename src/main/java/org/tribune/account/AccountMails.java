package org.tribune.account;

import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.tribune.mail.Mailer;
import org.tribune.platform.SiteAddress;

/** The e-mails accounts send, written in the recipient's language. */
@Component
class AccountMails {
    private final Mailer mailer;
    private final String baseUrl;

    AccountMails(Mailer mailer, SiteAddress site) {
        this.mailer = mailer;
        this.baseUrl = site.base();
    }

    String link(String path, String token) {
        return UriComponentsBuilder.fromUriString(baseUrl + path).queryParam("token", token).build().encode().toUriString();
    }

    void verification(String to, Locale locale, String handle, String token) {
        send(to, locale, "mail.verify", handle, link("/verify", token));
    }

    void signUpWithKnownAddress(String to, Locale locale) {
        send(to, locale, "mail.known-address", baseUrl + "/login", baseUrl + "/reset-password");
    }

    void passwordReset(String to, Locale locale, String handle, String token) {
        send(to, locale, "mail.reset", handle, link("/reset-password/new", token));
    }

    void passwordChanged(String to, Locale locale, String handle) {
        send(to, locale, "mail.password-changed", handle, baseUrl + "/reset-password");
    }

    void emailChange(String to, Locale locale, String handle, String token) {
        send(to, locale, "mail.email-change", handle, link("/settings/email/confirm", token));
    }

    void emailChangeToTakenAddress(String to, Locale locale) {
        send(to, locale, "mail.email-change-taken", baseUrl + "/reset-password");
    }

    void emailChangeNotice(String to, Locale locale, String handle, String newAddress) {
        send(to, locale, "mail.email-change-notice", handle, newAddress);
    }

    void deletionRequested(String to, Locale locale, String handle, java.time.Instant due, java.time.ZoneId zone) {
        String when = java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                .withLocale(locale).format(due.atZone(zone));
        send(to, locale, "mail.deletion-requested", handle, when, baseUrl + "/login");
    }

    private void send(String to, Locale locale, String key, Object... args) {
        mailer.send(to, locale, key, args);
    }
}
