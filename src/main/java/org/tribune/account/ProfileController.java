package org.tribune.account;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.tribune.platform.NotFound;
import org.tribune.platform.web.Markdown;
import org.tribune.platform.web.Viewer;

/** Public profiles at /@handle. Only active (or waiting) accounts have one. */
@Controller
class ProfileController {
    private final AccountService accounts;
    private final Markdown markdown;

    ProfileController(AccountService accounts, Markdown markdown) {
        this.accounts = accounts;
        this.markdown = markdown;
    }

    @GetMapping("/@{handle}")
    String profile(@PathVariable String handle, Viewer viewer, Model model) {
        Account account = accounts.byHandle(handle)
                .filter(a -> a.state() == AccountState.ACTIVE || a.state() == AccountState.WAITING)
                .orElseThrow(() -> new NotFound("profile"));
        model.addAttribute("account", account);
        model.addAttribute("bio", markdown.toSafeHtml(account.bio()));
        model.addAttribute("own", viewer != null && viewer.id() == account.id());
        model.addAttribute("nameHistory", viewer != null && viewer.isModerator()
                ? accounts.displayNameHistory(account.id()) : java.util.List.of());
        return "account/profile";
    }
}
