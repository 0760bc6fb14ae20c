package org.tribune.account;

import java.net.URI;
import java.time.Instant;
import java.util.OptionalLong;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Sign-up and "who am I" over the API. */
@RestController
@Tag(name = "Accounts")
class AccountApi {
    private final AccountService accounts;
    private final ObjectProvider<WaitlistPositions> positions;
    private final ObjectProvider<TrustLevelLookup> trust;

    AccountApi(AccountService accounts, ObjectProvider<WaitlistPositions> positions, ObjectProvider<TrustLevelLookup> trust) {
        this.accounts = accounts;
        this.positions = positions;
        this.trust = trust;
    }

    /**
     * @param acceptConduct a client that signs a person up confirms they accepted the code of conduct at /conduct;
     *                      absent means yes
     */
    @Schema(name = "SignUp")
    record SignUpRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "ana") String handle,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "ana@example.org") String email,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "correct horse battery staple") String password,
            @Schema(allowableValues = {"en", "fr"}, description = "en when left out") String locale, Boolean acceptConduct,
            @Schema(description = "An invitation link's token, to skip the waiting list") String invitation) {
    }

    @Schema(name = "Registration")
    record RegistrationJson(String handle, String email, String locale, @Schema(implementation = AccountState.class) String state) {
    }

    /** The account as its owner sees it over the API. Ids are strings, so JavaScript clients keep every digit. */
    /** {@code waitlistPosition} is there only while the account waits to be admitted; {@code trustLevel} is 0…4. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Me")
    record MeJson(String id, String handle, String displayName, String email, String bio, String locale,
            String timeZone, @Schema(implementation = AccountState.class) String state,
            @Schema(implementation = Role.class) String role, Instant createdAt,
            @Schema(nullable = true, description = "Only while waiting") Long waitlistPosition,
            @Schema(nullable = true, minimum = "0", maximum = "4") Integer trustLevel,
            @Schema(nullable = true, description = "Your picture (a small square JPEG); left out when you have none") String avatarUrl,
            @Schema(nullable = true, description = "When your display name may change again; left out when it may now "
                    + "(changes are limited, see tribune.accounts.display-name-change-interval)") Instant displayNameChangeableAt) {
        static MeJson of(Account a, Long waitlistPosition, Integer trustLevel, Instant displayNameChangeableAt) {
            return new MeJson(Long.toString(a.id()), a.handle(), a.displayName(), a.email(), a.bio(), a.locale(),
                    a.timeZone(), a.state().name(), a.role().name(), a.createdAt(), waitlistPosition, trustLevel,
                    a.avatarUrl(), displayNameChangeableAt);
        }
    }

    @Schema(name = "AvatarUpload")
    record AvatarUpload(@Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED,
            description = "The picture; its name is only used in error messages") String file) {
    }

    /** The new picture: {@code avatarUrl} its small square, as every person's JSON shows it. */
    @Schema(name = "Avatar")
    record AvatarJson(String avatarUrl, int width, int height) {
    }

    @PutMapping(path = "/api/v1/me/avatar", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "setAvatar", summary = "Set your picture (JPEG, PNG, WebP or GIF; at most 10 MiB and 40 "
            + "megapixels): cropped to a square and re-encoded without its metadata",
            responses = {
                    @ApiResponse(responseCode = "200", description = "Set; the old picture is removed"),
                    @ApiResponse(responseCode = "400", description = "No file, or a file that is not a picture we read, too "
                            + "large, too many pixels or over your storage quota; the problem names the file"),
                    @ApiResponse(responseCode = "413", description = "The request is larger than the server accepts"),
                    @ApiResponse(responseCode = "415", description = "The body is not multipart/form-data")},
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = AvatarUpload.class))))
    AvatarJson setAvatar(Account me, @io.swagger.v3.oas.annotations.Parameter(hidden = true) @RequestParam("file") MultipartFile file)
            throws java.io.IOException {
        accounts.changeAvatar(me.id(), file.getOriginalFilename(), file.getBytes());
        String url = accounts.avatarPath(me.id()).orElseThrow();
        int side = Integer.parseInt(url.substring(url.lastIndexOf('/') + 1, url.lastIndexOf('.')));
        return new AvatarJson(url, side, side);
    }

    @PostMapping("/api/v1/accounts")
    @Operation(operationId = "signUp", responses = @ApiResponse(responseCode = "201", description = "Signed up (or the address was known: the same answer)"), summary = "Sign up; a verification link is e-mailed. The answer is the same whether or not the address is known.")
    ResponseEntity<RegistrationJson> signUp(@RequestBody SignUpRequest body, HttpServletRequest request) {
        Registration registration = accounts.signUp(new SignUp(body.handle(), body.email(), body.password(),
                body.locale() == null ? "en" : body.locale(), body.acceptConduct() == null || body.acceptConduct(),
                body.invitation()),
                request.getRemoteAddr());
        return ResponseEntity.created(URI.create("/@" + registration.handle()))
                .body(new RegistrationJson(registration.handle(), registration.email(), registration.locale(),
                        registration.state().name()));
    }

    @GetMapping("/api/v1/me")
    @Operation(operationId = "getMe", summary = "The signed-in account")
    MeJson me(Account me) {
        Long position = null;
        WaitlistPositions queue = positions.getIfAvailable();
        if (me.state() == AccountState.WAITING && queue != null) {
            OptionalLong place = queue.position(me.id());
            position = place.isPresent() ? place.getAsLong() : null;
        }
        TrustLevelLookup levels = trust.getIfAvailable();
        return MeJson.of(me, position, levels == null ? null : levels.trustLevel(me.id()),
                accounts.displayNameLockedUntil(me.id()).orElse(null));
    }

    /** Fields left out keep their value. */
    @Schema(name = "ProfileUpdate")
    record ProfileUpdate(@Schema(nullable = true, maxLength = 60) String displayName, @Schema(nullable = true) String bio) {
    }

    @org.springframework.web.bind.annotation.PatchMapping("/api/v1/me")
    @Operation(operationId = "updateMe", summary = "Change your display name or bio. The display name may change once "
            + "per interval (a week unless configured): sooner is refused with 400 (code account.display-name-too-soon) saying when it may change.")
    MeJson update(Account me, @RequestBody ProfileUpdate body) {
        Account updated = accounts.updateProfile(me.id(), body.displayName() == null ? me.displayName() : body.displayName(),
                body.bio() == null ? me.bio() : body.bio());
        return me(updated);
    }
}
