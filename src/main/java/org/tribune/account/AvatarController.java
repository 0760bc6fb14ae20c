package org.tribune.account;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.tribune.platform.NotFound;

/** Serves profile pictures from our own origin. A new picture gets a new name, so each may be cached for good. */
@Controller
class AvatarController {
    private final Avatars avatars;

    AvatarController(Avatars avatars) {
        this.avatars = avatars;
    }

    @GetMapping("/avatars/{file}")
    ResponseEntity<byte[]> avatar(@PathVariable String file) {
        byte[] bytes = avatars.read(file).orElseThrow(() -> new NotFound("avatar"));
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .header("Content-Security-Policy", "default-src 'none'")
                .body(bytes);
    }
}
