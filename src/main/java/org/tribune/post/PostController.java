package org.tribune.post;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.group.Group;
import org.tribune.group.GroupAccess;
import org.tribune.group.GroupPage;
import org.tribune.group.GroupService;
import org.tribune.media.MediaService;
import org.tribune.media.PictureUse;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.web.JteViews;
import org.tribune.platform.web.LocalPaths;
import org.tribune.platform.web.Viewer;

/** The post permalink page with its comments, and the forms that write, edit, delete and like. */
@Controller
class PostController {
    static final int COMMENT_PAGE = 500;

    private final PostService posts;
    private final PostReads reads;
    private final AccountService accounts;
    private final GroupService groupService;
    private final GroupAccess groups;
    private final ApplicationEventPublisher events;
    private final org.springframework.beans.factory.ObjectProvider<PostWiki> wiki;
    private final MediaService media;
    private final org.tribune.safety.SafetyService safety;
    private final org.tribune.safety.WordFilters filters;
    private final PostWarnings warnings;

    PostController(org.tribune.safety.SafetyService safety, org.tribune.safety.WordFilters filters, PostService posts,
            PostReads reads, AccountService accounts, GroupService groupService, GroupAccess groups,
            ApplicationEventPublisher events, org.springframework.beans.factory.ObjectProvider<PostWiki> wiki,
            MediaService media, PostWarnings warnings) {
        this.media = media;
        this.warnings = warnings;
        this.safety = safety;
        this.filters = filters;
        this.events = events;
        this.wiki = wiki;
        this.posts = posts;
        this.reads = reads;
        this.accounts = accounts;
        this.groupService = groupService;
        this.groups = groups;
    }

    @GetMapping("/p/{id}")
    String permalink(@PathVariable long id, @RequestParam(defaultValue = "0") long after, Viewer viewer, Model model) {
        Long viewerId = viewer == null ? null : viewer.id();
        Post post = posts.read(id, viewerId);
        Account me = viewerId == null ? null : accounts.byId(viewerId).orElse(null);
        PostItem item = reads.item(post, viewerId);
        List<Comment> all = posts.comments(id, viewerId, after, COMMENT_PAGE);
        // The reader's comment filters: hiding ones leave comments out (other people's only), warning ones fold them.
        org.tribune.safety.FilterMatcher matcher = filters.filtersFor(viewerId, org.tribune.safety.WordFilter.Context.THREADS);
        Map<Long, String> filtered = new java.util.HashMap<>();
        List<Comment> page = matcher.isEmpty() ? all : all.stream().filter(c -> {
            var match = c.deleted() || (viewerId != null && c.authorId() == viewerId) ? null : matcher.match(c.body(), c.contentWarning());
            if (match != null && !match.hides()) {
                filtered.put(c.id(), match.phrase());
            }
            return match == null || !match.hides();
        }).toList();
        Map<Long, Account> authors = accounts.byIds(page.stream().map(Comment::authorId).distinct().toList());
        boolean moderates = post.groupId() != null && groups.canModerate(post.groupId(), viewerId);
        model.addAttribute("item", item);
        model.addAttribute("comments", Threads.arrange(page, authors, posts.likedComments(viewerId, page), viewerId, moderates));
        model.addAttribute("commentPictures", media.shownOn(PictureUse.COMMENT, page.stream().map(Comment::id).toList()));
        model.addAttribute("moreAfter", all.size() == COMMENT_PAGE ? all.getLast().id() : null);
        model.addAttribute("filteredComments", filtered);
        model.addAttribute("canTakePart", posts.canTakePart(post, me));
        model.addAttribute("canDelete", posts.canDelete(post, viewerId));
        model.addAttribute("canWarn", moderates);
        model.addAttribute("canChangeWarning", me != null && me.id() == post.authorId() && me.isActive());
        model.addAttribute("noindex", item.group() != null && !item.group().isPublic());
        if (viewerId != null) {
            events.publishEvent(new PostEvents.PostViewed(id, viewerId));
        }
        PostWiki history = wiki.getIfAvailable();
        model.addAttribute("hasHistory", history != null);
        model.addAttribute("canEdit", history != null && history.mayEdit(post, viewerId));
        model.addAttribute("editorCount", history == null ? 0 : history.editorCount(id));
        model.addAttribute("hiddenComments", posts.hiddenComments(id));
        // Comments across a block are already left out: those of hidden authors still here are muted, and fold.
        model.addAttribute("mutedAuthors", safety.hiddenAuthors(viewerId));
        return "post/permalink";
    }

