package org.tribune.account;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import org.tribune.platform.web.JteViews;

/** /admin/users: find accounts, suspend them, change their role, and see what administrators did. */
@Controller
class AdminUsersController {
    private final AccountAdministration admin;
    private final org.springframework.beans.factory.ObjectProvider<TrustLevelLookup> trust;

    AdminUsersController(AccountAdministration admin, org.springframework.beans.factory.ObjectProvider<TrustLevelLookup> trust) {
        this.admin = admin;
        this.trust = trust;
    }

    @GetMapping("/admin/users")
    String list(@RequestParam(defaultValue = "") String query, @RequestParam(required = false) Long before, Model model) {
        var accounts = admin.search(query, before);
        model.addAttribute("query", query);
        model.addAttribute("accounts", accounts);
        model.addAttribute("next", accounts.size() == AccountAdministration.PAGE_SIZE ? accounts.getLast().id() : null);
        return "admin/users";
    }

    @GetMapping("/admin/users/{handle}")
    String one(@PathVariable String handle, Model model) {
        Account account = admin.byHandle(handle);
        model.addAttribute("account", account);
        model.addAttribute("audit", admin.auditOf(account.id()));
        model.addAttribute("names", admin.displayNameHistory(account.id()));
        model.addAttribute("roles", Role.values());
        TrustLevelLookup levels = trust.getIfAvailable();
        model.addAttribute("trustLevel", levels == null ? null : levels.trustLevel(account.id()));
        return "admin/user";
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(required = false) Long before, Model model) {
        var entries = admin.audit(before);
        model.addAttribute("entries", entries);
        model.addAttribute("next", entries.size() == AccountAdministration.PAGE_SIZE ? entries.getLast().id() : null);
        return "admin/audit";
    }

    @PostMapping("/admin/users/{handle}/suspend")
    String suspend(Account me, @PathVariable String handle, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        admin.suspend(me, handle, reason);
        redirect.addFlashAttribute(JteViews.NOTICE, "admin.suspended");
        return back(handle);
    }

    @PostMapping("/admin/users/{handle}/unsuspend")
    String unsuspend(Account me, @PathVariable String handle, RedirectAttributes redirect) {
        admin.unsuspend(me, handle);
        redirect.addFlashAttribute(JteViews.NOTICE, "admin.unsuspended");
        return back(handle);
    }

    @PostMapping("/admin/users/{handle}/role")
    String role(Account me, @PathVariable String handle, @RequestParam(defaultValue = "") String role,
            RedirectAttributes redirect) {
        admin.changeRole(me, handle, role);
        redirect.addFlashAttribute(JteViews.NOTICE, "admin.role-changed");
        return back(handle);
    }

    private static String back(String handle) {
        return "redirect:/admin/users/" + UriUtils.encodePathSegment(handle, java.nio.charset.StandardCharsets.UTF_8);
    }
}
