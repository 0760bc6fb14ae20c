package org.tribune.group;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
import org.springframework.web.multipart.MultipartFile;
import org.tribune.media.MediaService;
import org.tribune.media.PictureUse;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.web.JteViews;
import org.tribune.platform.web.Markdown;
import org.tribune.platform.web.Viewer;

/** Group pages: the directory, creating a group, joining and leaving, and what moderators and owners manage. */
@Controller
class GroupController {
    private static final int SUMMARY_MAX = 200;
    private final GroupService groups;
    private final GroupMembers groupMembers;
    private final GroupJoining groupJoining;
    private final AccountService accounts;
    private final Markdown markdown;

    private final Curation curation;

    GroupController(GroupService groups, GroupMembers groupMembers, GroupJoining groupJoining, AccountService accounts,
            Markdown markdown, Curation curation) {
        this.groupJoining = groupJoining;
        this.groupMembers = groupMembers;
        this.curation = curation;
        this.groups = groups;
        this.accounts = accounts;
        this.markdown = markdown;
    }

    @GetMapping("/groups")
    String directory(@RequestParam(defaultValue = "") String query, @RequestParam(defaultValue = "members") String sort,
            @RequestParam(required = false) String before, Viewer viewer, Model model) {
        GroupService.Sort order = "activity".equals(sort) ? GroupService.Sort.ACTIVITY : GroupService.Sort.MEMBERS;
        List<Group> found = groups.directory(query, order, before);
        model.addAttribute("query", query);
        model.addAttribute("sort", order == GroupService.Sort.ACTIVITY ? "activity" : "members");
        model.addAttribute("groups", found);
        model.addAttribute("icons", groups.icons(found.stream().map(Group::id).toList()));
        // Descriptions are Markdown: the directory shows their words, not their marks.
        model.addAttribute("summaries", found.stream().collect(Collectors.toMap(Group::id,
                g -> markdown.toPlainText(g.description(), SUMMARY_MAX))));
        model.addAttribute("next", found.size() == GroupService.PAGE_SIZE ? GroupService.cursorOf(found.getLast(), order) : null);
        model.addAttribute("mine", viewer == null ? List.of() : groups.mine(viewer.id()));
        model.addAttribute("invitations", viewer == null ? List.of() : groups.invitations(viewer.id()));
        return "group/directory";
    }

    @GetMapping("/groups/new")
    String newForm(Account me, Model model) {
        model.addAttribute("form", new GroupForm("", "", "", me.locale(), "PUBLIC", "OPEN", List.of(), false));
        model.addAttribute("editing", false);
        return "group/form";
    }

    @PostMapping("/groups")
    String create(Account me, @RequestParam Map<String, String> fields, Model model) {
        GroupForm form = form(fields);
        try {
            Group group = groups.create(me, form);
            return "redirect:" + path(group.slug());
        } catch (InvalidInput invalid) {
            model.addAttribute("form", form);
            model.addAttribute("editing", false);
            model.addAttribute(JteViews.ERRORS, invalid);
            return "group/form";
        }
    }

    @GetMapping("/groups/{slug}/settings")
    String settings(Account me, @PathVariable String slug, Model model) {
        GroupPage page = groups.view(slug, me);
        if (!page.isOwner()) {
            throw new org.tribune.platform.Forbidden("group.owners-only");
        }
        Group g = page.group();
        model.addAttribute("banner", page.banner());
        model.addAttribute("icon", page.icon());
        model.addAttribute("form", new GroupForm(g.slug(), g.name(), g.description(), g.language(), g.visibility().name(),
                g.joinPolicy().name(), g.joinQuestions(), g.moderatorsOnlyPosting()));
        model.addAttribute("editing", true);
        return "group/form";
    }

    @PostMapping("/groups/{slug}/settings")
    String update(Account me, @PathVariable String slug, @RequestParam Map<String, String> fields, Model model,
            RedirectAttributes redirect) {
        GroupForm form = form(fields);
        try {
            groups.update(me, slug, form);
        } catch (InvalidInput invalid) {
            model.addAttribute("form", new GroupForm(slug, form.name(), form.description(), form.language(),
                    form.visibility(), form.joinPolicy(), form.joinQuestions(), form.moderatorsOnlyPosting()));
            model.addAttribute("editing", true);
            model.addAttribute(JteViews.ERRORS, invalid);
            return "group/form";
        }
        redirect.addFlashAttribute(JteViews.NOTICE, "group.saved");
        return "redirect:" + path(slug);
    }

