package org.tribune.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.web.SignedIn;
import org.tribune.platform.web.Viewer;

/** Uploading pictures for posts and comments, and describing them until they are published. */
@RestController
@Tag(name = "Media")
class MediaApi {
    private final MediaService media;

    MediaApi(MediaService media) {
        this.media = media;
    }

    /** What an upload sends, as the OpenAPI document shows it (the handler reads the same parts by name). */
    @Schema(name = "MediaUpload")
    record UploadForm(@Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED,
            description = "The picture; its name is only used in error messages") String file,
            @Schema(description = "What the picture shows, for those who cannot see it (at most 1,500 characters)")
            String description,
            @Schema(description = "The point that crops must keep: x,y as fractions of the width and height from the "
                    + "top left", example = "0.5,0.3") String focus) {
    }

    @SignedIn
    @PostMapping(path = "/api/v1/media", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "uploadMedia", summary = "Upload a picture (JPEG, PNG, WebP or GIF; at most 10 MiB and "
            + "40 megapixels) to attach to a post or comment you publish; re-encoded without its metadata",
            responses = {
                    @ApiResponse(responseCode = "201", description = "Stored; Location is its largest size"),
                    @ApiResponse(responseCode = "400", description = "No file, a file that is not a picture we read, "
                            + "too large, too many pixels, over your storage quota, or a description or focus not accepted; "
                            + "the problem names the file"),
                    @ApiResponse(responseCode = "413", description = "The request is larger than the server accepts"),
                    @ApiResponse(responseCode = "415", description = "The body is not multipart/form-data")},
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = UploadForm.class))))
    ResponseEntity<MediaJson> upload(Viewer viewer, @Parameter(hidden = true) @RequestParam("file") MultipartFile file,
            @Parameter(hidden = true) @RequestParam(required = false) String description,
            @Parameter(hidden = true) @RequestParam(required = false) String focus) {
        Picture picture = media.upload(viewer.id(), upload(file), description, focus);
        return ResponseEntity.created(URI.create(picture.url())).body(MediaJson.of(picture));
    }

    static MediaService.Upload upload(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw InvalidInput.of("file", "media.missing", file == null || file.getOriginalFilename() == null ? "?"
                    : file.getOriginalFilename());
        }
        try {
            return new MediaService.Upload(file.getOriginalFilename(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Schema(name = "MediaChange")
    record Change(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "At most 1,500 characters; "
            + "empty for none") String description) {
    }

    @SignedIn
    @PatchMapping("/api/v1/media/{id}")
    @Operation(operationId = "describeMedia", summary = "Change the description of a picture you uploaded, until the "
            + "post or comment it is on is published",
            responses = {
                    @ApiResponse(responseCode = "200", description = "Changed"),
                    @ApiResponse(responseCode = "404", description = "No such picture of yours"),
                    @ApiResponse(responseCode = "409", description = "Already published: its description is part of the post")})
    MediaJson describe(Viewer viewer, @PathVariable String id, @RequestBody Change change) {
        return MediaJson.of(media.describe(viewer.id(), id, change.description()));
    }
}