    @PostMapping("/groups/{slug}/posts")
    String publishInGroup(Account me, @PathVariable String slug, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "") String link,
            @RequestParam(defaultValue = "") String contentWarning, HttpServletRequest request, RedirectAttributes redirect) {
        GroupPage group = groupService.view(slug, me);
        return publish(me, group.group(), new PostService.Draft(title, body, link, contentWarning), request,
                "/groups/" + group.group().slug(), redirect);
    }

    @PostMapping("/posts")
    String publishOnProfile(Account me, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "") String link,
            @RequestParam(defaultValue = "") String contentWarning,
            @RequestParam(defaultValue = "/") String returnTo, HttpServletRequest request, RedirectAttributes redirect) {
        return publish(me, null, new PostService.Draft(title, body, link, contentWarning), request, LocalPaths.only(returnTo), redirect);
    }

    /**
     * The pictures of a form, in the order of its slots ({@code photo1} with {@code description1}, ...): each is
     * uploaded (processed and stored, waiting for its post) before the post is published with them.
     */
    private List<String> uploadPictures(Account me, HttpServletRequest request, int slots) {
        if (!(request instanceof MultipartHttpServletRequest form)) {
            return List.of();
        }
        List<String> ids = new java.util.ArrayList<>();
        for (int slot = 1; slot <= slots; slot++) {
            MultipartFile file = form.getFile("photo" + slot);
            if (file == null || file.isEmpty()) {
                continue;
            }
            byte[] bytes;
            try {
                bytes = file.getBytes();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            ids.add(media.upload(me.id(), new MediaService.Upload(file.getOriginalFilename(), bytes),
                    form.getParameter("description" + slot), null).id());
        }
        return ids;
    }

    private String publish(Account me, Group group, PostService.Draft draft, HttpServletRequest request, String back,
            RedirectAttributes redirect) {
        try {
            List<String> pictures = uploadPictures(me, request, PostService.PICTURES_MAX);
            Post post = posts.publish(me, group == null ? null : group.id(), draft, pictures);
            redirect.addFlashAttribute(JteViews.NOTICE, posts.isHidden(post.id()) ? "post.held-by-group-filter" : "post.published");
            return "redirect:/p/" + post.id();
        } catch (InvalidInput invalid) {
            // The composer lives on another page: carry the text and the errors back there, so nothing is lost.
            redirect.addFlashAttribute("draft", draft);
            redirect.addFlashAttribute(JteViews.ERRORS, invalid);
            return "redirect:" + back;
        }
    }

    /** The author adds, changes or removes (blank) their post's content warning. */
    @PostMapping("/p/{id}/content-warning")
    String changeWarning(Account me, @PathVariable long id, @RequestParam(defaultValue = "") String contentWarning,
            RedirectAttributes redirect) {
        try {
            Post post = warnings.changeWarning(me, id, contentWarning);
            redirect.addFlashAttribute(JteViews.NOTICE, posts.isHidden(post.id()) ? "post.held-by-group-filter"
                    : post.contentWarning() == null ? "post.warning-removed" : "post.warning-saved");
        } catch (InvalidInput invalid) {
            redirect.addFlashAttribute(JteViews.ERRORS, invalid);
        }
        return "redirect:/p/" + id;
    }

    @PostMapping("/p/{id}/delete")
    String delete(Account me, @PathVariable long id, RedirectAttributes redirect) {
        Post post = posts.read(id, me.id());
        posts.delete(me, id);
        redirect.addFlashAttribute(JteViews.NOTICE, "post.deleted");
        return post.groupId() == null ? "redirect:/" : groups.group(post.groupId()).map(g -> "redirect:/groups/" + g.slug()).orElse("redirect:/");
    }

    @PostMapping("/p/{id}/comments")
    String comment(Account me, @PathVariable long id, @RequestParam(defaultValue = "") String body,
            @RequestParam(required = false) Long parentId, @RequestParam(defaultValue = "") String contentWarning,
            HttpServletRequest request, RedirectAttributes redirect) {
        try {
            posts.read(id, me.id()); // nothing is uploaded for a post the commenter may not read
            List<String> pictures = uploadPictures(me, request, PostService.COMMENT_PICTURES_MAX);
            Comment comment = posts.comment(me, id, body, parentId, pictures, contentWarning);
            if (posts.hiddenComments(id).contains(comment.id())) {
                redirect.addFlashAttribute(JteViews.NOTICE, "post.held-by-group-filter");
            }
            return "redirect:/p/" + id + "#c" + comment.id();
        } catch (InvalidInput invalid) {
            redirect.addFlashAttribute("commentDraft", body);
            redirect.addFlashAttribute(JteViews.ERRORS, invalid);
            return "redirect:/p/" + id + "#comment-form";
        }
    }

    @GetMapping("/comments/{id}/edit")
    String editCommentForm(Account me, @PathVariable long id, Model model) {
        Comment comment = posts.comment(id, me.id());
        if (comment.authorId() != me.id()) {
            throw new org.tribune.platform.Forbidden("comment.not-yours");
        }
        model.addAttribute("comment", comment);
        model.addAttribute("body", comment.body());
        model.addAttribute("contentWarning", comment.contentWarning() == null ? "" : comment.contentWarning());
        return "post/edit-comment";
    }

    /** The author's edit: body and content warning (left blank, the warning is removed). */
    @PostMapping("/comments/{id}/edit")
    String editComment(Account me, @PathVariable long id, @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "") String contentWarning, Model model) {
        try {
            Comment comment = posts.editComment(me, id, body, contentWarning);
            return "redirect:/p/" + comment.postId() + "#c" + id;
        } catch (InvalidInput invalid) {
            model.addAttribute("comment", posts.comment(id, me.id()));
            model.addAttribute("body", body);
            model.addAttribute("contentWarning", contentWarning);
            model.addAttribute(JteViews.ERRORS, invalid);
            return "post/edit-comment";
        }
    }

    @PostMapping("/comments/{id}/delete")
    String deleteComment(Account me, @PathVariable long id, RedirectAttributes redirect) {
        Comment comment = posts.comment(id, me.id());
        posts.deleteComment(me, id);
        redirect.addFlashAttribute(JteViews.NOTICE, "comment.deleted");
        return "redirect:/p/" + comment.postId();
    }

    @PostMapping("/p/{id}/like")
    String like(Account me, @PathVariable long id, @RequestParam(defaultValue = "") String returnTo) {
        posts.like(me, id);
        return "redirect:" + back(returnTo, "/p/" + id);
    }

    @PostMapping("/p/{id}/unlike")
    String unlike(Account me, @PathVariable long id, @RequestParam(defaultValue = "") String returnTo) {
        posts.unlike(me, id);
        return "redirect:" + back(returnTo, "/p/" + id);
    }

    @PostMapping("/comments/{id}/like")
    String likeComment(Account me, @PathVariable long id) {
        Comment comment = posts.comment(id, me.id());
        posts.likeComment(me, id);
        return "redirect:/p/" + comment.postId() + "#c" + id;
    }

    @PostMapping("/comments/{id}/unlike")
    String unlikeComment(Account me, @PathVariable long id) {
        Comment comment = posts.comment(id, me.id());
        posts.unlikeComment(me, id);
        return "redirect:/p/" + comment.postId() + "#c" + id;
    }

    @GetMapping("/p/{id}/share")
    String shareForm(Account me, @PathVariable long id, Model model) {
        Post post = posts.read(id, me.id());
        model.addAttribute("item", reads.item(post, me.id()));
        model.addAttribute("groups", groupService.mine(me.id()));
        return "post/share";
    }

    @PostMapping("/p/{id}/share")
    String share(Account me, @PathVariable long id, @RequestParam(defaultValue = "") String body,
            @RequestParam(required = false) Long groupId, RedirectAttributes redirect) {
        Post share = posts.share(me, id, groupId, body);
        redirect.addFlashAttribute(JteViews.NOTICE, "post.shared");
        return "redirect:/p/" + share.id();
    }

    @GetMapping("/p/{id}/likes")
    String likers(@PathVariable long id, @RequestParam(defaultValue = "0") long after, Viewer viewer, Model model) {
        Long viewerId = viewer == null ? null : viewer.id();
        Post post = posts.read(id, viewerId);
        List<Long> ids = posts.likers(id, viewerId, after);
        Map<Long, Account> people = accounts.byIds(ids);
        model.addAttribute("post", post);
        model.addAttribute("people", ids.stream().map(people::get).filter(a -> a != null).toList());
        model.addAttribute("moreAfter", ids.size() == 100 ? ids.getLast() : null);
        return "post/likers";
    }

    private static String back(String returnTo, String fallback) {
        return returnTo == null || returnTo.isBlank() ? fallback : LocalPaths.only(returnTo);
    }
}