    /** The banner or icon form of the settings page (multipart, field {@code file}). */
    @PostMapping("/groups/{slug}/{kind:banner|icon}")
    String changePicture(Account me, @PathVariable String slug, @PathVariable String kind,
            @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
            throws java.io.IOException {
        PictureUse use = kind.equals("banner") ? PictureUse.BANNER : PictureUse.ICON;
        try {
            groups.changePicture(me, slug, use, new MediaService.Upload(file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes()));
            redirect.addFlashAttribute(JteViews.NOTICE, "group.picture-saved");
        } catch (InvalidInput invalid) {
            redirect.addFlashAttribute(JteViews.ERRORS, invalid);
        }
        return "redirect:" + path(slug) + "/settings";
    }

    @GetMapping("/groups/{slug}/join")
    String joinForm(Account me, @PathVariable String slug, Model model) {
        model.addAttribute("view", groups.view(slug, me));
        return "group/join";
    }

    @PostMapping("/groups/{slug}/join")
    String join(Account me, @PathVariable String slug, @RequestParam Map<String, String> fields, Model model,
            RedirectAttributes redirect) {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < GroupRules.QUESTIONS_MAX; i++) {
            answers.add(fields.getOrDefault("answer" + i, ""));
        }
        try {
            GroupJoining.JoinOutcome outcome = groupJoining.join(me, slug, answers);
            redirect.addFlashAttribute(JteViews.NOTICE, outcome == GroupJoining.JoinOutcome.JOINED ? "group.joined" : "group.requested");
        } catch (InvalidInput invalid) {
            model.addAttribute("view", groups.view(slug, me));
            model.addAttribute(JteViews.ERRORS, invalid);
            return "group/join";
        }
        return "redirect:" + path(slug);
    }

    @PostMapping("/groups/{slug}/leave")
    String leave(Account me, @PathVariable String slug, RedirectAttributes redirect) {
        groupJoining.leave(me, slug);
        redirect.addFlashAttribute(JteViews.NOTICE, "group.left");
        return "redirect:/groups";
    }

    @PostMapping("/groups/{slug}/withdraw")
    String withdraw(Account me, @PathVariable String slug, RedirectAttributes redirect) {
        groupJoining.withdrawRequest(me, slug);
        redirect.addFlashAttribute(JteViews.NOTICE, "group.withdrawn");
        return "redirect:" + path(slug);
    }

    @GetMapping("/groups/{slug}/members")
    String members(@PathVariable String slug, @RequestParam(defaultValue = "0") long after, Viewer viewer, Model model) {
        Account me = accounts.of(viewer).orElse(null);
        GroupPage view = groups.view(slug, me);
        List<Member> page = view.canRead() ? groupMembers.members(slug, me, after) : List.of();
        model.addAttribute("view", view);
        model.addAttribute("description", markdown.toSafeHtml(view.group().description()));
        model.addAttribute("staff", view.canRead() && after == 0 ? groupMembers.staff(slug, me) : List.of());
        model.addAttribute("members", page);
        List<Member> staff = view.canRead() && after == 0 ? groupMembers.staff(slug, me) : List.of();
        // faces beside names: the people of this page, read at once
        model.addAttribute("people", accounts.byIds(java.util.stream.Stream.concat(page.stream(), staff.stream())
                .map(Member::accountId).distinct().toList()));
        model.addAttribute("next", page.size() == GroupMembers.MEMBERS_PAGE ? page.getLast().accountId() : null);
        return "group/members";
    }

    @PostMapping("/groups/{slug}/members/{handle}/role")
    String role(Account me, @PathVariable String slug, @PathVariable String handle, @RequestParam(defaultValue = "") String role,
            RedirectAttributes redirect) {
        groupMembers.setRole(me, slug, handle, role);
        redirect.addFlashAttribute(JteViews.NOTICE, "group.role-changed");
        return "redirect:" + path(slug) + "/members";
    }

