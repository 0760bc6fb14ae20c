package org.tribune.account;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.tribune.platform.web.Listing;
import org.tribune.platform.web.Problems;

/** Personal access tokens over the API. */
@RestController
@Tag(name = "Tokens")
class TokenApi {
    private final TokenService tokens;
    private final Problems problems;

    TokenApi(TokenService tokens, Problems problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    record NewToken(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "ana@example.org") String email,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String password,
            @Schema(description = "What the token is for", example = "my script") String name) {
    }

    /** The secret, shown only once. */
    record TokenSecret(@Schema(example = "trb_...") String token) {
    }

    @Schema(name = "Token")
    record TokenJson(String id, String name, Instant createdAt, @Schema(nullable = true) Instant lastUsedAt) {
        static TokenJson of(ApiToken t) {
            return new TokenJson(Long.toString(t.id()), t.name(), t.createdAt(), t.lastUsedAt());
        }
    }

    @PostMapping("/api/v1/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createToken", summary = "Make a token from e-mail and password; the token is shown only in this answer",
            responses = {@ApiResponse(responseCode = "201", description = "Made; the token is shown only now"),
                    @ApiResponse(responseCode = "401", description = "Wrong e-mail address or password"),
                    @ApiResponse(responseCode = "403", description = "The account may not sign in (unverified, suspended, closing)"),
                    @ApiResponse(responseCode = "429", description = "Too many failed attempts; retry after Retry-After seconds")})
    TokenSecret create(@RequestBody NewToken body, HttpServletRequest request) {
        return new TokenSecret(tokens.create(body.email(), body.password(), body.name(), new WebAuthenticationDetails(request)));
    }

    @GetMapping("/api/v1/tokens")
    @Operation(operationId = "listTokens", summary = "Your tokens, newest first (never their secrets)")
    Listing<TokenJson> list(Account me) {
        return new Listing<>(tokens.of(me.id()).stream().map(TokenJson::of).toList(), null);
    }

    @DeleteMapping("/api/v1/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "revokeToken", summary = "Revoke one of your tokens")
    void revoke(Account me, @PathVariable long id) {
        tokens.revoke(me.id(), id);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> refused(AuthenticationException e, HttpServletRequest request) {
        var locale = RequestContextUtils.getLocale(request);
        if (e instanceof LoginRefusal refusal) {
            return refusal.code().equals("login.throttled")
                    ? problems.tooMany(3600, locale)
                    : problems.of(HttpStatus.FORBIDDEN, refusal.code(), locale);
        }
        return problems.of(HttpStatus.UNAUTHORIZED, "login.failed", locale);
    }
}
