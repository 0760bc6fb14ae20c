package org.tribune.search;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tribune.platform.web.JteViews;

/**
 * {@code /admin/search} (administrators only, by the web chain): the index's state and a button that rebuilds it.
 * While a rebuild runs the page reloads itself every two seconds (an HTTP {@code Refresh} header: no script needed)
 * and shows its progress bar.
 */
@Controller
class SearchAdminController {
    private final Reindex reindex;

    SearchAdminController(Reindex reindex) {
        this.reindex = reindex;
    }

    @GetMapping("/admin/search")
    String state(Model model, HttpServletResponse response) {
        IndexBuild build = reindex.state();
        if (build.running()) {
            response.setHeader("Refresh", "2");
        }
        model.addAttribute("build", build);
        model.addAttribute("engine", reindex.engine());
        return "admin/search";
    }

    @PostMapping("/admin/search/reindex")
    String rebuild(RedirectAttributes redirect) {
        reindex.start();
        redirect.addFlashAttribute(JteViews.NOTICE, "admin.search.started");
        return "redirect:/admin/search";
    }
}
