package org.tribune.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.tribune.platform.InvalidInput;

/** Turns failures into RFC 9457 problem details for the JSON API, with translated titles. */
@Component
public class Problems {
    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final MessageSource messages;

    Problems(MessageSource messages) {
        this.messages = messages;
    }

    private static final java.util.Set<Integer> TITLED = java.util.Set.of(400, 401, 403, 404, 405, 406, 409, 413, 415,
            422, 429, 500, 503);

    /** The message key that names a status; statuses without their own text share their class's. */
    public static String statusKey(int status) {
        return "problem." + (TITLED.contains(status) ? status : status >= 500 ? 500 : 400);
    }

    /** The message key that explains a status when nothing more precise is known. */
    public static String detailKey(int status) {
        return status == 404 ? "problem.not-found" : statusKey(status);
    }

    public static boolean isApi(HttpServletRequest request) {
        // while an error is being answered at /error, the address that failed decides
        Object failed = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failed instanceof String address ? address : request.getRequestURI();
        String path = uri.startsWith(request.getContextPath()) ? uri.substring(request.getContextPath().length()) : uri;
        return path.startsWith("/api/") || path.startsWith("/webhooks/");
    }

    public ResponseEntity<ProblemDetail> of(HttpStatus status, String code, Locale locale, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("https://tribune.social/problems/" + code.replace('.', '-')));
        problem.setTitle(text(statusKey(status.value()), locale, status.getReasonPhrase()));
        problem.setDetail(text(code, locale, code, args));
        problem.setProperty("code", code);
        return ResponseEntity.status(status).contentType(PROBLEM_JSON).body(problem);
    }

    public ResponseEntity<ProblemDetail> invalid(InvalidInput invalid, Locale locale) {
        ResponseEntity<ProblemDetail> response = of(HttpStatus.BAD_REQUEST, "problem.invalid-input", locale);
        List<Map<String, String>> errors = invalid.problems().stream()
                .map(p -> Map.of("field", p.field(), "code", p.code(), "message",
                        text(p.code(), locale, p.code(), p.args().toArray())))
                .toList();
        response.getBody().setProperty("errors", errors);
        return response;
    }

    public ResponseEntity<ProblemDetail> tooMany(long retryAfterSeconds, Locale locale) {
        ResponseEntity<ProblemDetail> base = of(HttpStatus.TOO_MANY_REQUESTS, "problem.too-many-requests", locale,
                retryAfterSeconds);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds)).body(base.getBody());
    }

    private String text(String code, Locale locale, String fallback, Object... args) {
        return messages.getMessage(code, args, fallback, locale);
    }
}