    @PostMapping("/groups/{slug}/members/{handle}/remove")
    String remove(Account me, @PathVariable String slug, @PathVariable String handle, RedirectAttributes redirect) {
        groupMembers.remove(me, slug, handle);
        redirect.addFlashAttribute(JteViews.NOTICE, "group.member-removed");
        return "redirect:" + path(slug) + "/members";
    }

    @GetMapping("/groups/{slug}/requests")
    String requests(Account me, @PathVariable String slug, Model model) {
        model.addAttribute("view", groups.view(slug, me));
        model.addAttribute("requests", groupJoining.requests(me, slug));
        return "group/requests";
    }

    @PostMapping("/groups/{slug}/requests/{id}/approve")
    String approve(Account me, @PathVariable String slug, @PathVariable long id, RedirectAttributes redirect) {
        groupJoining.approve(me, slug, id);
        redirect.addFlashAttribute(JteViews.NOTICE, "group.request-approved");
        return "redirect:" + path(slug) + "/requests";
    }

    @PostMapping("/groups/{slug}/requests/{id}/decline")
    String decline(Account me, @PathVariable String slug, @PathVariable long id, RedirectAttributes redirect) {
        groupJoining.decline(me, slug, id);
        redirect.addFlashAttribute(JteViews.NOTICE, "group.request-declined");
        return "redirect:" + path(slug) + "/requests";
    }

    @GetMapping("/groups/{slug}/bans")
    String bans(Account me, @PathVariable String slug, Model model) {
        model.addAttribute("view", groups.view(slug, me));
        model.addAttribute("bans", groupMembers.bans(me, slug));
        return "group/bans";
    }

    @PostMapping("/groups/{slug}/bans")
    String ban(Account me, @PathVariable String slug, @RequestParam(defaultValue = "") String handle,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        groupMembers.ban(me, slug, handle.strip().replaceFirst("^@", ""), reason);
        redirect.addFlashAttribute(JteViews.NOTICE, "group.banned-done");
        return "redirect:" + path(slug) + "/bans";
    }

    @PostMapping("/groups/{slug}/bans/{handle}/delete")
    String unban(Account me, @PathVariable String slug, @PathVariable String handle, RedirectAttributes redirect) {
        groupMembers.unban(me, slug, handle);
        redirect.addFlashAttribute(JteViews.NOTICE, "group.unbanned");
        return "redirect:" + path(slug) + "/bans";
    }

    @PostMapping("/groups/{slug}/invitations")
    String invite(Account me, @PathVariable String slug, @RequestParam(defaultValue = "") String handle,
            RedirectAttributes redirect) {
        groupMembers.invite(me, slug, handle.strip().replaceFirst("^@", ""));
        redirect.addFlashAttribute(JteViews.NOTICE, "group.invited");
        return "redirect:" + path(slug) + "/members";
    }

    @GetMapping("/admin/groups")
    String adminDefaults(Model model) {
        model.addAttribute("curated", curation.curated());
        return "group/admin-defaults";
    }

    /** Curates a group (or stops), and makes a curated group one newcomers are offered first (or stops). */
    @PostMapping("/admin/groups")
    String adminSetDefault(@RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "false") boolean curated,
            @RequestParam(defaultValue = "false") boolean isDefault,
            @RequestParam(defaultValue = "false") boolean moderatorsOnlyPosting, RedirectAttributes redirect) {
        if (curated) {
            curation.setCurated(slug, true);
            groups.setDefault(slug.strip(), isDefault, moderatorsOnlyPosting);
        } else {
            curation.setCurated(slug, false);
        }
        redirect.addFlashAttribute(JteViews.NOTICE, "group.defaults-saved");
        return "redirect:/admin/groups";
    }

    static String path(String slug) {
        return "/groups/" + UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8);
    }

    private static GroupForm form(Map<String, String> fields) {
        List<String> questions = new ArrayList<>();
        for (int i = 0; i < GroupRules.QUESTIONS_MAX + 1; i++) {
            questions.add(fields.get("question" + i));
        }
        return new GroupForm(fields.getOrDefault("slug", ""), fields.getOrDefault("name", ""),
                fields.getOrDefault("description", ""), fields.getOrDefault("language", "en"),
                fields.getOrDefault("visibility", ""), fields.getOrDefault("joinPolicy", ""), questions,
                "true".equals(fields.get("moderatorsOnlyPosting")));
    }
}
