package org.tribune.donation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tribune.account.Account;
import org.tribune.account.AccountState;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.web.JteViews;


/** The donate page, a donation's own page (with the test payment in offline mode), and the donor's settings. */
@Controller
class DonationController {
    /** Suggested gifts, in major units: a month, a year. */
    static final Map<String, int[]> SUGGESTED = Map.of("USD", new int[] {13, 100}, "EUR", new int[] {12, 90},
            "GBP", new int[] {10, 80});

    private final DonationService donations;

    DonationController(DonationService donations) {
        this.donations = donations;
    }

    @GetMapping("/donate")
    String donate(@RequestParam(defaultValue = "MONTHLY") String interval, @RequestParam(defaultValue = "USD") String currency,
            @RequestParam(required = false) String amount, Model model) {
        String shownCurrency = Money.accepted(currency) ? currency : "USD";
        String shownInterval = List.of("ONE_TIME", "MONTHLY", "YEARLY").contains(interval) ? interval : "MONTHLY";
        int[] suggested = SUGGESTED.get(shownCurrency);
        String shownAmount = amount != null ? amount
                : Integer.toString("YEARLY".equals(shownInterval) ? suggested[1] : suggested[0]);
        return donatePage(model, new DonateForm(shownAmount, shownCurrency, shownInterval, UUID.randomUUID().toString()));
    }

    private String donatePage(Model model, DonateForm form) {
        model.addAttribute("f", form);
        model.addAttribute("offline", donations.offline());
        Map<String, int[]> suggested = new LinkedHashMap<>();
        for (String c : Money.CURRENCIES) {
            suggested.put(c, SUGGESTED.get(c));
        }
        model.addAttribute("suggested", suggested);
        return "donation/donate";
    }

    @PostMapping("/donate")
    String start(Account me, @RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "") String currency,
            @RequestParam(defaultValue = "") String interval, @RequestParam(defaultValue = "") String key, Model model) {
        Long minor = Money.parseMajor(amount);
        try {
            DonationService.Started started = donations.start(me, minor == null ? "0" : Long.toString(minor), currency,
                    interval, key.isBlank() ? UUID.randomUUID().toString() : key);
            return "redirect:/donate/" + started.id();
        } catch (InvalidInput invalid) {
            model.addAttribute(JteViews.ERRORS, invalid);
            return donatePage(model, new DonateForm(amount, currency, interval, key));
        } catch (DonationService.KeyReused reused) {
            // The form was sent before with other values: treat this as a new gift of the values now shown.
            model.addAttribute(JteViews.ERRORS, InvalidInput.of("amount", "donation.key.resent"));
            return donatePage(model, new DonateForm(amount, currency, interval, UUID.randomUUID().toString()));
        }
    }

    @GetMapping("/donate/{id}")
    String donation(Account me, @PathVariable long id, Model model) {
        Donation donation = donations.get(me, id);
        model.addAttribute("donation", donation);
        model.addAttribute("payments", donations.payments(me, id));
        model.addAttribute("mine", Long.valueOf(me.id()).equals(donation.accountId()));
        return "donation/donation";
    }

    @PostMapping("/donate/{id}/test-payment")
    String payTest(Account me, @PathVariable long id, RedirectAttributes redirect) {
        donations.payTest(me, id);
        // A waiting donor is admitted by the payment itself: say so where they look, with the way to the feed.
        redirect.addFlashAttribute(JteViews.NOTICE, me.state() == AccountState.WAITING
                ? "donation.test-paid-admitted" : "donation.test-paid");
        return "redirect:/donate/" + id;
    }

    @PostMapping("/donate/{id}/test-renewal")
    String renewTest(Account me, @PathVariable long id, RedirectAttributes redirect) {
        donations.renewTest(me, id);
        redirect.addFlashAttribute(JteViews.NOTICE, "donation.test-renewed");
        return "redirect:/donate/" + id;
    }

    @GetMapping("/settings/donations")
    String settings(Account me, @RequestParam(required = false) Long before, Model model) {
        List<Donation> mine = donations.mine(me, before);
        Map<Long, List<Payment>> payments = new LinkedHashMap<>();
        for (Donation d : mine) {
            payments.put(d.id(), donations.payments(me, d.id()));
        }
        model.addAttribute("donations", mine);
        model.addAttribute("payments", payments);
        model.addAttribute("preferences", donations.preferences(me.id()));
        model.addAttribute("next", mine.size() == DonationService.PAGE_SIZE ? mine.getLast().id() : null);
        return "donation/settings";
    }

    @PostMapping("/settings/donations/preferences")
    String savePreferences(Account me, @RequestParam(defaultValue = "false") boolean showBadge,
            @RequestParam(defaultValue = "false") boolean listed, RedirectAttributes redirect) {
        donations.savePreferences(me, showBadge, listed);
        redirect.addFlashAttribute(JteViews.NOTICE, "donation.preferences-saved");
        return "redirect:/settings/donations";
    }

    @PostMapping("/settings/donations/{id}/cancel")
    String cancel(Account me, @PathVariable long id, RedirectAttributes redirect) {
        donations.cancel(me, id);
        redirect.addFlashAttribute(JteViews.NOTICE, "donation.cancelled");
        return "redirect:/settings/donations";
    }
}
