package org.tribune.post.preview;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.tribune.platform.NotFound;

/**
 * Serves preview pictures from our own origin, so a reader's browser never contacts the linked site. A picture
 * never changes under its id (a new fetch makes a new id), so browsers may keep it for a year.
 */
@Controller
class PreviewImageController {
    private final LinkPreviews previews;

    PreviewImageController(LinkPreviews previews) {
        this.previews = previews;
    }

    @GetMapping("/previews/{id}.jpg")
    ResponseEntity<byte[]> image(@PathVariable String id) {
        Previews.Image image = previews.image(id).orElseThrow(() -> new NotFound("preview image"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'")
                .body(image.bytes());
    }
}
