package org.tribune.platform.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.tribune.platform.Outages;

/** Errors that happen outside a controller (no such page, a filter refusing): the same page or problem detail. */
@Controller
class ErrorPage implements ErrorController {
    private final Problems problems;
    private final JteViews views;
    private final OutageLog outages;

    ErrorPage(Problems problems, JteViews views, OutageLog outages) {
        this.problems = problems;
        this.views = views;
        this.outages = outages;
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null ? HttpStatus.valueOf(i)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        String messageCode = Problems.detailKey(status.value());
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure && Outages.isOutage(failure)) {
            // A store that went away under a request outside Spring MVC (an async dispatch...): 503, not 500.
            status = HttpStatus.SERVICE_UNAVAILABLE;
            messageCode = "problem.unavailable";
            outages.refused(request, failure);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(outages.retryAfterSeconds()));
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        boolean api = uri instanceof String path && (path.startsWith("/api/") || path.startsWith("/webhooks/"));
        if (api) {
            ResponseEntity<ProblemDetail> problem = problems.of(status, messageCode, RequestContextUtils.getLocale(request));
            problem.getBody().setInstance(java.net.URI.create((String) uri)); // the address that failed, not /error
            return problem;
        }
        response.setStatus(status.value());
        views.render("error/page.jte", Map.of("status", status.value(), "titleKey", Problems.statusKey(status.value()), "code", messageCode, "args", new Object[0]),
                request, response);
        return null;
    }
}
