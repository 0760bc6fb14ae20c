package org.tribune.donation;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tribune.account.Account;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.web.JteViews;

/** The treasury (offline gifts, expenses, every donation) and the public ledger. */
@Controller
class TreasuryController {
    private final DonationService donations;
    private final Transparency transparency;

    TreasuryController(DonationService donations, Transparency transparency) {
        this.donations = donations;
        this.transparency = transparency;
    }

    @GetMapping("/treasury")
    String treasury(Account me, @RequestParam(required = false) Long before, Model model) {
        return treasuryPage(me, before, model, Map.of());
    }

    private String treasuryPage(Account me, Long before, Model model, Map<String, String> values) {
        var all = donations.all(me, before);
        model.addAttribute("donations", all);
        model.addAttribute("offline", donations.offline());
        model.addAttribute("values", values);
        model.addAttribute("today", LocalDate.now().toString());
        model.addAttribute("next", all.size() == DonationService.PAGE_SIZE ? all.getLast().id() : null);
        return "donation/treasury";
    }

    @PostMapping("/treasury/donations")
    String recordGift(Account me, @RequestParam Map<String, String> fields, Model model, RedirectAttributes redirect) {
        try {
            donations.recordOffline(me, fields.get("donor"), fields.get("donorName"), fields.get("amount"),
                    fields.get("currency"), fields.get("method"), fields.get("receivedOn"), fields.get("note"));
        } catch (InvalidInput invalid) {
            model.addAttribute(JteViews.ERRORS, invalid);
            return treasuryPage(me, null, model, fields);
        }
        redirect.addFlashAttribute(JteViews.NOTICE, "treasury.gift-recorded");
        return "redirect:/treasury";
    }

    @PostMapping("/treasury/expenses")
    String recordExpense(Account me, @RequestParam Map<String, String> fields, Model model, RedirectAttributes redirect) {
        try {
            transparency.recordExpense(me, fields.get("description"), fields.get("expenseAmount"),
                    fields.get("expenseCurrency"), fields.get("spentOn"));
        } catch (InvalidInput invalid) {
            model.addAttribute(JteViews.ERRORS, invalid);
            return treasuryPage(me, null, model, fields);
        }
        redirect.addFlashAttribute(JteViews.NOTICE, "treasury.expense-recorded");
        return "redirect:/treasury";
    }

    @GetMapping("/transparency")
    String ledger(Model model) {
        model.addAttribute("report", transparency.report());
        model.addAttribute("offline", donations.offline());
        return "donation/transparency";
    }

    @GetMapping("/transparency.csv")
    ResponseEntity<String> csv() {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"tribune-ledger.csv\"")
                .body(transparency.csv());
    }
}
