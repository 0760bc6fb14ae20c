package org.tribune;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API's contract as published: docs/openapi.json (kept equal to the live document by ApiDocumentTest). Every
 * answer the tests receive from /api/v1 goes through {@link #check}, which fails the test when the operation does not
 * declare that status or the body does not match its schema: a new endpoint, or a change of an answer, without a
 * truthful description breaks the build.
 */
public final class ApiContract {
    public static final Path DOCUMENT = Path.of("docs/openapi.json");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static OpenApiInteractionValidator validator;

    private ApiContract() {
    }

    private static synchronized OpenApiInteractionValidator validator() {
        if (validator == null) {
            try {
                validator = OpenApiInteractionValidator.createForInlineApiSpecification(nullableReferencesSpelledOut(
                        Files.readString(DOCUMENT)))
                        // Requests are the tests' business: many send wrong ones on purpose. Answers are checked.
                        .withLevelResolver(LevelResolver.create()
                                .withLevel("validation.request", ValidationReport.Level.IGNORE)
                                .build())
                        .build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return validator;
    }

    /**
     * The document writes a nullable reference as OpenAPI 3.0 says ({@code allOf: [$ref], nullable: true}), which this
     * validator reads as "must match the reference" even for null; for it alone, the same thing is spelled as
     * "the reference or null".
     */
    static String nullableReferencesSpelledOut(String document) {
        JsonNode tree = JSON.readTree(document);
        rewrite(tree);
        return JSON.writeValueAsString(tree);
    }

    private static void rewrite(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode allOf = object.get("allOf");
            if (object.path("nullable").asBoolean(false) && allOf != null && allOf.size() == 1 && allOf.get(0).has("$ref")) {
                ArrayNode anyOf = object.putArray("anyOf");
                anyOf.add(allOf.get(0));
                ObjectNode nothing = anyOf.addObject();
                nothing.put("nullable", true);
                nothing.putArray("enum").addNull();
                object.remove("allOf");
            }
        }
        for (JsonNode child : node) {
            rewrite(child);
        }
    }

    /** Whether answers to this path are held to the document. */
    public static boolean covers(String path) {
        return path.startsWith("/api/v1/");
    }

    /** Fails when the answer is not one the document allows for this method and path (without query). */
    public static void check(String method, String path, int status, Map<String, List<String>> headers, String body) {
        if (!covers(path)) {
            return;
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        headers.forEach((name, values) -> {
            if (name != null && !name.startsWith(":")) {
                response.withHeader(name, values);
            }
        });
        if (body != null && !body.isEmpty()) {
            response.withBody(body);
        }
        ValidationReport report = validator().validateResponse(path, Request.Method.valueOf(method), response.build());
        List<ValidationReport.Message> errors = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                // An address the API does not have is refused (400, 404, 405): there is no operation to hold to.
                .filter(m -> !(status >= 400 && status < 500 && (m.getKey().endsWith("path.missing")
                        || m.getKey().endsWith("operation.notAllowed"))))
                .toList();
        if (!errors.isEmpty()) {
            throw new AssertionError("The answer to " + method + " " + path + " (" + status + ") is not what "
                    + DOCUMENT + " says:\n" + errors.stream().map(m -> "  " + m.getKey() + ": " + m.getMessage())
                            .collect(Collectors.joining("\n"))
                    + "\nbody: " + (body == null ? "" : body.length() > 2000 ? body.substring(0, 2000) + "…" : body));
        }
    }
}
