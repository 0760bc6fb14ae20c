package org.tribune.platform.web;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.tribune.platform.Conflict;
import org.tribune.platform.Forbidden;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.NotFound;
import org.tribune.platform.Outages;
import org.tribune.platform.SignedLinks;
import org.tribune.platform.TooManyRequests;

/**
 * One place that decides how each failure looks: a problem detail under /api, an HTML page elsewhere. Bad input is
 * the client's mistake and never a 500.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE) // before any other advice, such as Spring Boot's problem details for every path
class FailureHandling {
    private static final Logger log = LoggerFactory.getLogger(FailureHandling.class);

    private final Problems problems;
    private final OutageLog outages;

    FailureHandling(Problems problems, OutageLog outages) {
        this.problems = problems;
        this.outages = outages;
    }

    @ExceptionHandler(InvalidInput.class)
    Object invalid(InvalidInput e, HttpServletRequest request, HttpServletResponse response) {
        return Problems.isApi(request) ? problems.invalid(e, locale(request))
                : page(response, HttpStatus.BAD_REQUEST, e.problems().getFirst().code(), e.problems().getFirst().args().toArray());
    }

    @ExceptionHandler(NotFound.class)
    Object notFound(NotFound e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, HttpStatus.NOT_FOUND, "problem.not-found");
    }

    @ExceptionHandler(Forbidden.class)
    Object forbidden(Forbidden e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, HttpStatus.FORBIDDEN, e.code());
    }

    @ExceptionHandler(Conflict.class)
    Object conflict(Conflict e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, HttpStatus.CONFLICT, e.code());
    }

    @ExceptionHandler(SignedLinks.InvalidLink.class)
    Object invalidLink(SignedLinks.InvalidLink e, HttpServletRequest request, HttpServletResponse response) {
        String code = e.refusal() == SignedLinks.Refusal.EXPIRED ? "link.expired" : "link.invalid";
        return respond(request, response, HttpStatus.BAD_REQUEST, code);
    }

    @ExceptionHandler(TooManyRequests.class)
    Object tooMany(TooManyRequests e, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        return Problems.isApi(request) ? problems.tooMany(e.retryAfterSeconds(), locale(request))
                : page(response, HttpStatus.TOO_MANY_REQUESTS, "problem.too-many-requests", e.retryAfterSeconds());
    }

    /**
     * A JSON body that cannot be read as the declared request: broken JSON, a value of the wrong type, a null where a
     * value is required, a field the request does not have. Over the API the problem names the field.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request, HttpServletResponse response) {
        log.debug("unreadable body on {}: {}", request.getRequestURI(), e.getMessage());
        return Problems.isApi(request) ? problems.invalid(JsonMistakes.explain(e), locale(request))
                : page(response, HttpStatus.BAD_REQUEST, Problems.statusKey(400));
    }

    /** A request that broke a constraint declared on its record (a required value missing). */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    Object notValid(MethodArgumentNotValidException e, HttpServletRequest request, HttpServletResponse response) {
        return Problems.isApi(request) ? problems.invalid(JsonMistakes.explain(e), locale(request))
                : page(response, HttpStatus.BAD_REQUEST, Problems.statusKey(400));
    }

    /**
     * Everything else. Spring's own client errors (unreadable body, wrong parameter type, unknown page...) carry
     * their status; sign-in and permission failures go back to Spring Security; only a real fault is a 500.
     */
    @ExceptionHandler(Exception.class)
    Object other(Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (e instanceof AuthenticationException || e instanceof AccessDeniedException) {
            throw e;
        }
        if (e instanceof org.springframework.web.context.request.async.AsyncRequestNotUsableException) {
            // The reader closed the page (a live connection, a download): nobody is left to answer.
            log.debug("client went away on {}", request.getRequestURI());
            return null;
        }
        if (Outages.isOutage(e)) {
            // The store is away, not the request wrong: the transaction rolled back, the same request works later.
            outages.refused(request, e);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(outages.retryAfterSeconds()));
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            return respond(request, response, HttpStatus.SERVICE_UNAVAILABLE, "problem.unavailable");
        }
        if (Outages.isUnstorableText(e)) {
            return respond(request, response, HttpStatus.BAD_REQUEST, "problem.invalid-input");
        }
        HttpStatus status;
        if (e instanceof ErrorResponse error) {
            error.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
            HttpStatus known = HttpStatus.resolve(error.getStatusCode().value());
            status = known == null ? HttpStatus.BAD_REQUEST : known;
        } else if (e instanceof HttpMessageNotReadableException || e instanceof MethodArgumentTypeMismatchException
                || e instanceof ServletRequestBindingException || e instanceof MethodArgumentNotValidException) {
            status = HttpStatus.BAD_REQUEST;
        } else if (e instanceof InvalidParameterException || e instanceof MultipartException
                || e instanceof RequestRejectedException) {
            // parameters Tomcat could not parse (met after ParameterCheck, e.g. in a multipart request), a broken
            // upload, a parameter name Spring Security's firewall refuses (read late, e.g. from a form body)
            status = HttpStatus.BAD_REQUEST;
        } else if (e instanceof IllegalArgumentException) {
            // Most likely input that slipped past a check: the client still gets a 400, and we get the stack trace.
            log.warn("bad argument on {} {}", request.getMethod(), request.getRequestURI(), e);
            status = HttpStatus.BAD_REQUEST;
        } else {
            log.error("unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        if (status.is4xxClientError()) {
            log.debug("client error on {}: {}", request.getRequestURI(), e.getMessage());
        }
        return respond(request, response, status, Problems.detailKey(status.value()));
    }

    private Object respond(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code) {
        return Problems.isApi(request) ? problems.of(status, code, locale(request)) : page(response, status, code);
    }

    private static ModelAndView page(HttpServletResponse response, HttpStatus status, String code, Object... args) {
        response.setStatus(status.value());
        return new ModelAndView("error/page", Map.of("status", status.value(), "titleKey",
                Problems.statusKey(status.value()), "code", code, "args", args), status);
    }

    private static Locale locale(HttpServletRequest request) {
        return RequestContextUtils.getLocale(request);
    }
}
