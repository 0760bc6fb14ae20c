package org.tribune;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

/** What every API error must look like: an RFC 9457 problem detail that no cache keeps. */
public final class ProblemDetails {
    private ProblemDetails() {
    }

    /** Asserts that the answer is a problem detail with this status, and returns its body. */
    public static JsonNode assertProblem(WebClient.Response response, int status) {
        assertThat(response.status()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as("content type").startsWith("application/problem+json");
        assertThat(response.header("Cache-Control")).as("Cache-Control").contains("no-store");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).as("status member").isEqualTo(status);
        assertThat(problem.get("title").asString()).as("title").isNotBlank();
        assertThat(problem.get("detail").asString()).as("detail").isNotBlank();
        return problem;
    }
}
