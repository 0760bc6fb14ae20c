package org.tribune.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import javax.imageio.ImageIO;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.tribune.platform.NotFound;
import org.tribune.platform.web.Viewer;

/**
 * Serves pictures from our own origin, each request checked against what the picture shows on: a picture the viewer
 * may not see is answered 404, as one that does not exist. Public pictures never change under their address, so
 * anyone may cache them for good; the others only the viewer's browser, which asks again every time.
 */
@Controller
class MediaController {
    private static final MediaType WEBP = MediaType.parseMediaType("image/webp");

    private final MediaService media;

    MediaController(MediaService media) {
        this.media = media;
    }

    @GetMapping("/media/{id}/{width:[0-9]{1,4}}.{format:jpg|webp}")
    ResponseEntity<byte[]> picture(@PathVariable String id, @PathVariable int width, @PathVariable String format,
            Viewer viewer) {
        Picture picture = media.one(id).orElseThrow(() -> new NotFound("media"));
        PictureAccess.Decision decision = media.decide(picture, viewer == null ? null : viewer.id());
        if (decision == PictureAccess.Decision.REFUSED) {
            throw new NotFound("media");
        }
        byte[] bytes = media.file(picture, width, format).orElseThrow(() -> new NotFound("media"));
        return answer(decision, format.equals("webp") ? WEBP : MediaType.IMAGE_JPEG, bytes);
    }

    /** The BlurHash drawn as a tiny PNG: a placeholder that the strict content security policy lets us show. */
    @GetMapping("/media/{id}/placeholder.png")
    ResponseEntity<byte[]> placeholder(@PathVariable String id, Viewer viewer) {
        Picture picture = media.one(id).orElseThrow(() -> new NotFound("media"));
        PictureAccess.Decision decision = media.decide(picture, viewer == null ? null : viewer.id());
        if (decision == PictureAccess.Decision.REFUSED) {
            throw new NotFound("media");
        }
        int width = 32;
        int height = Math.max(1, Math.min(64, Math.round(32f * picture.height() / picture.width())));
        BufferedImage image = BlurHash.decode(picture.blurhash(), width, height);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return answer(decision, MediaType.IMAGE_PNG, png.toByteArray());
    }

    private static ResponseEntity<byte[]> answer(PictureAccess.Decision decision, MediaType type, byte[] bytes) {
        CacheControl cache = decision == PictureAccess.Decision.PUBLIC
                ? CacheControl.maxAge(Duration.ofDays(1)).cachePublic()
                : CacheControl.noCache().cachePrivate();
        return ResponseEntity.ok()
                .contentType(type)
                .cacheControl(cache)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'")
                .header("Cross-Origin-Resource-Policy", "same-origin")
                .body(bytes);
    }
}
