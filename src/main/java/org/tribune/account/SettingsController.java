package org.tribune.account;

import java.time.ZoneId;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.web.JteViews;
import org.tribune.platform.web.LocalPaths;

/** A member's own settings: profile, language and time zone, password, address, devices and API tokens. */
@Controller
class SettingsController {
    private final AccountService accounts;
    private final TokenService tokens;
    private final SignedInDevices devices;
    private final LocaleResolver locales;

    SettingsController(AccountService accounts, TokenService tokens, SignedInDevices devices, LocaleResolver locales) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.devices = devices;
        this.locales = locales;
    }

    @GetMapping("/settings")
    String profile(Account me, Model model) {
        model.addAttribute("account", me);
        model.addAttribute("avatar", accounts.avatarPath(me.id()).orElse(null));
        model.addAttribute("zones", zones());
        model.addAttribute("nextNameChange", nextNameChange(me));
        return "account/settings";
    }

    @PostMapping("/settings/profile")
    String updateProfile(Account me, @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String bio, Model model, RedirectAttributes redirect) {
        try {
            accounts.updateProfile(me.id(), displayName, bio);
        } catch (InvalidInput invalid) {
            model.addAttribute("account", new Account(me.id(), me.handle(), me.email(), displayName, bio, me.locale(),
                    me.timeZone(), me.state(), me.role(), me.createdAt(), me.verifiedAt()));
            model.addAttribute("zones", zones());
            model.addAttribute("avatar", accounts.avatarPath(me.id()).orElse(null));
            model.addAttribute("nextNameChange", nextNameChange(me));
            model.addAttribute(JteViews.ERRORS, invalid);
            return "account/settings";
        }
        redirect.addFlashAttribute(JteViews.NOTICE, "settings.saved");
        return "redirect:/settings";
    }

    @PostMapping("/settings/avatar")
    String changeAvatar(Account me, @RequestParam(name = "avatar", required = false) MultipartFile upload, Model model,
            RedirectAttributes redirect) throws java.io.IOException {
        try {
            accounts.changeAvatar(me.id(), upload == null ? null : upload.getOriginalFilename(),
                    upload == null ? null : upload.getBytes());
        } catch (InvalidInput invalid) {
            model.addAttribute("account", me);
            model.addAttribute("zones", zones());
            model.addAttribute("avatar", accounts.avatarPath(me.id()).orElse(null));
            model.addAttribute(JteViews.ERRORS, invalid);
            return "account/settings";
        }
        redirect.addFlashAttribute(JteViews.NOTICE, "avatar.saved");
        return "redirect:/settings";
    }

    @PostMapping("/settings/avatar/delete")
    String removeAvatar(Account me, RedirectAttributes redirect) {
        accounts.removeAvatar(me.id());
        redirect.addFlashAttribute(JteViews.NOTICE, "avatar.removed");
        return "redirect:/settings";
    }

    @PostMapping("/settings/preferences")
    String updatePreferences(Account me, @RequestParam(defaultValue = "") String locale,
            @RequestParam(defaultValue = "") String timeZone, HttpServletRequest request, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        Account updated;
        try {
            updated = accounts.updatePreferences(me.id(), locale, timeZone);
        } catch (InvalidInput invalid) {
            model.addAttribute("account", me);
            model.addAttribute("zones", zones());
            model.addAttribute("avatar", accounts.avatarPath(me.id()).orElse(null));
            model.addAttribute(JteViews.ERRORS, invalid);
            return "account/settings";
        }
        locales.setLocale(request, response, updated.language());
        redirect.addFlashAttribute(JteViews.NOTICE, "settings.saved");
        return "redirect:/settings";
    }

    /** The language buttons in the page header. */
    @PostMapping("/settings/language")
    String changeLanguage(Account me, @RequestParam(defaultValue = "") String locale,
            @RequestParam(defaultValue = "/") String returnTo, HttpServletRequest request, HttpServletResponse response) {
        Account updated = accounts.updatePreferences(me.id(), locale, me.timeZone());
        locales.setLocale(request, response, updated.language());
        return "redirect:" + LocalPaths.only(returnTo);
    }

    @GetMapping("/settings/security")
    String security(Account me, HttpServletRequest request, Model model) {
        model.addAttribute("account", me);
        model.addAttribute("devices", devices.of(me.id(), request.getSession().getId()));
        model.addAttribute("tokens", tokens.of(me.id()));
        return "account/security";
    }

    @PostMapping("/settings/password")
    String changePassword(Account me, @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        try {
            accounts.changePassword(me.id(), currentPassword, newPassword, request.getSession().getId());
        } catch (InvalidInput invalid) {
            return securityWithErrors(me, request, model, invalid);
        }
        redirect.addFlashAttribute(JteViews.NOTICE, "settings.password-changed");
        return "redirect:/settings/security";
    }

    @PostMapping("/settings/email")
    String changeEmail(Account me, @RequestParam(name = "currentPassword", defaultValue = "") String password,
            @RequestParam(defaultValue = "") String email, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        try {
            accounts.requestEmailChange(me.id(), password, email);
        } catch (InvalidInput invalid) {
            return securityWithErrors(me, request, model, invalid);
        }
        redirect.addFlashAttribute(JteViews.NOTICE, "settings.email-sent");
        return "redirect:/settings/security";
    }

    @GetMapping("/settings/email/confirm")
    String confirmEmail(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("account", accounts.confirmEmailChange(token));
        return "account/email-changed";
    }

    @PostMapping("/settings/sessions/{key}/delete")
    String signOutDevice(Account me, @PathVariable String key, RedirectAttributes redirect) {
        devices.signOut(me.id(), key);
        redirect.addFlashAttribute(JteViews.NOTICE, "settings.device-signed-out");
        return "redirect:/settings/security";
    }

    @PostMapping("/settings/sessions/others/delete")
    String signOutOthers(Account me, HttpServletRequest request, RedirectAttributes redirect) {
        devices.signOutOthers(me.id(), request.getSession().getId());
        redirect.addFlashAttribute(JteViews.NOTICE, "settings.others-signed-out");
        return "redirect:/settings/security";
    }

    @PostMapping("/settings/tokens")
    String createToken(Account me, @RequestParam(defaultValue = "") String name, HttpServletRequest request, Model model) {
        try {
            model.addAttribute("newToken", tokens.createFor(me.id(), name));
        } catch (InvalidInput invalid) {
            return securityWithErrors(me, request, model, invalid);
        }
        model.addAttribute("tokenName", name.strip());
        return "account/token-created";
    }

    @PostMapping("/settings/tokens/{id}/delete")
    String revokeToken(Account me, @PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(me.id(), id);
        redirect.addFlashAttribute(JteViews.NOTICE, "settings.token-revoked");
        return "redirect:/settings/security";
    }

    private String securityWithErrors(Account me, HttpServletRequest request, Model model, InvalidInput invalid) {
        model.addAttribute(JteViews.ERRORS, invalid);
        return security(me, request, model);
    }

    private static List<String> zones() {
        return ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") && !z.startsWith("Etc/")
                && !z.startsWith("SystemV/")).sorted().toList();
    }

    /** When the display name may change next, if that is still to come (null when it may change now). */
    private java.time.Instant nextNameChange(Account me) {
        return accounts.displayNameLockedUntil(me.id()).orElse(null);
    }
}
