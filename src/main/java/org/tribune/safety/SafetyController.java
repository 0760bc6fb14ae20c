package org.tribune.safety;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.account.MentionPolicy;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.web.JteViews;

/** The profile menu's block and mute buttons, and the settings page with the lists (and their undo) and reach. */
@Controller
class SafetyController {
    private final SafetyService safety;
    private final WordFilters filters;
    private final AccountService accounts;
    private final Clock clock;

    SafetyController(SafetyService safety, WordFilters filters, AccountService accounts, Clock clock) {
        this.safety = safety;
        this.filters = filters;
        this.accounts = accounts;
        this.clock = clock;
    }

    @PostMapping("/@{handle}/block")
    String block(Account me, @PathVariable String handle, @RequestParam(required = false) String back, RedirectAttributes redirect) {
        safety.block(me, handle);
        redirect.addFlashAttribute(JteViews.NOTICE, "safety.blocked");
        return back(back, handle);
    }

    @PostMapping("/@{handle}/unblock")
    String unblock(Account me, @PathVariable String handle, @RequestParam(required = false) String back, RedirectAttributes redirect) {
        safety.unblock(me, handle);
        redirect.addFlashAttribute(JteViews.NOTICE, "safety.unblocked");
        return back(back, handle);
    }

    /** {@code days}: how long the mute lasts; empty or 0 for good. */
    @PostMapping("/@{handle}/mute")
    String mute(Account me, @PathVariable String handle, @RequestParam(defaultValue = "0") String days,
            @RequestParam(required = false) String back, RedirectAttributes redirect) {
        int length = days(days);
        Instant until = length == 0 ? null : clock.instant().plus(Duration.ofDays(length));
        safety.mute(me, handle, until);
        redirect.addFlashAttribute(JteViews.NOTICE, "safety.muted");
        return back(back, handle);
    }

    @PostMapping("/@{handle}/unmute")
    String unmute(Account me, @PathVariable String handle, @RequestParam(required = false) String back, RedirectAttributes redirect) {
        safety.unmute(me, handle);
        redirect.addFlashAttribute(JteViews.NOTICE, "safety.unmuted");
        return back(back, handle);
    }

    @GetMapping("/settings/safety")
    String settings(Account me, Model model) {
        model.addAttribute("blocks", safety.blocks(me.id()));
        model.addAttribute("mutes", safety.mutes(me.id()));
        model.addAttribute("reach", safety.reach(me.id()));
        model.addAttribute("mentions", accounts.privacy(me.id()).mentions().name());
        model.addAttribute("filters", filters.of(me.id()));
        return "safety/settings";
    }

    @PostMapping("/settings/safety/reach")
    String reach(Account me, @RequestParam(defaultValue = "EVERYONE") String mentions,
            @RequestParam(defaultValue = "EVERYONE") String profileReplies,
            @RequestParam(defaultValue = "EVERYONE") String groupInvitations,
            @RequestParam(defaultValue = "false") boolean requestsTab, @RequestParam(defaultValue = "0") String requestsYoungerDays,
            @RequestParam(defaultValue = "false") boolean openWarnings, RedirectAttributes redirect) {
        int days;
        try {
            days = Integer.parseInt(requestsYoungerDays.strip());
        } catch (NumberFormatException notANumber) {
            throw InvalidInput.of("requestsYoungerDays", "safety.days-invalid", Reach.MAX_DAYS);
        }
        Reach.Audience mention = audience("mentions", mentions);
        safety.setReach(me.id(), new Reach(audience("profileReplies", profileReplies), audience("groupInvitations", groupInvitations),
                requestsTab, days, openWarnings), switch (mention) {
                    case EVERYONE -> MentionPolicy.EVERYONE;
                    case FOLLOWING -> MentionPolicy.FOLLOWED;
                    case NOBODY -> MentionPolicy.NOBODY;
                });
        redirect.addFlashAttribute(JteViews.NOTICE, "settings.saved");
        return "redirect:/settings/safety";
    }

    @PostMapping("/settings/safety/filters")
    String addFilter(Account me, @RequestParam(defaultValue = "") String phrase,
            @RequestParam(required = false) java.util.List<String> contexts, @RequestParam(defaultValue = "WARN") String action,
            @RequestParam(defaultValue = "0") String days, RedirectAttributes redirect) {
        int length = days(days);
        try {
            filters.create(me, new WordFilters.Request(phrase, contexts, action,
                    length == 0 ? null : clock.instant().plus(Duration.ofDays(length))));
            redirect.addFlashAttribute(JteViews.NOTICE, "safety.filter.added");
        } catch (InvalidInput invalid) {
            redirect.addFlashAttribute(JteViews.ERRORS, invalid);
        }
        return "redirect:/settings/safety";
    }

    @PostMapping("/settings/safety/filters/{id}/delete")
    String deleteFilter(Account me, @PathVariable long id, RedirectAttributes redirect) {
        filters.delete(me, id);
        redirect.addFlashAttribute(JteViews.NOTICE, "safety.filter.deleted");
        return "redirect:/settings/safety";
    }

    private static int days(String days) {
        int length;
        try {
            length = Integer.parseInt(days.strip());
        } catch (NumberFormatException notANumber) {
            throw InvalidInput.of("days", "safety.days-invalid", Reach.MAX_DAYS);
        }
        if (length < 0 || length > Reach.MAX_DAYS) {
            throw InvalidInput.of("days", "safety.days-invalid", Reach.MAX_DAYS);
        }
        return length;
    }

    static Reach.Audience audience(String field, String value) {
        try {
            return Reach.Audience.valueOf(value.strip());
        } catch (IllegalArgumentException unknown) {
            throw InvalidInput.of(field, "safety.audience-invalid");
        }
    }

    /** Back to the settings page when the button was there, else to the profile. */
    private static String back(String back, String handle) {
        if ("settings".equals(back)) {
            return "redirect:/settings/safety";
        }
        return "redirect:/@" + UriUtils.encodePathSegment(handle, StandardCharsets.UTF_8);
    }
}
