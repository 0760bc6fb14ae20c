package org.tribune.account;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tribune.platform.Conflict;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.web.JteViews;

/** The page behind the one-time link that creates the first administrator. */
@Controller
class SetupController {
    private final FirstAdmin firstAdmin;

    SetupController(FirstAdmin firstAdmin) {
        this.firstAdmin = firstAdmin;
    }

    @GetMapping("/setup/admin")
    String form(@RequestParam(defaultValue = "") String token, Model model) {
        if (!firstAdmin.isSetupCodeValid(token)) {
            throw new Conflict("link.invalid");
        }
        model.addAttribute("token", token);
        model.addAttribute("handle", "admin");
        model.addAttribute("email", "");
        return "account/setup-admin";
    }

    @PostMapping("/setup/admin")
    String create(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String handle,
            @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "en") String locale, Model model, RedirectAttributes redirect) {
        try {
            firstAdmin.createWithCode(token, handle, email, password, locale);
        } catch (InvalidInput invalid) {
            model.addAttribute("token", token);
            model.addAttribute("handle", handle);
            model.addAttribute("email", email);
            model.addAttribute(JteViews.ERRORS, invalid);
            return "account/setup-admin";
        }
        redirect.addFlashAttribute(JteViews.NOTICE, "setup.done");
        return "redirect:/login";
    }
}
