package org.tribune.donation;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.mail.Mailer;
import org.tribune.platform.SiteAddress;

/** What follows a confirmed payment: a receipt in the donor's language, and the event other features wait for. */
@Component
class Receipts {
    private final AccountService accounts;
    private final Mailer mailer;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final String baseUrl;

    Receipts(AccountService accounts, Mailer mailer, MessageSource messages, ApplicationEventPublisher events,
            SiteAddress site) {
        this.accounts = accounts;
        this.mailer = mailer;
        this.messages = messages;
        this.events = events;
        this.baseUrl = site.base();
    }

    /** Called in the transaction that records the payment, so a rollback sends nothing. */
    void confirmed(Donation donation, Money paid, Instant at) {
        if (donation.accountId() == null) {
            events.publishEvent(new DonationEvents.DonationConfirmed(donation.id(), null));
            return;
        }
        accounts.byId(donation.accountId()).ifPresent(donor -> send(donor, donation, paid, at));
        events.publishEvent(new DonationEvents.DonationConfirmed(donation.id(), donation.accountId()));
    }

    private void send(Account donor, Donation donation, Money paid, Instant at) {
        java.util.Locale locale = donor.language();
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
                .withZone(donor.zone()).format(at);
        Object[] args = {donor.displayName(), paid.format(locale),
                messages.getMessage("donation.interval." + donation.interval().name(), null, locale), when,
                Long.toString(donation.id()), baseUrl + "/settings/donations",
                donation.test() ? messages.getMessage("donation.receipt.test", null, locale) : ""};
        mailer.send(donor.email(), locale, "donation.receipt", args);
    }
}
