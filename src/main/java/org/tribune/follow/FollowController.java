package org.tribune.follow;

import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import org.tribune.account.Account;
import org.tribune.platform.web.JteViews;
import org.tribune.platform.web.Viewer;

/** Follow and unfollow forms, and the public lists of followers and followed people. */
@Controller
class FollowController {
    private final FollowService follows;

    FollowController(FollowService follows) {
        this.follows = follows;
    }

    @PostMapping("/@{handle}/follow")
    String follow(Account me, @PathVariable String handle, RedirectAttributes redirect) {
        follows.follow(me, handle);
        redirect.addFlashAttribute(JteViews.NOTICE, "follow.followed");
        return "redirect:" + profilePath(handle);
    }

    @PostMapping("/@{handle}/unfollow")
    String unfollow(Account me, @PathVariable String handle, RedirectAttributes redirect) {
        follows.unfollow(me, handle);
        redirect.addFlashAttribute(JteViews.NOTICE, "follow.unfollowed");
        return "redirect:" + profilePath(handle);
    }

    @GetMapping("/@{handle}/followers")
    String followers(@PathVariable String handle, @RequestParam(required = false) String before, Viewer viewer,
            Model model) {
        Profile profile = follows.profile(handle, viewer == null ? null : viewer.id());
        return list(model, profile, true, follows.followers(profile.handle(), before, viewer == null ? null : viewer.id()));
    }

    @GetMapping("/@{handle}/following")
    String following(@PathVariable String handle, @RequestParam(required = false) String before, Viewer viewer,
            Model model) {
        Profile profile = follows.profile(handle, viewer == null ? null : viewer.id());
        return list(model, profile, false, follows.following(profile.handle(), before, viewer == null ? null : viewer.id()));
    }

    private static String list(Model model, Profile profile, boolean followers, People people) {
        model.addAttribute("profile", profile);
        model.addAttribute("followers", followers);
        model.addAttribute("people", people);
        return "follow/people";
    }

    static String profilePath(String handle) {
        return "/@" + UriUtils.encodePathSegment(handle, StandardCharsets.UTF_8);
    }
}
