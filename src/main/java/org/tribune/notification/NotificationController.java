package org.tribune.notification;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.web.JteViews;

/** The notification list and the digest setting. */
@Controller
class NotificationController {
    private final Notifications notifications;
    private final AccountService accounts;

    private final org.tribune.safety.SafetyService safety;

    NotificationController(Notifications notifications, AccountService accounts, org.tribune.safety.SafetyService safety) {
        this.notifications = notifications;
        this.accounts = accounts;
        this.safety = safety;
    }

    @GetMapping("/notifications")
    String list(Account me, @RequestParam(required = false) Long before, @RequestParam(defaultValue = "") String tab,
            Model model) {
        boolean requests = "requests".equals(tab);
        NotificationPage page = notifications.page(me.id(), before, requests);
        model.addAttribute("list", page);
        // the face of who did each thing (a page holds at most a few dozen people)
        java.util.Map<String, Account> faces = new java.util.HashMap<>();
        page.entries().stream().map(NotificationEntry::actor).filter(a -> a != null).map(NotificationEntry.Actor::handle)
                .distinct().forEach(handle -> accounts.byHandle(handle).ifPresent(a -> faces.put(handle, a)));
        model.addAttribute("faces", faces);
        model.addAttribute("before", before);
        model.addAttribute("requests", requests);
        model.addAttribute("requestsTab", safety.reach(me.id()).requestsTab());
        return "notification/list";
    }

    @PostMapping("/notifications/{id}/read")
    String read(Account me, @PathVariable long id, @RequestParam(required = false) Long before) {
        notifications.markRead(me.id(), id);
        return "redirect:/notifications" + (before == null ? "" : "?before=" + before) + "#n" + id;
    }

    @PostMapping("/notifications/read-all")
    String readAll(Account me, RedirectAttributes redirect) {
        notifications.markAllRead(me.id());
        redirect.addFlashAttribute(JteViews.NOTICE, "notification.all-read");
        return "redirect:/notifications";
    }

    @GetMapping("/settings/notifications")
    String settings(Account me, Model model) {
        model.addAttribute("digest", notifications.digest(me.id()).name());
        model.addAttribute("choices", choices());
        return "notification/settings";
    }

    @PostMapping("/settings/notifications")
    String saveSettings(Account me, @RequestParam(defaultValue = "") String digest, Model model, RedirectAttributes redirect) {
        try {
            notifications.setDigest(me.id(), digest);
        } catch (InvalidInput invalid) {
            model.addAttribute("digest", notifications.digest(me.id()).name());
            model.addAttribute("choices", choices());
            model.addAttribute(JteViews.ERRORS, invalid);
            return "notification/settings";
        }
        redirect.addFlashAttribute(JteViews.NOTICE, "notification.settings-saved");
        return "redirect:/settings/notifications";
    }

    private static List<String> choices() {
        return List.of(Digest.DAILY.name(), Digest.WEEKLY.name(), Digest.NEVER.name());
    }
}
