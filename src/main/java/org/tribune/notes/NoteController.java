package org.tribune.notes;

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
import org.tribune.platform.Forbidden;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.web.JteViews;
import org.tribune.platform.web.Viewer;
import org.tribune.post.PostReads;
import org.tribune.post.PostService;

/** The notes of a post (read, rate, write), the list of notes needing ratings, and the page that explains scoring. */
@Controller
class NoteController {
    private final NoteService notes;
    private final NoteScoring scoring;
    private final PostService posts;
    private final PostReads reads;
    private final AccountService accounts;

    NoteController(NoteService notes, NoteScoring scoring, PostService posts, PostReads reads, AccountService accounts) {
        this.notes = notes;
        this.scoring = scoring;
        this.posts = posts;
        this.reads = reads;
        this.accounts = accounts;
    }

    @GetMapping("/p/{id}/notes")
    String ofPost(@PathVariable long id, Viewer viewer, Model model) {
        Account me = accounts.of(viewer).orElse(null);
        Long viewerId = me == null ? null : me.id();
        model.addAttribute("item", reads.item(posts.read(id, viewerId), viewerId));
        List<NoteView> shown = notes.ofPost(id, me);
        model.addAttribute("notes", shown);
        model.addAttribute("cannotWrite", me == null ? "notes.login-to-write"
                : shown.stream().anyMatch(NoteView::mine) ? "notes.already-written" : notes.whyCannotWrite(me));
        model.addAttribute("tags", Helpfulness.TAGS.stream().sorted().toList());
        return "notes/post";
    }

    @PostMapping("/p/{id}/notes")
    String write(Account me, @PathVariable long id, @RequestParam(defaultValue = "misleading") String classification,
            @RequestParam(defaultValue = "") String body, RedirectAttributes redirect) {
        try {
            notes.write(me, id, !"not-misleading".equals(classification), body);
            redirect.addFlashAttribute(JteViews.NOTICE, "notes.written");
        } catch (InvalidInput invalid) {
            redirect.addFlashAttribute(JteViews.ERRORS, invalid);
            redirect.addFlashAttribute("noteDraft", body);
        }
        return "redirect:/p/" + id + "/notes";
    }

    @PostMapping("/notes/{id}/rate")
    String rate(Account me, @PathVariable long id, @RequestParam(defaultValue = "") String helpfulness,
            @RequestParam(required = false) List<String> tags, @RequestParam(defaultValue = "") String returnTo,
            RedirectAttributes redirect) {
        notes.rate(me, id, Helpfulness.parse(helpfulness), tags);
        NoteView note = notes.note(id, me);
        redirect.addFlashAttribute(JteViews.NOTICE, "notes.rated");
        return "redirect:" + ("needs-ratings".equals(returnTo) ? "/notes/needs-ratings" : "/p/" + note.note().postId() + "/notes");
    }

    /** The notes offered to this rater, those lacking ratings from their side first ({@link NoteRouting}). */
    @GetMapping("/notes/needs-ratings")
    String needingRatings(Account me, @RequestParam(defaultValue = "") String after, Model model) {
        NoteService.RatingQueue queue = notes.needingRatings(me, after, 20);
        List<NoteView> list = queue.notes();
        model.addAttribute("notes", list);
        model.addAttribute("posts", reads.items(list.stream().map(v -> posts.read(v.note().postId(), me.id())).toList(), me.id()));
        model.addAttribute("requested", reads.items(notes.requestedContext(me, 10), me.id()));
        model.addAttribute("next", queue.next());
        model.addAttribute("tags", Helpfulness.TAGS.stream().sorted().toList());
        return "notes/needs-ratings";
    }

    @GetMapping("/notes/about")
    String about() {
        return "notes/about";
    }

    @PostMapping("/notes/scoring")
    String score(Account me, RedirectAttributes redirect) {
        if (!me.isAdmin()) {
            throw new Forbidden("notes.admins-only");
        }
        scoring.run();
        redirect.addFlashAttribute(JteViews.NOTICE, "notes.scored");
        return "redirect:/notes/needs-ratings";
    }
}
