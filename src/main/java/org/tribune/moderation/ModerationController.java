package org.tribune.moderation;

import java.util.List;

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
import org.tribune.platform.web.Viewer;
import org.tribune.post.Comment;
import org.tribune.post.Post;
import org.tribune.post.PostReads;
import org.tribune.post.PostService;

/** Flag forms, the moderators' queue and appeals, the public log, and "decisions about me". */
@Controller
class ModerationController {
    private final FlagService flags;
    private final ModerationService moderation;
    private final PostService posts;
    private final PostReads reads;

    private final ContentWarnings warnings;

    ModerationController(FlagService flags, ModerationService moderation, PostService posts, PostReads reads,
            ContentWarnings warnings) {
        this.warnings = warnings;
        this.flags = flags;
        this.moderation = moderation;
        this.posts = posts;
        this.reads = reads;
    }

    @GetMapping("/p/{id}/flag")
    String flagPost(Account me, @PathVariable long id, Model model) {
        Post post = posts.read(id, me.id());
        model.addAttribute("item", reads.item(post, me.id()));
        model.addAttribute("commentId", null);
        model.addAttribute("canLock", moderation.canLock(me, post));
        model.addAttribute("locked", posts.isLocked(id));
        model.addAttribute("reasons", FlagReason.CHOSEN_BY_PEOPLE);
        return "moderation/flag";
    }

    @GetMapping("/comments/{id}/flag")
    String flagComment(Account me, @PathVariable long id, Model model) {
        Comment comment = posts.comment(id, me.id());
        Post post = posts.read(comment.postId(), me.id());
        model.addAttribute("item", reads.item(post, me.id()));
        model.addAttribute("commentId", id);
        model.addAttribute("canLock", false);
        model.addAttribute("locked", false);
        model.addAttribute("reasons", List.of(FlagReason.SPAM, FlagReason.HARASSMENT, FlagReason.ILLEGAL, FlagReason.OFF_TOPIC));
        return "moderation/flag";
    }

    @PostMapping("/p/{id}/flag")
    String flagPost(Account me, @PathVariable long id, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        FlagService.Outcome outcome = flags.flag(me, TargetKind.POST, id, FlagReason.parse(reason));
        redirect.addFlashAttribute(JteViews.NOTICE, "flag.outcome." + outcome.name().toLowerCase(java.util.Locale.ROOT));
        return outcome == FlagService.Outcome.HIDDEN ? "redirect:/moderation/log" : "redirect:/p/" + id;
    }

    @PostMapping("/comments/{id}/flag")
    String flagComment(Account me, @PathVariable long id, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        Comment comment = posts.comment(id, me.id());
        FlagService.Outcome outcome = flags.flag(me, TargetKind.COMMENT, id, FlagReason.parse(reason));
        redirect.addFlashAttribute(JteViews.NOTICE, "flag.outcome." + outcome.name().toLowerCase(java.util.Locale.ROOT));
        return "redirect:/p/" + comment.postId();
    }

    /** A moderator of the post's group adds a content warning to it (written to the public moderation log). */
    @PostMapping("/p/{id}/warning")
    String warn(Account me, @PathVariable long id, @RequestParam(defaultValue = "") String contentWarning,
            RedirectAttributes redirect) {
        try {
            warnings.warn(me, id, contentWarning);
            redirect.addFlashAttribute(JteViews.NOTICE, "moderation.warned");
        } catch (InvalidInput invalid) {
            redirect.addFlashAttribute(JteViews.ERRORS, invalid);
        }
        return "redirect:/p/" + id;
    }

    @PostMapping("/p/{id}/lock")
    String lock(Account me, @PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        moderation.lock(me, id, true, reason);
        redirect.addFlashAttribute(JteViews.NOTICE, "moderation.locked");
        return "redirect:/p/" + id;
    }

    @PostMapping("/p/{id}/unlock")
    String unlock(Account me, @PathVariable long id, RedirectAttributes redirect) {
        moderation.lock(me, id, false, "");
        redirect.addFlashAttribute(JteViews.NOTICE, "moderation.unlocked");
        return "redirect:/p/" + id;
    }

