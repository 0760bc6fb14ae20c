package org.tribune.site;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What makes Tribune an installable web app: the manifest, the service worker (served from the root so that its scope
 * is the whole site) and the page it shows when the network is down. None of them holds anything personal, so the
 * worker may cache them; it never caches pages or API answers.
 */
@Controller
class InstallableApp {
    static final MediaType MANIFEST = MediaType.parseMediaType("application/manifest+json");
    static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");
    private static final Resource WORKER = new ClassPathResource("app/sw.js");

    private final MessageSource messages;

    InstallableApp(MessageSource messages) {
        this.messages = messages;
    }

    /** In the reader's language (the browser's, for a visitor), as the install prompt shows it. */
    @GetMapping("/manifest.webmanifest")
    ResponseEntity<Map<String, Object>> manifest(Locale locale) {
        List<Map<String, String>> icons = new java.util.ArrayList<>();
        for (int size : new int[] {48, 72, 96, 144, 192, 512}) {
            icons.add(icon("/img/icons/tribune-" + size + ".png", size, "any"));
        }
        icons.add(icon("/img/icons/tribune-maskable-192.png", 192, "maskable"));
        icons.add(icon("/img/icons/tribune-maskable-512.png", 512, "maskable"));
        icons.add(Map.of("src", "/img/tribune.svg", "sizes", "any", "type", "image/svg+xml", "purpose", "any"));
        Map<String, Object> manifest = new java.util.LinkedHashMap<>();
        manifest.put("id", "/");
        manifest.put("name", "Tribune");
        manifest.put("short_name", "Tribune");
        manifest.put("description", messages.getMessage("app.description", null, locale));
        manifest.put("lang", locale.getLanguage());
        manifest.put("start_url", "/");
        manifest.put("scope", "/");
        manifest.put("display", "standalone");
        manifest.put("background_color", "#ffffff");
        manifest.put("theme_color", "#1d4e89");
        manifest.put("icons", icons);
        return ResponseEntity.ok().contentType(MANIFEST).cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
                .body(manifest);
    }

    /** Revalidated on every load, so a new version of the worker reaches browsers at once. */
    @GetMapping("/sw.js")
    ResponseEntity<Resource> worker() {
        return ResponseEntity.ok().contentType(JAVASCRIPT).cacheControl(CacheControl.noCache())
                .header("Service-Worker-Allowed", "/").body(WORKER);
    }

    /** The page the worker shows for a navigation when the network is down: in both languages, nothing personal. */
    @GetMapping("/offline")
    String offline() {
        return "site/offline";
    }

    private static Map<String, String> icon(String src, int size, String purpose) {
        return Map.of("src", src, "sizes", size + "x" + size, "type", "image/png", "purpose", purpose);
    }
}
