package org.tribune.search;

import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.tribune.platform.web.Viewer;

/**
 * {@code GET /search?q=&type=&cursor=&sort=}: the results page of a signed-in person (the web chain requires
 * sign-in), one tab per type; and {@code GET /search/suggestions?q=}, the people and groups the search box's script
 * offers as one types (without the script, the box is a plain form to the results page).
 */
@Controller
class SearchController {
    private final SearchService search;

    SearchController(SearchService search) {
        this.search = search;
    }

    @GetMapping("/search")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) String sort, Viewer viewer,
            Model model) {
        model.addAttribute("results", search.search(q, type, cursor, SearchApi.newest(sort), viewer.id()));
        return "search/results";
    }

    /** A suggestion: what to show (plain text), where it leads, and whether it is a person or a group. */
    record Suggestion(String label, String detail, String url, String type) {
    }

    @GetMapping(path = "/search/suggestions", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, List<Suggestion>> suggestions(@RequestParam(required = false) String q, Viewer viewer) {
        return Map.of("items", search.suggestions(q, viewer.id()).stream()
                .map(h -> new Suggestion(h.title(), h.context(), h.url(), h.type())).toList());
    }
}
