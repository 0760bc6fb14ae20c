package org.tribune.admission;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.tribune.account.Account;
import org.tribune.account.AccountState;

/** The page a waiting member lands on: their place, how many come in each day, and the two ways in sooner. */
@Controller
class WaitlistController {
    private final AdmissionService admission;

    WaitlistController(AdmissionService admission) {
        this.admission = admission;
    }

    @GetMapping("/waitlist")
    String waitlist(Account me, Model model) {
        if (me.state() != AccountState.WAITING) {
            return "redirect:/";
        }
        model.addAttribute("position", admission.position(me.id()).orElse(0));
        model.addAttribute("dailyQuota", admission.dailyQuota());
        return "admission/waitlist";
    }
}
