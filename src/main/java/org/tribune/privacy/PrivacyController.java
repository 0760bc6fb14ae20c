package org.tribune.privacy;

import java.nio.file.Path;
import java.util.List;

import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.account.Audience;
import org.tribune.account.MentionPolicy;
import org.tribune.account.PrivacySettings;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.web.JteViews;

/** The privacy pages of a member's settings: who sees what, what we hold, the export, and deleting the account. */
@Controller
class PrivacyController {
    private final AccountService accounts;
    private final PersonalDataSources sources;
    private final DataExportService exports;
    private final AccountDeletion deletion;

    PrivacyController(AccountService accounts, PersonalDataSources sources, DataExportService exports,
            AccountDeletion deletion) {
        this.accounts = accounts;
        this.sources = sources;
        this.exports = exports;
        this.deletion = deletion;
    }

    @GetMapping("/settings/privacy")
    String settings(Account me, Model model) {
        model.addAttribute("settings", accounts.privacy(me.id()));
        return "privacy/settings";
    }

    @PostMapping("/settings/privacy")
    String save(Account me, @RequestParam(defaultValue = "") String profile, @RequestParam(defaultValue = "") String groups,
            @RequestParam(defaultValue = "") String follows, @RequestParam(defaultValue = "") String mentions,
            @RequestParam(defaultValue = "false") boolean indexable, @RequestParam(defaultValue = "false") boolean findable,
            RedirectAttributes redirect) {
        accounts.updatePrivacy(me.id(), PrivacyForms.settings(profile, groups, follows, mentions, indexable, findable));
        redirect.addFlashAttribute(JteViews.NOTICE, "settings.saved");
        return "redirect:/settings/privacy";
    }

    @GetMapping("/settings/privacy/data")
    String data(Account me, Model model) {
        model.addAttribute("counts", sources.counts(me.id()));
        var latest = exports.latest(me.id()).orElse(null);
        model.addAttribute("export", latest);
        model.addAttribute("downloadPath", latest != null && latest.isReady() ? exports.downloadPath(latest) : null);
        model.addAttribute("nextExportAt", exports.nextAllowedAt(me.id()).orElse(null));
        return "privacy/data";
    }

    @PostMapping("/settings/privacy/export")
    String export(Account me, RedirectAttributes redirect) {
        exports.request(me.id());
        redirect.addFlashAttribute(JteViews.NOTICE, "privacy.export.started");
        return "redirect:/settings/privacy/data#export";
    }

    @GetMapping("/settings/privacy/export/download")
    ResponseEntity<FileSystemResource> download(Account me, @RequestParam(defaultValue = "") String token) {
        Path file = exports.open(me.id(), token);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("tribune-" + me.handle() + ".zip").build().toString())
                .body(new FileSystemResource(file));
    }

    @GetMapping("/settings/privacy/delete")
    String deleteForm(Account me) {
        return "privacy/delete";
    }

    @PostMapping("/settings/privacy/delete")
    String delete(Account me, @RequestParam(name = "currentPassword", defaultValue = "") String password,
            @RequestParam(defaultValue = "") String content, Model model) {
        try {
            if (!List.of("delete", "keep").contains(content)) {
                throw InvalidInput.of("content", "deletion.choose");
            }
            deletion.request(me.id(), password, content.equals("delete"));
        } catch (InvalidInput invalid) {
            model.addAttribute(JteViews.ERRORS, invalid);
            return "privacy/delete";
        }
        return "redirect:/goodbye";
    }

    @GetMapping("/goodbye")
    String goodbye() {
        return "privacy/goodbye";
    }

    /** Reading the choices of the settings form and of the API alike. */
    static final class PrivacyForms {
        private PrivacyForms() {
        }

        static PrivacySettings settings(String profile, String groups, String follows, String mentions, boolean indexable,
                boolean findable) {
            InvalidInput.Collector errors = new InvalidInput.Collector();
            Audience p = audience(errors, "profile", profile);
            Audience g = audience(errors, "groups", groups);
            Audience f = audience(errors, "follows", follows);
            MentionPolicy m = null;
            try {
                m = MentionPolicy.valueOf(mentions == null ? "" : mentions);
            } catch (IllegalArgumentException e) {
                errors.add("mentions", "privacy.choice.invalid");
            }
            errors.throwIfAny();
            return new PrivacySettings(p, g, f, m, indexable, findable);
        }

        private static Audience audience(InvalidInput.Collector errors, String field, String value) {
            try {
                return Audience.valueOf(value == null ? "" : value);
            } catch (IllegalArgumentException e) {
                errors.add(field, "privacy.choice.invalid");
                return null;
            }
        }
    }
}
