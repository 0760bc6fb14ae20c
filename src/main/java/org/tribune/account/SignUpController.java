package org.tribune.account;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.web.JteViews;

/** Sign-up and e-mail verification pages. */
@Controller
class SignUpController {
    private final AccountService accounts;
    private final ObjectProvider<InvitationLinks> invitations;

    SignUpController(AccountService accounts, ObjectProvider<InvitationLinks> invitations) {
        this.accounts = accounts;
        this.invitations = invitations;
    }

    /** A link that cannot be used is said so plainly: the person may still sign up, and waits like everyone. */
    private void checkInvitation(String invite, Model model) {
        InvitationLinks links = invitations.getIfAvailable();
        boolean given = invite != null && !invite.isBlank();
        model.addAttribute("invitationInvalid", given && links != null && !links.usable(invite));
    }

    @GetMapping("/signup")
    String form(@RequestParam(required = false) String invite, Model model, HttpServletRequest request) {
        model.addAttribute("form", new SignUp("", "", "", RequestContextUtils.getLocale(request).getLanguage(), false,
                invite == null || invite.length() > 200 ? null : invite));
        checkInvitation(invite, model);
        return "account/signup";
    }

    @PostMapping("/signup")
    String signUp(@RequestParam(defaultValue = "") String handle, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "en") String locale,
            @RequestParam(defaultValue = "false") boolean acceptConduct, @RequestParam(required = false) String invite,
            Model model, HttpServletRequest request, RedirectAttributes redirect) {
        SignUp form = new SignUp(handle, email, password, locale, acceptConduct, invite);
        try {
            accounts.signUp(form, request.getRemoteAddr());
        } catch (InvalidInput invalid) {
            model.addAttribute("form", new SignUp(handle, email, "", locale, acceptConduct, invite));
            model.addAttribute(JteViews.ERRORS, invalid);
            checkInvitation(invite, model);
            return "account/signup";
        }
        redirect.addFlashAttribute("email", email.trim());
        return "redirect:/signup/done";
    }

    @GetMapping("/signup/done")
    String done(Model model) {
        model.addAttribute("email", model.getAttribute("email"));
        return "account/signup-done";
    }

    @GetMapping("/verify")
    String verify(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("account", accounts.verify(token));
        return "account/verified";
    }

    @GetMapping("/verify/resend")
    String resendForm() {
        return "account/verify-resend";
    }

    @PostMapping("/verify/resend")
    String resend(@RequestParam(defaultValue = "") String email, HttpServletRequest request, RedirectAttributes redirect) {
        accounts.resendVerification(email, request.getRemoteAddr());
        redirect.addFlashAttribute(JteViews.NOTICE, "verify.resend.sent");
        return "redirect:/login";
    }
}
