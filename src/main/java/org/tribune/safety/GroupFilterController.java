package org.tribune.safety;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tribune.account.Account;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.web.JteViews;

/** A group's filters page, for its moderators: the list, and a form to add one. */
@Controller
class GroupFilterController {
    private final GroupFilters filters;

    GroupFilterController(GroupFilters filters) {
        this.filters = filters;
    }

    @GetMapping("/groups/{slug}/filters")
    String list(Account me, @PathVariable String slug, Model model) {
        model.addAttribute("group", filters.group(me, slug));
        model.addAttribute("filters", filters.of(me, slug));
        return "safety/group-filters";
    }

    @PostMapping("/groups/{slug}/filters")
    String add(Account me, @PathVariable String slug, @RequestParam(defaultValue = "") String phrase,
            @RequestParam(defaultValue = "HOLD") String action, RedirectAttributes redirect) {
        ModeratedGroups.ModeratedGroup group = filters.group(me, slug);
        try {
            filters.add(me, slug, phrase, action);
            redirect.addFlashAttribute(JteViews.NOTICE, "safety.group-filter.added");
        } catch (InvalidInput invalid) {
            redirect.addFlashAttribute(JteViews.ERRORS, invalid);
        }
        return "redirect:/groups/" + group.slug() + "/filters";
    }

    @PostMapping("/groups/{slug}/filters/{id}/delete")
    String delete(Account me, @PathVariable String slug, @PathVariable long id, RedirectAttributes redirect) {
        ModeratedGroups.ModeratedGroup group = filters.group(me, slug);
        filters.remove(me, slug, id);
        redirect.addFlashAttribute(JteViews.NOTICE, "safety.group-filter.deleted");
        return "redirect:/groups/" + group.slug() + "/filters";
    }
}
