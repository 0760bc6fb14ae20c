package org.tribune.platform.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at /api/openapi.json, browsable at /api/docs. What is the same for every operation is added
 * here (problem answers, who may call it, media types, required fields of answers); what differs is said on each
 * operation by its annotations. docs/openapi.json is a snapshot of it that tests keep equal to the live document and
 * check every API answer against.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {
    static final String TOKEN = "token";
    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String JSON = "application/json";
    /** Marks, between the two customizers, an operation that needs no account. */
    private static final String PUBLIC = "x-public";

    static {
        // The signed-in person is resolved from the token, never passed as a parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Viewer.class);
    }

    @Bean
    OpenAPI tribuneApi() {
        return new OpenAPI()
                .info(new Info().title("Tribune API").version("v1")
                        .description("""
                                The JSON API of Tribune. Authenticate with a personal access token \
                                (POST /api/v1/tokens, or Settings → Security) sent as `Authorization: Bearer <token>`; \
                                operations marked with no security need none, and show more to a signed-in caller. \
                                Ids are strings. Lists answer `{"items": [...], "next": "<cursor or null>"}`; pass the \
                                cursor back as the parameter the operation names (`before` or `after`) for the next \
                                page. Every error is an RFC 9457 problem detail (`application/problem+json`) with a \
                                `code` you can match on. 429 and 503 carry `Retry-After` (seconds).""")
                        .license(new License().name("AGPL-3.0-or-later")))
                // relative: the document is the same on every node and address (and its snapshot in docs/ stays equal)
                .servers(List.of(new Server().url("/").description("This Tribune node")))
                .components(new Components()
                        .addSecuritySchemes(TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("A personal access token (trb_...)")))
                .addSecurityItem(new SecurityRequirement().addList(TOKEN));
    }

    private static Schema<?> problem() {
        return new ObjectSchema()
                .description("An RFC 9457 problem detail; code is stable and meant for programs, title and detail for "
                        + "people, in the caller's language. Some problems carry more members (e.g. a 409 edit conflict)")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("code", new StringSchema().example("problem.invalid-input"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldProblem"))
                        .description("With code problem.invalid-input: each invalid field"))
                .required(List.of("type", "title", "status", "code"))
                .additionalProperties(true);
    }

    /**
     * A nullable field whose type is one of our schemas: OpenAPI 3.0 ignores what sits beside a $ref, so the
     * reference is wrapped ({@code allOf: [$ref], nullable: true}), the form generators and validators understand.
     */
    @Bean
    ModelConverter nullableReferences() {
        return (type, context, chain) -> {
            if (!chain.hasNext()) {
                return null;
            }
            Schema<?> schema = chain.next().resolve(type, context, chain);
            if (schema == null || schema.get$ref() == null || type.getCtxAnnotations() == null) {
                return schema;
            }
            boolean nullable = Arrays.stream(type.getCtxAnnotations())
                    .anyMatch(a -> a instanceof io.swagger.v3.oas.annotations.media.Schema s && s.nullable());
            return nullable ? new Schema<>().nullable(true).allOf(List.of(new Schema<>().$ref(schema.get$ref()))) : schema;
        };
    }

    /** Operations whose handler takes no signed-in account are public, except the administrators' ones. */
    @Bean
    GlobalOperationCustomizer publicOperations() {
        return (operation, handler) -> {
            boolean signedIn = Arrays.stream(handler.getMethod().getParameterTypes())
                    .anyMatch(type -> type.getName().equals("org.tribune.account.Account"))
                    || handler.getMethod().isAnnotationPresent(SignedIn.class);
            if (!signedIn) {
                operation.addExtension(PUBLIC, true);
            }
            return operation;
        };
    }

    @Bean
    GlobalOpenApiCustomizer uniformAnswers() {
        return openApi -> {
            // here rather than on the OpenAPI bean, whose components springdoc replaces with the scanned ones
            RATE_LIMIT_HEADERS.forEach(openApi.getComponents()::addHeaders);
            openApi.getComponents().addSchemas(PROBLEM, problem()).addSchemas("FieldProblem", new ObjectSchema()
                    .description("One invalid field of the request")
                    .addProperty("field", new StringSchema()).addProperty("code", new StringSchema())
                    .addProperty("message", new StringSchema())
                    .required(List.of("field", "code", "message")));
            Set<String> answered = new HashSet<>();
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                boolean open = operation.getExtensions() != null && operation.getExtensions().remove(PUBLIC) != null
                        && !path.startsWith("/api/v1/admin/");
                if (operation.getExtensions() != null && operation.getExtensions().isEmpty()) {
                    operation.setExtensions(null);
                }
                operation.setSecurity(open ? new ArrayList<>() : List.of(new SecurityRequirement().addList(TOKEN)));
                answers(path, operation, open);
                collectAnswered(openApi, operation, answered);
            }));
            requireWhatIsAlwaysSent(openApi, answered);
            refuseUnknownFields(openApi);
        };
    }

    /** The headers of an answer that counted against a rate limit (RateLimitHeaders); absent on the others. */
    private static final Map<String, Header> RATE_LIMIT_HEADERS = Map.of(
            "RateLimit-Limit", new Header().schema(new IntegerSchema()).description(
                    "Actions the caller's most used limit allows per window; sent when the operation counts against a limit"),
            "RateLimit-Remaining", new Header().schema(new IntegerSchema()).description("Actions left in that limit now"),
            "RateLimit-Reset", new Header().schema(new IntegerSchema()).description("Seconds until that limit is full again"),
            "RateLimit-Policy", new Header().schema(new StringSchema().example("30;w=3600"))
                    .description("The limit: capacity;w=window in seconds"));

    private static void rateLimitHeaders(ApiResponse response) {
        RATE_LIMIT_HEADERS.keySet().stream().sorted().forEach(name ->
                response.addHeaderObject(name, new Header().$ref("#/components/headers/" + name)));
    }

    /** Request bodies are read strictly: a field the schema does not declare is refused with 400 (docs/api.md). */
    private static void refuseUnknownFields(OpenAPI openApi) {
        Set<String> sent = new HashSet<>();
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().values().forEach(media -> walk(openApi, media.getSchema(), sent));
            }
        }));
        sent.forEach(name -> {
            Schema<?> schema = openApi.getComponents().getSchemas().get(name);
            if (schema != null && schema.getProperties() != null && schema.getAdditionalProperties() == null) {
                schema.setAdditionalProperties(false);
            }
        });
    }

    private static void answers(String path, Operation operation, boolean open) {
        ApiResponses responses = operation.getResponses();
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "Invalid request: a parameter, header or body the operation cannot accept");
        // a public operation needs no token, but refuses one that is not valid, and what is not public
        errors.put("401", open ? "The token sent is not valid" : "No valid token");
        errors.put("403", open ? "Not visible to you (a private group, a hidden list)"
                : "Not allowed (account state, role, trust level, or the group's rules)");
        if (path.contains("{")) {
            errors.put("404", "Not found, or not visible to you");
        }
        if (operation.getRequestBody() != null) {
            errors.put("415", "The body is not application/json");
        }
        errors.put("429", "Too many requests; retry after Retry-After seconds");
        errors.put("503", "The server is overloaded; retry after Retry-After seconds");
        errors.forEach((status, description) -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, new ApiResponse().description(description));
            }
        });
        responses.forEach((status, response) -> {
            int code = Integer.parseInt(status);
            if (code >= 400) {
                response.setContent(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
                if (code == 429 || code == 503) {
                    response.addHeaderObject("Retry-After", new Header().description("Seconds to wait")
                            .schema(new IntegerSchema()));
                }
                if (code == 429) {
                    rateLimitHeaders(response);
                }
            } else {
                rateLimitHeaders(response);
            }
            if (code < 400 && response.getContent() != null) {
                Content exact = new Content();
                response.getContent().forEach((type, media) -> exact.addMediaType("*/*".equals(type) ? JSON : type, media));
                response.setContent(exact);
            }
        });
        // keep the answers in the order of their status
        ApiResponses sorted = new ApiResponses();
        responses.keySet().stream().sorted().forEach(status -> sorted.addApiResponse(status, responses.get(status)));
        operation.setResponses(sorted);
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            Content exact = new Content();
            operation.getRequestBody().getContent().forEach((type, media) -> exact.addMediaType("*/*".equals(type) ? JSON : type, media));
            operation.getRequestBody().setContent(exact);
        }
    }

    /** The schemas of success answers, and all they contain. */
    private static void collectAnswered(OpenAPI openApi, Operation operation, Set<String> answered) {
        operation.getResponses().forEach((status, response) -> {
            if (!status.startsWith("2") || response.getContent() == null) {
                return;
            }
            response.getContent().values().forEach(media -> walk(openApi, media.getSchema(), answered));
        });
    }

    private static void walk(OpenAPI openApi, Schema<?> schema, Set<String> seen) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            if (seen.add(name)) {
                walk(openApi, openApi.getComponents().getSchemas().get(name), seen);
            }
            return;
        }
        walk(openApi, schema.getItems(), seen);
        if (schema.getAllOf() != null) {
            schema.getAllOf().forEach(s -> walk(openApi, s, seen));
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            walk(openApi, values, seen);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(s -> walk(openApi, s, seen));
        }
    }

    /**
     * In an answer every field that is not nullable is always there: Jackson writes every field of our records, and
     * those that can be null say so with {@code @Schema(nullable = true)}.
     */
    private static void requireWhatIsAlwaysSent(OpenAPI openApi, Set<String> answered) {
        answered.forEach(name -> {
            Schema<?> schema = openApi.getComponents().getSchemas().get(name);
            if (schema == null || schema.getProperties() == null || PROBLEM.equals(name)) {
                return;
            }
            List<String> required = new ArrayList<>(schema.getRequired() == null ? List.of() : schema.getRequired());
            schema.getProperties().forEach((property, value) -> {
                if (!Boolean.TRUE.equals(value.getNullable()) && !required.contains(property)) {
                    required.add(property);
                }
            });
            schema.setRequired(required.isEmpty() ? null : required);
        });
    }
}
