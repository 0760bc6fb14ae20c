package org.tribune.platform.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.RequestContextUtils;

import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses, with a 400, a request whose parameters cannot be read: a query string with an empty name ({@code ?=x}),
 * a broken percent-escape ({@code ?q=%zz}), a form body Tomcat cannot parse, a NUL character ({@code %00}). Tomcat 11 throws from the first
 * {@code getParameter} call instead of ignoring such parts, and that call may come from any filter, argument
 * resolver or template; reading the parameters once here, right after load shedding, turns the failure into the
 * client's mistake it is, in one place. Multipart bodies are left to Spring's multipart handling, which has its own
 * limits and errors.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // after OverloadGuard, before sessions and security
class ParameterCheck extends OncePerRequestFilter {
    static final String CODE = "problem.malformed-parameters";

    private final Problems problems;
    private final JteViews views;
    private final JsonMapper json;

    ParameterCheck(Problems problems, JteViews views, JsonMapper json) {
        this.problems = problems;
        this.views = views;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            return true; // reading its parameters would read the upload here; FailureHandling answers its failures
        }
        return request.getQueryString() == null && !type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            if (hasNul(request.getParameterMap())) {
                // no text anywhere may hold U+0000: PostgreSQL refuses it in text, and nobody types it
                refuse(request, response);
                return;
            }
        } catch (InvalidParameterException malformed) {
            logger.debug("malformed parameters on " + request.getRequestURI() + ": " + malformed.getMessage());
            refuse(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean hasNul(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0) {
                return true;
            }
            for (String value : parameter.getValue()) {
                if (value != null && value.indexOf('\0') >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setHeader("Cache-Control", "no-store");
        if (Problems.isApi(request)) {
            ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, CODE, RequestContextUtils.getLocale(request)).getBody();
            try {
                problem.setInstance(java.net.URI.create(request.getRequestURI()));
            } catch (IllegalArgumentException unusable) {
                // the address itself is odd; the problem stands without it
            }
            response.setContentType(Problems.PROBLEM_JSON.toString());
            json.writeValue(response.getOutputStream(), problem);
        } else {
            views.render("error/page.jte", Map.of("status", 400, "titleKey", Problems.statusKey(400), "code", CODE,
                    "args", new Object[0]), request, response);
        }
    }
}
