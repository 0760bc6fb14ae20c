package org.tribune.platform.web;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The API's reference as people read it: operations grouped by tag, then the schemas, all taken from the live
 * OpenAPI document. Descriptions are Markdown, turned into safe HTML here so the page can show them as written.
 */
public record ApiReference(String title, String version, String introHtml, List<Section> sections, List<Schema> schemas) {
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    public record Section(String name, String anchor, String descriptionHtml, List<Operation> operations) {
    }

    public record Operation(String method, String path, String anchor, String summary, String descriptionHtml,
            boolean open, List<Parameter> parameters, Type body, boolean bodyRequired, List<Response> responses) {
    }

    public record Parameter(String name, String in, boolean required, Type type, String description) {
    }

    public record Response(String code, String description, Type type) {
    }

    public record Schema(String name, String anchor, String description, List<Property> properties, List<String> values) {
    }

    public record Property(String name, Type type, boolean required, String description) {
    }

    /** A type as text, and the schema it names (for a link), if any. */
    public record Type(String text, String schema) {
        public String schemaAnchor() {
            return schema == null ? null : "schema-" + schema;
        }
    }

    static ApiReference of(JsonNode document, Markdown markdown) {
        Map<String, Section> sections = new LinkedHashMap<>();
        for (JsonNode tag : document.path("tags")) {
            String name = tag.path("name").asString();
            sections.put(name, new Section(name, "tag-" + anchor(name), markdown.toSafeHtml(tag.path("description").asString("")), new ArrayList<>()));
        }
        boolean securedByDefault = !document.path("security").isEmpty();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (String method : METHODS) {
                JsonNode op = path.getValue().path(method);
                if (op.isMissingNode()) {
                    continue;
                }
                String tagName = op.path("tags").path(0).asString("Other");
                Section section = sections.computeIfAbsent(tagName, name -> new Section(name, "tag-" + anchor(name), "", new ArrayList<>()));
                section.operations().add(operation(method, path.getKey(), op, securedByDefault, markdown));
            }
        }
        List<Schema> schemas = new ArrayList<>();
        for (Map.Entry<String, JsonNode> schema : document.path("components").path("schemas").properties()) {
            schemas.add(schema(schema.getKey(), schema.getValue()));
        }
        JsonNode info = document.path("info");
        return new ApiReference(info.path("title").asString("API"), info.path("version").asString(""),
                markdown.toSafeHtml(info.path("description").asString("")),
                sections.values().stream().filter(s -> !s.operations().isEmpty()).toList(), schemas);
    }

    private static Operation operation(String method, String path, JsonNode op, boolean securedByDefault, Markdown markdown) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode p : op.path("parameters")) {
            parameters.add(new Parameter(p.path("name").asString(), p.path("in").asString(), p.path("required").asBoolean(false),
                    type(p.path("schema")), p.path("description").asString("")));
        }
        JsonNode content = op.path("requestBody").path("content");
        Type body = null;
        if (!content.isMissingNode()) {
            Iterator<Map.Entry<String, JsonNode>> media = content.properties().iterator();
            if (media.hasNext()) {
                Map.Entry<String, JsonNode> first = media.next();
                Type schema = type(first.getValue().path("schema"));
                body = new Type(first.getKey() + ": " + schema.text(), schema.schema());
            }
        }
        List<Response> responses = new ArrayList<>();
        for (Map.Entry<String, JsonNode> r : op.path("responses").properties()) {
            Type type = null;
            Iterator<Map.Entry<String, JsonNode>> media = r.getValue().path("content").properties().iterator();
            if (media.hasNext()) {
                type = type(media.next().getValue().path("schema"));
            }
            responses.add(new Response(r.getKey(), r.getValue().path("description").asString(""), type));
        }
        boolean open = op.has("security") ? op.path("security").isEmpty() : !securedByDefault;
        String id = op.path("operationId").asString(method + path);
        return new Operation(method.toUpperCase(), path, "op-" + anchor(id), op.path("summary").asString(""),
                markdown.toSafeHtml(op.path("description").asString("")), open, parameters, body,
                op.path("requestBody").path("required").asBoolean(false), responses);
    }

    private static Schema schema(String name, JsonNode node) {
        Set<String> required = new java.util.HashSet<>();
        node.path("required").forEach(r -> required.add(r.asString()));
        List<Property> properties = new ArrayList<>();
        for (Map.Entry<String, JsonNode> p : node.path("properties").properties()) {
            properties.add(new Property(p.getKey(), type(p.getValue()), required.contains(p.getKey()),
                    p.getValue().path("description").asString("")));
        }
        List<String> values = new ArrayList<>();
        node.path("enum").forEach(v -> values.add(v.asString()));
        return new Schema(name, "schema-" + name, node.path("description").asString(""), properties, values);
    }

    static Type type(JsonNode schema) {
        if (schema.isMissingNode() || schema.isNull()) {
            return new Type("", null);
        }
        String ref = schema.path("$ref").asString("");
        if (!ref.isEmpty()) {
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            return new Type(name, name);
        }
        if (schema.has("allOf") && schema.path("allOf").size() == 1) {
            return nullable(type(schema.path("allOf").path(0)), schema);
        }
        for (String combination : List.of("oneOf", "anyOf")) {
            if (schema.has(combination)) {
                List<String> options = new ArrayList<>();
                String link = null;
                for (JsonNode option : schema.path(combination)) {
                    Type type = type(option);
                    options.add(type.text());
                    link = link == null ? type.schema() : link;
                }
                return new Type(String.join(" | ", options), link);
            }
        }
        String kind = schema.path("type").asString("object");
        if ("array".equals(kind)) {
            Type items = type(schema.path("items"));
            return nullable(new Type("array of " + items.text(), items.schema()), schema);
        }
        StringBuilder text = new StringBuilder(kind);
        if (schema.has("format")) {
            text.append(" (").append(schema.path("format").asString()).append(')');
        }
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            schema.path("enum").forEach(v -> values.add(v.isNull() ? "null" : v.asString()));
            text.append(": ").append(String.join(", ", values));
        }
        return nullable(new Type(text.toString(), null), schema);
    }

    private static Type nullable(Type type, JsonNode schema) {
        return schema.path("nullable").asBoolean(false) ? new Type(type.text() + ", or null", type.schema()) : type;
    }

    private static String anchor(String text) {
        return text.replaceAll("[^A-Za-z0-9_-]+", "-");
    }
}
