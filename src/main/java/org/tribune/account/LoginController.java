package org.tribune.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tribune.platform.Conflict;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.web.JteViews;

/** The login page (Spring Security handles the POST) and password reset. */
@Controller
class LoginController {
    static final String LAST_ERROR = "tribune.login.error";
    static final String LAST_EMAIL = "tribune.login.email";

    private final AccountService accounts;

    LoginController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        String code = null;
        String email = "";
        if (error != null && session != null) {
            code = (String) session.getAttribute(LAST_ERROR);
            Object last = session.getAttribute(LAST_EMAIL);
            email = last == null ? "" : last.toString();
            session.removeAttribute(LAST_ERROR);
            session.removeAttribute(LAST_EMAIL);
        }
        model.addAttribute("failure", error != null ? (code == null ? "login.failed" : code) : null);
        model.addAttribute("email", email);
        return "account/login";
    }

    @GetMapping("/reset-password")
    String resetForm() {
        return "account/reset-request";
    }

    @PostMapping("/reset-password")
    String requestReset(@RequestParam(defaultValue = "") String email, HttpServletRequest request, Model model) {
        accounts.requestPasswordReset(email, request.getRemoteAddr());
        model.addAttribute("email", email.trim());
        return "account/reset-sent";
    }

    @GetMapping("/reset-password/new")
    String newPasswordForm(@RequestParam(defaultValue = "") String token, Model model) {
        if (!accounts.isResetCodeValid(token)) {
            throw new Conflict("link.invalid");
        }
        model.addAttribute("token", token);
        return "account/reset-new";
    }

    @PostMapping("/reset-password/new")
    String resetPassword(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
            Model model, RedirectAttributes redirect) {
        try {
            accounts.resetPassword(token, password);
        } catch (InvalidInput invalid) {
            model.addAttribute("token", token);
            model.addAttribute(JteViews.ERRORS, invalid);
            return "account/reset-new";
        }
        redirect.addFlashAttribute(JteViews.NOTICE, "reset.done");
        return "redirect:/login";
    }
}
