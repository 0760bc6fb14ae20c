package org.tribune.onboarding;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tribune.account.Account;
import org.tribune.platform.NotFound;
import org.tribune.platform.web.JteViews;

/**
 * Onboarding's screens. They work without JavaScript: each screen is a page, "skip" is a link to the next one, and
 * choices are ordinary forms. The language screen posts to the settings' own language form.
 */
@Controller
class OnboardingController {
    private final OnboardingService onboarding;

    OnboardingController(OnboardingService onboarding) {
        this.onboarding = onboarding;
    }

    @GetMapping("/onboarding")
    String resume(Account me) {
        return "redirect:" + path(onboarding.resumeAt(me));
    }

    @GetMapping("/onboarding/{slug}")
    String screen(Account me, @PathVariable String slug, Model model) {
        Step step = Step.ofSlug(slug).orElseThrow(() -> new NotFound("page"));
        onboarding.open(me, step);
        model.addAttribute("step", step);
        model.addAttribute("next", step.next().map(OnboardingController::path).orElse(null));
        model.addAttribute("me", me);
        model.addAttribute("groups", step == Step.GROUPS ? onboarding.suggestedGroups(me) : List.of());
        model.addAttribute("people", step == Step.PEOPLE ? onboarding.suggestedPeople(me) : List.of());
        model.addAttribute("agreedAt", onboarding.progress(me.id()).map(Onboarding::conductAgreedAt).orElse(null));
        return "onboarding/step";
    }

    @PostMapping("/onboarding/groups")
    String joinGroups(Account me, @RequestParam(name = "group", required = false) List<String> slugs,
            RedirectAttributes redirect) {
        int joined = onboarding.joinGroups(me, slugs == null ? List.of() : slugs).size();
        redirect.addFlashAttribute(JteViews.NOTICE, joined == 0 ? "onboarding.groups.none" : "onboarding.groups.joined");
        return "redirect:" + path(Step.PEOPLE);
    }

    @PostMapping("/onboarding/people")
    String follow(Account me, @RequestParam(name = "person", required = false) List<String> handles,
            RedirectAttributes redirect) {
        int followed = onboarding.follow(me, handles == null ? List.of() : handles);
        redirect.addFlashAttribute(JteViews.NOTICE, followed == 0 ? "onboarding.people.none" : "onboarding.people.followed");
        return "redirect:" + path(Step.CONDUCT);
    }

    @PostMapping("/onboarding/conduct")
    String agree(Account me, @RequestParam(defaultValue = "false") boolean agree, RedirectAttributes redirect) {
        if (!agree) {
            redirect.addFlashAttribute(JteViews.NOTICE, "onboarding.conduct.tick");
            return "redirect:" + path(Step.CONDUCT);
        }
        onboarding.agreeToConduct(me);
        redirect.addFlashAttribute(JteViews.NOTICE, "onboarding.conduct.agreed");
        return "redirect:" + path(Step.EDITING);
    }

    @PostMapping("/onboarding/finish")
    String finish(Account me, RedirectAttributes redirect) {
        onboarding.finish(me);
        redirect.addFlashAttribute(JteViews.NOTICE, "onboarding.finished");
        return "redirect:/";
    }

    static String path(Step step) {
        return "/onboarding/" + step.slug();
    }
}
