package org.tribune.account;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tribune.platform.web.JteViews;

/**
 * What a person whose account is being deleted sees when they sign in: the date it will be erased, and one button
 * to cancel. Every other page sends them here (see {@link CurrentAccount}).
 */
@Controller
class ClosingController {
    private final AccountService accounts;

    ClosingController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping(CurrentAccount.CLOSING_PAGE)
    String closing(Account me, Model model) {
        if (me.state() != AccountState.CLOSING) {
            return "redirect:/";
        }
        model.addAttribute("dueAt", accounts.deletionDueAt(me.id()).orElse(null));
        return "account/closing";
    }

    @PostMapping(CurrentAccount.CLOSING_PAGE + "/cancel")
    String cancel(Account me, HttpServletRequest request, RedirectAttributes redirect) {
        accounts.cancelDeletion(me.id());
        redirect.addFlashAttribute(JteViews.NOTICE, "deletion.cancelled");
        return "redirect:/";
    }
}
