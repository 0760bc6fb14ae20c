package org.tribune.admission;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tribune.account.Account;
import org.tribune.platform.web.JteViews;

/** A member's invitation links: make one, see what became of them, revoke an unused one. */
@Controller
class InvitationController {
    private final InvitationService invitations;

    InvitationController(InvitationService invitations) {
        this.invitations = invitations;
    }

    @GetMapping("/invitations")
    String list(Account me, @RequestParam(required = false) Long before, Model model) {
        var listed = invitations.list(me, before);
        model.addAttribute("invitations", listed);
        model.addAttribute("remaining", invitations.remainingThisMonth(me));
        model.addAttribute("trusted", invitations.trusted(me));
        model.addAttribute("created", model.getAttribute("created"));
        model.addAttribute("next", listed.size() == InvitationService.PAGE_SIZE
                ? Long.toString(listed.getLast().invitation().id()) : null);
        return "admission/invitations";
    }

    @PostMapping("/invitations")
    String create(Account me, RedirectAttributes redirect) {
        InvitationService.Created created = invitations.create(me);
        redirect.addFlashAttribute("created", created.link());
        return "redirect:/invitations";
    }

    @PostMapping("/invitations/{id}/revoke")
    String revoke(Account me, @PathVariable long id, RedirectAttributes redirect) {
        invitations.revoke(me, id);
        redirect.addFlashAttribute(JteViews.NOTICE, "invitation.revoked");
        return "redirect:/invitations";
    }
}
