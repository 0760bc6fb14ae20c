package org.tribune.admission;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.tribune.account.Account;
import org.tribune.mail.Mailer;

/** The e-mail an admitted person gets, in their language. */
@Component
class AdmissionMails {
    private final Mailer mailer;
    private final MessageSource messages;
    private final String baseUrl;

    AdmissionMails(Mailer mailer, MessageSource messages, @Value("${tribune.base-url}") String baseUrl) {
        this.mailer = mailer;
        this.messages = messages;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    String baseUrl() {
        return baseUrl;
    }

    void admitted(Account account) {
        Object[] args = {account.handle(), baseUrl + "/"};
        mailer.send(account.email(), messages.getMessage("mail.admitted.subject", args, account.language()),
                messages.getMessage("mail.admitted.body", args, account.language()));
    }
}
