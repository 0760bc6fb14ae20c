package org.tribune.wiki;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.account.AccountState;
import org.tribune.group.GroupPage;
import org.tribune.group.GroupService;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.NotFound;
import org.tribune.platform.web.JteViews;
import org.tribune.platform.web.Markdown;
import org.tribune.platform.web.Viewer;

/**
 * The wiki's pages, the same for a post ({@code /p/{id}/...}) and a group's wiki page ({@code /groups/{slug}/wiki/...}):
 * edit (with conflicts shown side by side), history, diff, revert, rollback, review, talk, modes and moves.
 */
@Controller
class WikiController {
    private final WikiService wiki;
    private final TalkService talk;
    private final Recategorisation moves;
    private final AccountService accounts;
    private final GroupService groups;
    private final Markdown markdown;

    WikiController(WikiService wiki, TalkService talk, Recategorisation moves, AccountService accounts, GroupService groups,
            Markdown markdown) {
        this.wiki = wiki;
        this.talk = talk;
        this.moves = moves;
        this.accounts = accounts;
        this.groups = groups;
        this.markdown = markdown;
    }

    /** Which document a page is about, and where its pages live. */
    record Where(Document ref, String base) {
    }

    private static Where post(long id) {
        return new Where(Document.post(id), "/p/" + id);
    }

    private Where group(String slug, Account viewer) {
        GroupPage page = groups.view(slug, viewer);
        return new Where(Document.groupPage(page.group().id()), "/groups/" + page.group().slug() + "/wiki");
    }

    /** A domain's source label; its pages exist once someone has edited or discussed it. */
    private Where source(String domain, boolean create) {
        Document ref = wiki.named(Document.SOURCE_LABEL, domain, create);
        return new Where(ref, wiki.document(ref, null).path());
    }

    private Account viewer(Viewer viewer) {
        return accounts.of(viewer).orElse(null);
    }

    // --- the group's wiki page ---------------------------------------------------------------------------------

    @GetMapping("/groups/{slug}/wiki")
    String groupPage(@PathVariable String slug, Viewer viewer, Model model) {
        Account me = viewer(viewer);
        GroupPage view = groups.view(slug, me);
        Document ref = Document.groupPage(view.group().id());
        WikiDocument doc = wiki.document(ref, me);
        model.addAttribute("view", view);
        model.addAttribute("doc", doc);
        model.addAttribute("html", markdown.toSafeHtml(doc.current().body()));
        model.addAttribute("rights", wiki.rights(doc, me));
        model.addAttribute("editorCount", wiki.editorCount(ref));
        return "wiki/page";
    }

    @PostMapping("/groups/{slug}/wiki/mode")
    String groupMode(Account me, @PathVariable String slug, @RequestParam(defaultValue = "") String mode, RedirectAttributes redirect) {
        Where where = group(slug, me);
        wiki.setGroupMode(me, where.ref().id(), EditMode.parse(mode));
        redirect.addFlashAttribute(JteViews.NOTICE, "wiki.mode-saved");
        return "redirect:" + where.base() + "/history";
    }

    // --- edit --------------------------------------------------------------------------------------------------

    @GetMapping("/p/{id}/edit")
    String editPost(Account me, @PathVariable long id, Model model) {
        return editForm(me, post(id), model);
    }

    @GetMapping("/groups/{slug}/wiki/edit")
    String editGroupPage(Account me, @PathVariable String slug, Model model) {
        return editForm(me, group(slug, me), model);
    }

    private String editForm(Account me, Where where, Model model) {
        WikiDocument doc = wiki.document(where.ref(), me);
        Rights rights = wiki.rights(doc, me);
        if (!rights.mayEdit()) {
            throw new org.tribune.platform.Forbidden(rights.refusal());
        }
        Revision current = wiki.current(where.ref(), me).orElse(null);
        return editPage(model, where, doc, rights, current == null ? doc.current() : current.content(),
                current == null ? null : current.id(), "", null);
    }