    @GetMapping("/moderation/log")
    String log(@RequestParam(defaultValue = "" + Long.MAX_VALUE) long before, Viewer viewer, Model model) {
        List<LogEntry> entries = moderation.log(viewer == null ? null : viewer.id(), before, 50);
        model.addAttribute("entries", entries);
        model.addAttribute("next", entries.size() == 50 ? entries.getLast().action().id() : null);
        return "moderation/log";
    }

    @GetMapping("/moderation/queue")
    String queue(Account me, Model model) {
        model.addAttribute("items", moderation.queue(me));
        model.addAttribute("rules", ModerationService.RULES.stream().sorted().toList());
        model.addAttribute("site", Moderators.site(me));
        return "moderation/queue";
    }

    @PostMapping("/moderation/decide")
    String decide(Account me, @RequestParam(defaultValue = "") String kind, @RequestParam long targetId,
            @RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "") String rule,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        moderation.decide(me, kind(kind), targetId, agree(decision), rule, reason);
        redirect.addFlashAttribute(JteViews.NOTICE, "moderation.decided");
        return "redirect:/moderation/queue";
    }

    @PostMapping("/moderation/suspend")
    String suspend(Account me, @RequestParam(defaultValue = "") String handle, @RequestParam(defaultValue = "0") int days,
            @RequestParam(defaultValue = "") String rule, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        moderation.suspend(me, handle, days, rule, reason);
        redirect.addFlashAttribute(JteViews.NOTICE, "moderation.suspended");
        return "redirect:/moderation/queue";
    }

    @PostMapping("/moderation/ban")
    String ban(Account me, @RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String handle,
            @RequestParam(defaultValue = "0") int days, @RequestParam(defaultValue = "") String rule,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        moderation.ban(me, slug, handle, days, rule, reason);
        redirect.addFlashAttribute(JteViews.NOTICE, "moderation.banned");
        return "redirect:/moderation/queue";
    }

    @GetMapping("/moderation/mine")
    String mine(Account me, Model model) {
        model.addAttribute("decisions", moderation.aboutMe(me));
        model.addAttribute("suspended", me.state() == org.tribune.account.AccountState.SUSPENDED);
        return "moderation/mine";
    }

    @PostMapping("/moderation/actions/{id}/appeal")
    String appeal(Account me, @PathVariable long id, @RequestParam(defaultValue = "") String body,
            RedirectAttributes redirect) {
        try {
            moderation.appeal(me, id, body);
            redirect.addFlashAttribute(JteViews.NOTICE, "appeal.sent");
        } catch (InvalidInput invalid) {
            redirect.addFlashAttribute(JteViews.ERRORS, invalid);
        }
        return "redirect:/moderation/mine";
    }

    @GetMapping("/moderation/appeals")
    String appeals(Account me, Model model) {
        model.addAttribute("cases", moderation.appeals(me));
        return "moderation/appeals";
    }

    @PostMapping("/moderation/appeals/{id}")
    String decideAppeal(Account me, @PathVariable long id, @RequestParam(defaultValue = "") String decision,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        if (!decision.equals("uphold") && !decision.equals("reverse")) {
            throw InvalidInput.of("decision", "appeal.decision-unknown");
        }
        moderation.decideAppeal(me, id, decision.equals("reverse"), reason);
        redirect.addFlashAttribute(JteViews.NOTICE, "appeal.decided-notice");
        return "redirect:/moderation/appeals";
    }

    static TargetKind kind(String kind) {
        return switch (kind) {
            case "post" -> TargetKind.POST;
            case "comment" -> TargetKind.COMMENT;
            default -> throw InvalidInput.of("kind", "flag.kind-unknown");
        };
    }

    static boolean agree(String decision) {
        return switch (decision) {
            case "agree" -> true;
            case "disagree" -> false;
            default -> throw InvalidInput.of("decision", "moderation.decision-unknown");
        };
    }
}
