package org.tribune.source;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.platform.Forbidden;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.web.JteViews;
import org.tribune.platform.web.Viewer;
import org.tribune.wiki.Comparison;
import org.tribune.wiki.Document;
import org.tribune.wiki.EditConflict;
import org.tribune.wiki.WikiService;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The directory of labelled sources, a domain's page, and the form that labels it. History, diffs, review, talk and
 * modes are the wiki's pages under {@code /sources/{domain}/...}.
 */
@Controller
class SourceController {
    private final SourceService sources;
    private final AccountService accounts;

    SourceController(SourceService sources, AccountService accounts) {
        this.sources = sources;
        this.accounts = accounts;
    }

    private Account viewer(Viewer viewer) {
        return accounts.of(viewer).orElse(null);
    }

    /** The directory; {@code domain} (a name or an address) jumps to that domain's page. */
    @GetMapping("/sources")
    String directory(@RequestParam(defaultValue = "") String after, @RequestParam(required = false) String domain,
            HttpServletRequest request, Model model) {
        if (domain != null && !domain.isBlank()) {
            return "redirect:" + SourceService.domain(domain).path();
        }
        List<SourcePage> found = sources.directory(after);
        model.addAttribute("pages", found);
        model.addAttribute("names", names(request));
        model.addAttribute("next", found.size() == SourceService.DIRECTORY_PAGE ? found.getLast().domain() : null);
        return "source/directory";
    }

    @GetMapping("/sources/{domain}")
    String page(@PathVariable String domain, Viewer viewer, HttpServletRequest request, Model model) {
        Domain canonical = SourceService.domain(domain);
        if (!canonical.name().equals(domain)) {
            return "redirect:" + canonical.path();
        }
        SourceService.SourceView view = sources.view(domain, viewer(viewer));
        model.addAttribute("view", view);
        model.addAttribute("labelName", sources.labelName(view.labelling().label(), RequestContextUtils.getLocale(request)));
        return "source/page";
    }

    /** Each label's name in the reader's language (a label added in the settings without a name shows its code). */
    private Map<String, String> names(HttpServletRequest request) {
        return sources.labelCodes().stream().collect(Collectors.toMap(Function.identity(),
                code -> sources.labelName(code, RequestContextUtils.getLocale(request)), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @GetMapping("/sources/{domain}/edit")
    String editForm(Account me, @PathVariable String domain, HttpServletRequest request, Model model) {
        Domain canonical = SourceService.domain(domain);
        if (!canonical.name().equals(domain)) {
            return "redirect:" + canonical.path() + "/edit";
        }
        SourceService.SourceView view = sources.view(domain, me);
        if (!view.rights().mayEdit()) {
            throw new Forbidden(view.rights().refusal());
        }
        return form(model, request, view, view.labelling(), view.revisionId(), "", null);
    }

    @PostMapping("/sources/{domain}/edit")
    String save(Account me, @PathVariable String domain, @RequestParam(defaultValue = "") String label,
            @RequestParam(defaultValue = "") String justification, @RequestParam(defaultValue = "") String sources,
            @RequestParam(defaultValue = "") String summary, @RequestParam(required = false) Long baseRevisionId,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        Labelling draft = new Labelling(label, justification, Labelling.lines(sources));
        try {
            WikiService.Saved saved = this.sources.edit(me, domain, draft, summary, baseRevisionId);
            String path = SourceService.domain(domain).path();
            redirect.addFlashAttribute(JteViews.NOTICE, saved.live() ? "wiki.saved" : "wiki.saved-pending");
            return "redirect:" + (saved.live() ? path : path + "/history");
        } catch (EditConflict conflict) {
            SourceService.SourceView view = this.sources.view(domain, me);
            model.addAttribute("theirs", Comparison.fields(Document.SOURCE_LABEL, conflict.base(), conflict.current().content()));
            return form(model, request, view, Labelling.of(conflict.mine()), conflict.current().id(), summary, null);
        } catch (InvalidInput invalid) {
            SourceService.SourceView view = this.sources.view(domain, me);
            return form(model, request, view, draft, baseRevisionId, summary, invalid);
        }
    }

    private String form(Model model, HttpServletRequest request, SourceService.SourceView view, Labelling draft, Long baseId,
            String summary, InvalidInput errors) {
        model.addAttribute("view", view);
        model.addAttribute("draft", draft);
        model.addAttribute("baseId", baseId);
        model.addAttribute("summary", summary);
        model.addAttribute("names", names(request));
        if (!model.containsAttribute("theirs")) {
            model.addAttribute("theirs", null);
        }
        if (errors != null) {
            model.addAttribute(JteViews.ERRORS, errors);
        }
        return "source/edit";
    }
}
