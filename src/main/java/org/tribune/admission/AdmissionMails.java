package org.tribune.admission;

import org.springframework.stereotype.Component;
import org.tribune.account.Account;
import org.tribune.mail.Mailer;
import org.tribune.platform.SiteAddress;

/** The e-mail an admitted person gets, in their language. */
@Component
class AdmissionMails {
    private final Mailer mailer;
    private final String baseUrl;

    AdmissionMails(Mailer mailer, SiteAddress site) {
        this.mailer = mailer;
        this.baseUrl = site.base();
    }

    String baseUrl() {
        return baseUrl;
    }

    void admitted(Account account) {
        Object[] args = {account.handle(), baseUrl + "/"};
        mailer.send(account.email(), account.language(), "mail.admitted", args);
    }
}