    @PostMapping("/p/{id}/edit")
    String savePost(Account me, @PathVariable long id, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "") String link,
            @RequestParam(defaultValue = "") String linkSummary, @RequestParam(defaultValue = "") String summary,
            @RequestParam(required = false) Long baseRevisionId, Model model, RedirectAttributes redirect) {
        return save(me, post(id), new Content(title, body, link, linkSummary), summary, baseRevisionId, model, redirect);
    }

    @PostMapping("/groups/{slug}/wiki/edit")
    String saveGroupPage(Account me, @PathVariable String slug, @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "") String summary, @RequestParam(required = false) Long baseRevisionId,
            Model model, RedirectAttributes redirect) {
        Where where = group(slug, me);
        return save(me, where, Content.ofBody(body), summary, baseRevisionId, model, redirect);
    }

    private String save(Account me, Where where, Content content, String summary, Long baseRevisionId, Model model,
            RedirectAttributes redirect) {
        try {
            WikiService.Saved saved = wiki.propose(me, where.ref(), new WikiService.Proposal(content, summary, baseRevisionId));
            redirect.addFlashAttribute(JteViews.NOTICE, saved.live() ? "wiki.saved" : "wiki.saved-pending");
            return "redirect:" + (saved.live() ? where.base() : where.base() + "/history");
        } catch (EditConflict conflict) {
            WikiDocument doc = wiki.document(where.ref(), me);
            model.addAttribute("theirs", Comparison.fields(conflict.base(), conflict.current().content()));
            model.addAttribute("mine", Comparison.fields(conflict.base(), conflict.mine()));
            return editPage(model, where, doc, wiki.rights(doc, me), conflict.mine(), conflict.current().id(), summary, null);
        } catch (InvalidInput invalid) {
            WikiDocument doc = wiki.document(where.ref(), me);
            return editPage(model, where, doc, wiki.rights(doc, me), content, baseRevisionId, summary, invalid);
        }
    }

    private String editPage(Model model, Where where, WikiDocument doc, Rights rights, Content draft, Long baseId,
            String summary, InvalidInput errors) {
        model.addAttribute("where", where);
        model.addAttribute("doc", doc);
        model.addAttribute("rights", rights);
        model.addAttribute("draft", draft);
        model.addAttribute("baseId", baseId);
        model.addAttribute("summary", summary);
        model.addAttribute("isPost", PostDocuments.KIND.equals(where.ref().kind()));
        if (errors != null) {
            model.addAttribute(JteViews.ERRORS, errors);
        }
        return "wiki/edit";
    }

    // --- history and diffs -------------------------------------------------------------------------------------

    @GetMapping("/p/{id}/history")
    String postHistory(@PathVariable long id, @RequestParam(defaultValue = "0") int before, Viewer viewer, Model model) {
        Account me = viewer(viewer);
        Where where = post(id);
        WikiDocument doc = wiki.document(where.ref(), me);
        model.addAttribute("moves", moves.moves(id, me));
        model.addAttribute("moveTargets", moves.targets(doc, me));
        model.addAttribute("override", wiki.override(where.ref()).orElse(null));
        return history(me, where, before, model);
    }

    @GetMapping("/groups/{slug}/wiki/history")
    String groupHistory(@PathVariable String slug, @RequestParam(defaultValue = "0") int before, Viewer viewer, Model model) {
        Account me = viewer(viewer);
        model.addAttribute("moves", List.of());
        model.addAttribute("moveTargets", List.of());
        model.addAttribute("override", null);
        return history(me, group(slug, me), before, model);
    }

    @GetMapping("/sources/{domain}/history")
    String sourceHistory(@PathVariable String domain, @RequestParam(defaultValue = "0") int before, Viewer viewer, Model model) {
        model.addAttribute("moves", List.of());
        model.addAttribute("moveTargets", List.of());
        model.addAttribute("override", null);
        model.addAttribute("modeLegend", "wiki.mode-source-legend");
        return history(viewer(viewer), source(domain, false), before, model);
    }

    private String history(Account me, Where where, int before, Model model) {
        WikiService.History history = wiki.history(where.ref(), me, before);
        Map<Long, Integer> seqs = new HashMap<>();
        history.entries().forEach(e -> seqs.put(e.revision().id(), e.revision().seq()));
        for (WikiService.Entry e : history.entries()) {
            Long restores = e.revision().restoresId();
            if (restores != null && !seqs.containsKey(restores)) {
                try {
                    seqs.put(restores, wiki.revision(where.ref(), restores, me).revision().seq());
                } catch (NotFound hidden) {
                    // not shown to this reader
                }
            }
        }
        Set<Long> people = new HashSet<>();
        history.entries().forEach(e -> people.add(e.revision().editorId()));
        model.addAttribute("where", where);
        model.addAttribute("history", history);
        model.addAttribute("seqs", seqs);
        model.addAttribute("people", names(people));
        model.addAttribute("isPost", PostDocuments.KIND.equals(where.ref().kind()));
        return "wiki/history";
    }

    /** Display names by account id; deleted accounts answer null and are shown as "former member". */
    private Map<Long, Account> names(Set<Long> ids) {
        Map<Long, Account> found = new HashMap<>(accounts.byIds(new ArrayList<>(ids)));
        found.values().removeIf(a -> a.state() == AccountState.DELETED);
        return found;
    }

    @GetMapping("/p/{id}/diff")
    String postDiff(@PathVariable long id, @RequestParam(required = false) Long from, @RequestParam long to, Viewer viewer, Model model) {
        return diff(viewer(viewer), post(id), from, to, model);
    }

    @GetMapping("/groups/{slug}/wiki/diff")
    String groupDiff(@PathVariable String slug, @RequestParam(required = false) Long from, @RequestParam long to, Viewer viewer,
            Model model) {
        Account me = viewer(viewer);
        return diff(me, group(slug, me), from, to, model);
    }

    @GetMapping("/sources/{domain}/diff")
    String sourceDiff(@PathVariable String domain, @RequestParam(required = false) Long from, @RequestParam long to,
            Viewer viewer, Model model) {
        return diff(viewer(viewer), source(domain, false), from, to, model);
    }

    private String diff(Account me, Where where, Long fromId, long toId, Model model) {
        WikiDocument doc = wiki.document(where.ref(), me);
        WikiService.Entry to = wiki.revision(where.ref(), toId, me);
        Revision from = fromId == null ? wiki.previous(where.ref(), to.revision(), me).orElse(null)
                : wiki.revision(where.ref(), fromId, me).revision();
        Content before = from == null ? new Content("", "", null, null) : from.content();
        Set<Long> people = new HashSet<>(Set.of(to.revision().editorId()));
        if (from != null) {
            people.add(from.editorId());
        }
        model.addAttribute("where", where);
        model.addAttribute("doc", doc);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("fields", Comparison.fields(where.ref().kind(), before, to.revision().content()));
        model.addAttribute("people", names(people));
        return "wiki/diff";
    }

    // --- revert, rollback, review ------------------------------------------------------------------------------

    @PostMapping("/p/{id}/revisions/{rev}/revert")
    String revertPost(Account me, @PathVariable long id, @PathVariable long rev, RedirectAttributes redirect) {
        return revert(me, post(id), rev, redirect);
    }

    @PostMapping("/groups/{slug}/wiki/revisions/{rev}/revert")
    String revertGroupPage(Account me, @PathVariable String slug, @PathVariable long rev, RedirectAttributes redirect) {
        return revert(me, group(slug, me), rev, redirect);
    }

    @PostMapping("/sources/{domain}/revisions/{rev}/revert")
    String revertSource(Account me, @PathVariable String domain, @PathVariable long rev, RedirectAttributes redirect) {
        return revert(me, source(domain, false), rev, redirect);
    }

    private String revert(Account me, Where where, long rev, RedirectAttributes redirect) {
        wiki.revert(me, where.ref(), rev, "");
        redirect.addFlashAttribute(JteViews.NOTICE, "wiki.reverted");
        return "redirect:" + where.base() + "/history";
    }

    @PostMapping("/p/{id}/rollback")
    String rollbackPost(Account me, @PathVariable long id, @RequestParam long editor, RedirectAttributes redirect) {
        return rollback(me, post(id), editor, redirect);
    }

    @PostMapping("/groups/{slug}/wiki/rollback")
    String rollbackGroupPage(Account me, @PathVariable String slug, @RequestParam long editor, RedirectAttributes redirect) {
        return rollback(me, group(slug, me), editor, redirect);
    }

    @PostMapping("/sources/{domain}/rollback")
    String rollbackSource(Account me, @PathVariable String domain, @RequestParam long editor, RedirectAttributes redirect) {
        return rollback(me, source(domain, false), editor, redirect);
    }

    private String rollback(Account me, Where where, long editor, RedirectAttributes redirect) {
        wiki.rollback(me, where.ref(), editor);
        redirect.addFlashAttribute(JteViews.NOTICE, "wiki.rolled-back");
        return "redirect:" + where.base() + "/history";
    }

    @PostMapping("/p/{id}/revisions/{rev}/{decision:accept|reject}")
    String reviewPost(Account me, @PathVariable long id, @PathVariable long rev, @PathVariable String decision,
            @RequestParam(defaultValue = "") String returnTo, RedirectAttributes redirect) {
        return review(me, post(id), rev, decision, returnTo, redirect);
    }

    @PostMapping("/groups/{slug}/wiki/revisions/{rev}/{decision:accept|reject}")
    String reviewGroupPage(Account me, @PathVariable String slug, @PathVariable long rev, @PathVariable String decision,
            @RequestParam(defaultValue = "") String returnTo, RedirectAttributes redirect) {
        return review(me, group(slug, me), rev, decision, returnTo, redirect);
    }

    @PostMapping("/sources/{domain}/revisions/{rev}/{decision:accept|reject}")
    String reviewSource(Account me, @PathVariable String domain, @PathVariable long rev, @PathVariable String decision,
            @RequestParam(defaultValue = "") String returnTo, RedirectAttributes redirect) {
        return review(me, source(domain, false), rev, decision, returnTo, redirect);
    }

    private String review(Account me, Where where, long rev, String decision, String returnTo, RedirectAttributes redirect) {
        if (decision.equals("accept")) {
            wiki.accept(me, where.ref(), rev);
        } else {
            wiki.reject(me, where.ref(), rev);
        }
        redirect.addFlashAttribute(JteViews.NOTICE, decision.equals("accept") ? "wiki.accepted" : "wiki.rejected-notice");
        return "redirect:" + (returnTo.equals("/review") ? "/review" : where.base() + "/history");
    }

    @GetMapping("/review")
    String reviewQueue(Account me, @RequestParam(defaultValue = "0") long before, Model model) {
        return queue(me, null, before, model);
    }

    @GetMapping("/groups/{slug}/review")
    String groupReviewQueue(Account me, @PathVariable String slug, @RequestParam(defaultValue = "0") long before, Model model) {
        GroupPage view = groups.view(slug, me);
        model.addAttribute("groupName", view.group().name());
        return queue(me, view.group().id(), before, model);
    }

    private String queue(Account me, Long groupId, long before, Model model) {
        List<WikiService.Queued> queue = wiki.reviewQueue(me, groupId, before);
        List<ReviewItem> items = new ArrayList<>();
        Set<Long> people = new HashSet<>();
        for (WikiService.Queued q : queue) {
            Content base = q.revision().baseId() == null ? new Content("", "", null, null)
                    : wiki.revision(q.document().ref(), q.revision().baseId(), me).revision().content();
            items.add(new ReviewItem(q.document(), q.revision(), Comparison.fields(q.document().ref().kind(), base,
                    q.revision().content())));
            people.add(q.revision().editorId());
        }
        model.addAttribute("items", items);
        model.addAttribute("people", names(people));
        model.addAttribute("next", queue.size() == WikiService.HISTORY_PAGE ? queue.getLast().revision().id() : null);
        if (!model.containsAttribute("groupName")) {
            model.addAttribute("groupName", null);
        }
        return "wiki/review";
    }


    // --- talk --------------------------------------------------------------------------------------------------

    @GetMapping("/p/{id}/talk")
    String postTalk(@PathVariable long id, @RequestParam(defaultValue = "0") long after, Viewer viewer, Model model) {
        return talk(viewer(viewer), post(id), after, model);
    }

    @GetMapping("/groups/{slug}/wiki/talk")
    String groupTalk(@PathVariable String slug, @RequestParam(defaultValue = "0") long after, Viewer viewer, Model model) {
        Account me = viewer(viewer);
        return talk(me, group(slug, me), after, model);
    }

    /**
     * A domain's talk page may be opened by a member before anyone labels it (the page is made then, empty);
     * visitors find only pages that exist.
     */
    @GetMapping("/sources/{domain}/talk")
    String sourceTalk(@PathVariable String domain, @RequestParam(defaultValue = "0") long after, Viewer viewer, Model model) {
        Account me = viewer(viewer);
        model.addAttribute("explain", "wiki.talk-explain-source");
        return talk(me, source(domain, me != null && me.isActive()), after, model);
    }

    private String talk(Account me, Where where, long after, Model model) {
        WikiDocument doc = wiki.document(where.ref(), me);
        List<TalkMessage> messages = talk.messages(where.ref(), me, after);
        Set<Long> people = new HashSet<>();
        messages.forEach(m -> people.add(m.authorId()));
        model.addAttribute("where", where);
        model.addAttribute("doc", doc);
        model.addAttribute("messages", messages);
        model.addAttribute("people", names(people));
        model.addAttribute("maySay", talk.maySay(doc, me));
        model.addAttribute("next", messages.size() == TalkService.PAGE ? messages.getLast().id() : null);
        return "wiki/talk";
    }

    @PostMapping("/p/{id}/talk")
    String sayOnPost(Account me, @PathVariable long id, @RequestParam(defaultValue = "") String body, Model model) {
        return say(me, post(id), body, model);
    }

    @PostMapping("/groups/{slug}/wiki/talk")
    String sayOnGroupPage(Account me, @PathVariable String slug, @RequestParam(defaultValue = "") String body, Model model) {
        return say(me, group(slug, me), body, model);
    }

    @PostMapping("/sources/{domain}/talk")
    String sayOnSource(Account me, @PathVariable String domain, @RequestParam(defaultValue = "") String body, Model model) {
        if (!me.isActive()) {
            throw new org.tribune.platform.Forbidden("wiki.talk-members-only");
        }
        model.addAttribute("explain", "wiki.talk-explain-source");
        return say(me, source(domain, true), body, model);
    }

    private String say(Account me, Where where, String body, Model model) {
        try {
            TalkMessage message = talk.say(me, where.ref(), body);
            return "redirect:" + where.base() + "/talk#t" + message.id();
        } catch (InvalidInput invalid) {
            model.addAttribute(JteViews.ERRORS, invalid);
            model.addAttribute("draft", body);
            return talk(me, where, 0, model);
        }
    }

    // --- modes and moves ---------------------------------------------------------------------------------------

    @PostMapping("/p/{id}/mode")
    String postMode(Account me, @PathVariable long id, @RequestParam(defaultValue = "") String mode, RedirectAttributes redirect) {
        wiki.setMode(me, Document.post(id), mode.equals("GROUP") ? null : EditMode.parse(mode));
        redirect.addFlashAttribute(JteViews.NOTICE, "wiki.mode-saved");
        return "redirect:/p/" + id + "/history";
    }

    @PostMapping("/sources/{domain}/mode")
    String sourceMode(Account me, @PathVariable String domain, @RequestParam(defaultValue = "") String mode,
            RedirectAttributes redirect) {
        EditMode chosen = EditMode.parse(mode);
        // Only the site's moderators may set it, so only they make a page that does not exist yet.
        boolean moderator = me.isActive() && (me.role() == org.tribune.account.Role.MODERATOR || me.role() == org.tribune.account.Role.ADMIN);
        Where where = source(domain, moderator);
        wiki.setMode(me, where.ref(), chosen);
        redirect.addFlashAttribute(JteViews.NOTICE, "wiki.mode-saved");
        return "redirect:" + where.base() + "/history";
    }

    @PostMapping("/p/{id}/move")
    String move(Account me, @PathVariable long id, @RequestParam(required = false) Long group,
            @RequestParam(defaultValue = "") String summary, RedirectAttributes redirect) {
        if (group == null) {
            throw InvalidInput.of("group", "wiki.move-choose");
        }
        moves.move(me, id, group, summary);
        redirect.addFlashAttribute(JteViews.NOTICE, "wiki.moved");
        return "redirect:/p/" + id;
    }
}
