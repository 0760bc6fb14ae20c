package org.tribune.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Locale;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;

/**
 * How a request is answered when the database is away: 503 with Retry-After, a problem detail under /api and a page
 * elsewhere, whether the failure comes from a filter (the session store, the token check) or from a controller; a
 * fault that is not an outage stays what it is.
 */
class OutageAnswersTest {
    static final CannotGetJdbcConnectionException AWAY = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
            new SQLTransientConnectionException("request timed out after 3000ms"));

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final OutageLog outages = new OutageLog(meters, Duration.ofSeconds(5));

    private static MockFilterChain failingWith(RuntimeException failure) {
        return new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse resp) {
                throw failure;
            }
        });
    }

    @Test
    void aFilterThatCannotReachTheDatabaseIsAnswered503WithAProblemUnderTheApi() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/posts");
        MockHttpServletResponse response = new MockHttpServletResponse();
        new OutageGuard(outages).doFilter(request, response, failingWith(AWAY));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":503").contains("problem.unavailable");
        assertThat(meters.get("tribune.outage.refused").counter().count()).isEqualTo(1);
    }

    @Test
    void aPageIsAnswered503WithAPage() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/groups");
        request.addHeader("Accept", "text/html");
        MockHttpServletResponse response = new MockHttpServletResponse();
        new OutageGuard(outages).doFilter(request, response, failingWith(AWAY));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(response.getContentAsString()).contains("<h1>").contains("<h1 lang=\"fr\">");
    }

    @Test
    void anotherFaultPassesThroughTheGuard() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/groups");
        IllegalStateException bug = new IllegalStateException("a bug");
        assertThatThrownBy(() -> new OutageGuard(outages).doFilter(request, new MockHttpServletResponse(), failingWith(bug)))
                .isSameAs(bug);
    }

    @Test
    void aControllerThatCannotReachTheDatabaseIsAnswered503InTheReadersLanguage() throws Exception {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("problem.503", Locale.ENGLISH, "Busy, try again shortly");
        messages.addMessage("problem.unavailable", Locale.ENGLISH, "Tribune cannot reach its database for a moment.");
        FailureHandling handling = new FailureHandling(new Problems(messages), outages);

        MockHttpServletRequest api = new MockHttpServletRequest("GET", "/api/v1/feed");
        MockHttpServletResponse apiResponse = new MockHttpServletResponse();
        Object problem = handling.other(AWAY, api, apiResponse);
        assertThat(problem).isInstanceOfSatisfying(ResponseEntity.class, entity -> {
            assertThat(entity.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(((ProblemDetail) entity.getBody()).getDetail()).isEqualTo("Tribune cannot reach its database for a moment.");
        });
        assertThat(apiResponse.getHeader("Retry-After")).isEqualTo("5");

        MockHttpServletRequest page = new MockHttpServletRequest("GET", "/groups");
        MockHttpServletResponse pageResponse = new MockHttpServletResponse();
        Object view = handling.other(AWAY, page, pageResponse);
        assertThat(view).isInstanceOfSatisfying(ModelAndView.class, mav -> {
            assertThat(mav.getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(mav.getModel()).containsEntry("code", "problem.unavailable");
        });
        assertThat(pageResponse.getHeader("Retry-After")).isEqualTo("5");
        assertThat(page.getAttribute(OutageLog.DURING_OUTAGE)).as("its page asks the database nothing more").isEqualTo(true);
    }
}
