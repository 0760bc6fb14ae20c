package org.tribune.trust;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.platform.web.JteViews;

/** The public page of what each level unlocks, and the administrators' trust page and actions. */
@Controller
class TrustController {
    private final TrustAdministration admin;
    private final TrustLevels levels;
    private final AccountService accounts;
    private final TrustSettings settings;

    TrustController(TrustAdministration admin, TrustLevels levels, AccountService accounts, TrustSettings settings) {
        this.admin = admin;
        this.levels = levels;
        this.accounts = accounts;
        this.settings = settings;
    }

    @GetMapping("/trust-levels")
    String levels(Model model) {
        model.addAttribute("settings", settings);
        return "trust/levels";
    }

    @GetMapping("/admin/trust")
    String adminPage(Model model) {
        List<Long> ids = levels.leaders(200);
        Map<Long, Account> leaders = accounts.byIds(ids);
        model.addAttribute("leaders", ids.stream().map(leaders::get).filter(a -> a != null).toList());
        return "trust/admin";
    }

    @PostMapping("/admin/trust/run")
    String run(Account me, RedirectAttributes redirect) {
        TrustComputation.Outcome outcome = admin.runNow(me);
        redirect.addFlashAttribute("outcome", outcome);
        redirect.addFlashAttribute(JteViews.NOTICE, "trust.admin.ran");
        return "redirect:/admin/trust";
    }

    @PostMapping("/admin/users/{handle}/leader")
    String grant(Account me, @PathVariable String handle, RedirectAttributes redirect) {
        admin.grantLeader(me, handle);
        redirect.addFlashAttribute(JteViews.NOTICE, "trust.admin.leader-granted");
        return back(handle);
    }

    @PostMapping("/admin/users/{handle}/leader/remove")
    String remove(Account me, @PathVariable String handle, RedirectAttributes redirect) {
        admin.removeLeader(me, handle);
        redirect.addFlashAttribute(JteViews.NOTICE, "trust.admin.leader-removed");
        return back(handle);
    }

    private static String back(String handle) {
        return "redirect:/admin/users/" + UriUtils.encodePathSegment(handle, java.nio.charset.StandardCharsets.UTF_8);
    }

}
