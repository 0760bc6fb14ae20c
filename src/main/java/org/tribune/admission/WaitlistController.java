package org.tribune.admission;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.tribune.account.Account;
import org.tribune.account.AccountState;

/**
 * The page a waiting member lands on: their place, how many come in each day, and the ways in sooner (a donation;
 * inviting a friend only for those whose trust level allows inviting, which a newcomer's does not).
 */
@Controller
class WaitlistController {
    private final AdmissionService admission;
    private final InvitationService invitations;

    WaitlistController(AdmissionService admission, InvitationService invitations) {
        this.admission = admission;
        this.invitations = invitations;
    }

    @GetMapping("/waitlist")
    String waitlist(Account me, Model model) {
        if (me.state() != AccountState.WAITING) {
            return "redirect:/";
        }
        model.addAttribute("position", admission.position(me.id()).orElse(0));
        model.addAttribute("dailyQuota", admission.dailyQuota());
        model.addAttribute("canInvite", invitations.trusted(me));
        return "admission/waitlist";
    }
}
