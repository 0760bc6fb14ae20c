package org.tribune.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.ApiContract;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published document (docs/openapi.json, which the API tests check answers against and the test client is
 * generated from) is the one the server serves, and it says what client authors need on every operation.
 */
@IntegrationTest
class ApiDocumentTest {
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @LocalServerPort
    int port;
    JsonNode live;

    @BeforeEach
    void fetch() {
        WebClient.Response answer = new WebClient(port).get("/api/openapi.json");
        assertThat(answer.status()).isEqualTo(200);
        live = answer.json();
    }

    /**
     * When the API changes, refresh the snapshot with
     * {@code mvn verify -Dtest=ApiDocumentTest -Dtribune.openapi.write=true -Dtribune.test.postgres.skip=true}.
     */
    @Test
    void thePublishedDocumentIsTheLiveOne() throws IOException {
        String pretty = JSON.writeValueAsString(live) + "\n";
        if (Boolean.getBoolean("tribune.openapi.write")) {
            Files.writeString(ApiContract.DOCUMENT, pretty);
        }
        Path fresh = Path.of("target/openapi.json");
        Files.writeString(fresh, pretty);
        assertThat(JSON.readTree(Files.readString(ApiContract.DOCUMENT)))
                .as("docs/openapi.json differs from the live document (written to %s): copy it over, or run with "
                        + "-Dtribune.openapi.write=true, after checking the change is meant", fresh)
                .isEqualTo(live);
    }

    @Test
    void everyOperationIsNamedTaggedAndAnswersWithExactMediaTypes() {
        List<String> faults = new ArrayList<>();
        operations((name, operation) -> {
            String id = operation.path("operationId").asString("");
            if (!id.matches("[a-z][A-Za-z]+")) {
                faults.add(name + ": operationId " + id);
            }
            if (operation.path("tags").isEmpty()) {
                faults.add(name + ": no tag");
            }
            if (operation.path("summary").asString("").isBlank()) {
                faults.add(name + ": no summary");
            }
            if (!operation.has("security")) {
                faults.add(name + ": says nothing of who may call it");
            }
            for (Map.Entry<String, JsonNode> answer : operation.path("responses").properties()) {
                int status = Integer.parseInt(answer.getKey());
                for (String type : answer.getValue().path("content").propertyNames()) {
                    String expected = status >= 400 ? "application/problem+json" : "application/json";
                    if (!type.equals(expected)) {
                        faults.add(name + " " + status + ": " + type);
                    }
                }
            }
            for (String status : List.of("400", "429", "503")) {
                if (!operation.path("responses").has(status)) {
                    faults.add(name + ": no " + status);
                }
            }
            if (!operation.path("security").isEmpty() && !operation.path("responses").has("401")) {
                faults.add(name + ": signed-in operation without 401");
            }
        });
        assertThat(faults).isEmpty();
    }

    @Test
    void operationIdsAreUnique() {
        List<String> ids = new ArrayList<>();
        operations((name, operation) -> ids.add(operation.path("operationId").asString()));
        assertThat(ids).doesNotHaveDuplicates().hasSizeGreaterThan(90);
    }

    @Test
    void donationsRequireAnIdempotencyKeyAndRetryAfterIsDocumented() {
        JsonNode start = live.path("paths").path("/api/v1/donations").path("post");
        JsonNode key = null;
        for (JsonNode parameter : start.path("parameters")) {
            if (parameter.path("name").asString().equals("Idempotency-Key")) {
                key = parameter;
            }
        }
        assertThat(key).isNotNull();
        assertThat(key.path("in").asString()).isEqualTo("header");
        assertThat(key.path("required").asBoolean()).isTrue();
        assertThat(start.path("responses").path("201").path("content").has("application/json")).isTrue();
        assertThat(start.path("responses").path("429").path("headers").has("Retry-After")).isTrue();
        assertThat(start.path("responses").path("503").path("headers").has("Retry-After")).isTrue();
    }

    @Test
    void publicReadsNeedNoTokenAndWritesDo() {
        JsonNode paths = live.path("paths");
        assertThat(paths.path("/api/v1/groups").path("get").path("security").isArray()).isTrue();
        assertThat(paths.path("/api/v1/groups").path("get").path("security")).isEmpty();
        assertThat(paths.path("/api/v1/groups").path("post").path("security").get(0).has("token")).isTrue();
        assertThat(paths.path("/api/v1/admin/waitlist").path("get").path("security").get(0).has("token")).isTrue();
    }

    private void operations(java.util.function.BiConsumer<String, JsonNode> each) {
        for (Map.Entry<String, JsonNode> path : live.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                each.accept(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue());
            }
        }
    }
}
