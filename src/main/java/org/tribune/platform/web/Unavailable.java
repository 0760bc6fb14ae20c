package org.tribune.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A 503 answered before anything else could run (too busy, a store away): a fixed problem detail for the API and
 * for callers that want JSON, a fixed bilingual page for browsers. Fixed, because what would translate or render them
 * may be what is failing.
 */
record Unavailable(String problemTemplate, byte[] page) {

    /** @param problemTemplate the problem detail's JSON, with one {@code %d} for the seconds to wait */
    Unavailable(String problemTemplate, String page) {
        this(problemTemplate, page.getBytes(StandardCharsets.UTF_8));
    }

    void answer(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        response.setHeader("Cache-Control", "no-store");
        response.setCharacterEncoding("UTF-8");
        String accept = request.getHeader("Accept");
        if (Problems.isApi(request) || (accept != null && accept.contains("json") && !accept.contains("html"))) {
            response.setContentType("application/problem+json");
            response.getOutputStream().write(problemTemplate.formatted(retryAfterSeconds).getBytes(StandardCharsets.UTF_8));
        } else {
            response.setContentType("text/html;charset=UTF-8");
            response.getOutputStream().write(page);
        }
    }
}
