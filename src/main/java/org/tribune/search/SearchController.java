package org.tribune.search;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tribune.platform.web.Viewer;

/** {@code GET /search?q=}: the search page of a signed-in person (the web chain requires sign-in). */
@Controller
class SearchController {
    private final SearchService search;

    SearchController(SearchService search) {
        this.search = search;
    }

    @GetMapping("/search")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) Long before, Viewer viewer,
            Model model) {
        model.addAttribute("results", search.search(q, viewer.id(), before));
        return "search/results";
    }
}
