package org.tribune.account;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.tribune.platform.web.Problems;

import tools.jackson.databind.json.JsonMapper;

/** Problem details written by security filters, which answer before any controller runs. */
@Component
class ApiFailures {
    private final Problems problems;
    private final JsonMapper json;

    ApiFailures(Problems problems, JsonMapper json) {
        this.problems = problems;
        this.json = json;
    }

    void unauthorized(HttpServletRequest request, HttpServletResponse response, String code) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        write(response, problems.of(HttpStatus.UNAUTHORIZED, code, RequestContextUtils.getLocale(request)));
    }

    void forbidden(HttpServletRequest request, HttpServletResponse response, String code) throws IOException {
        write(response, problems.of(HttpStatus.FORBIDDEN, code, RequestContextUtils.getLocale(request)));
    }

    private void write(HttpServletResponse response, ResponseEntity<ProblemDetail> problem) throws IOException {
        response.setStatus(problem.getStatusCode().value());
        response.setContentType(Problems.PROBLEM_JSON.toString());
        response.setHeader("Cache-Control", "no-store");
        json.writeValue(response.getOutputStream(), problem.getBody());
    }
}
