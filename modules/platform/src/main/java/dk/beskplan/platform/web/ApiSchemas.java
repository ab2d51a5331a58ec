package dk.beskplan.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes the generated schemas true to what the application sends and reads: loose maps, properties the serialiser
 * leaves out when empty, nullable references, only the schemas the API uses, and the problem document. Apart from
 * {@link ApiDescription} because it is a walk over JSON Schema trees, independent of routes and operations.
 */
final class ApiSchemas {
    private ApiSchemas() {
    }

    /**
     * A {@code Map<String, Object>} is generated as an object whose values are objects; its values are anything (a
     * target's {@code percent} is a number, its {@code kind} a string), so they are described as any value.
     */
    @SuppressWarnings("unchecked")
    static void anyValues(Object node) {
        if (node instanceof Map<?, ?> map) {
            if (Map.of("type", "object").equals(map.get("additionalProperties"))) {
                ((Map<String, Object>) map).put("additionalProperties", true);
            }
            map.values().forEach(ApiSchemas::anyValues);
        } else if (node instanceof List<?> list) {
            list.forEach(ApiSchemas::anyValues);
        }
    }

    /**
     * The serialiser leaves out a property whose value is null or empty (an empty string, list or map), so such a
     * property is not "required" in an answer: only numbers, booleans, formatted strings (dates, ids) and objects stay
     * required when the code declared them so.
     */
    @SuppressWarnings("unchecked")
    static void relaxRequired(Map<String, Object> schema) {
        Object required = schema.get("required");
        Object properties = schema.get("properties");
        if (required instanceof List<?> names && properties instanceof Map<?, ?> props) {
            List<String> kept = new ArrayList<>();
            for (Object name : names) {
                Object property = props.get(name);
                if (property instanceof Map<?, ?> p && neverEmpty((Map<String, Object>) p)) {
                    kept.add(String.valueOf(name));
                }
            }
            if (kept.isEmpty()) {
                schema.remove("required");
            } else {
                schema.put("required", kept);
            }
        }
        for (String nested : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.get(nested) instanceof List<?> parts) {
                parts.forEach(part -> {
                    if (part instanceof Map<?, ?> m) {
                        relaxRequired((Map<String, Object>) m);
                    }
                });
            }
        }
    }

    private static boolean neverEmpty(Map<String, Object> property) {
        Object type = property.get("type");
        if (property.containsKey("$ref") || property.containsKey("allOf") || property.containsKey("enum")) {
            return true;
        }
        if ("integer".equals(type) || "number".equals(type) || "boolean".equals(type)) {
            return true;
        }
        return "string".equals(type) && property.containsKey("format");
    }

    /**
     * A nullable reference ({@code nullable: true, allOf: [$ref]}) gets the referenced schema's type, which OpenAPI 3.0
     * requires beside {@code nullable}.
     */
    @SuppressWarnings("unchecked")
    static void typeNullableReferences(Map<String, Object> schema, Map<String, Object> schemas) {
        if (!(schema.get("properties") instanceof Map<?, ?> properties)) {
            return;
        }
        for (Object value : properties.values()) {
            if (value instanceof Map<?, ?> p && Boolean.TRUE.equals(p.get("nullable")) && !p.containsKey("type")
                    && p.get("allOf") instanceof List<?> parts && parts.size() == 1 && parts.get(0) instanceof Map<?, ?> ref
                    && ref.get("$ref") instanceof String target) {
                Object referenced = schemas.get(target.substring(target.lastIndexOf('/') + 1));
                if (referenced instanceof Map<?, ?> r && r.get("type") != null) {
                    ((Map<String, Object>) p).put("type", r.get("type"));
                }
            }
        }
    }

    /** The names of the schemas the paths use, directly or through other schemas. */
    static Set<String> referenced(Object paths, Map<String, Object> schemas) {
        Set<String> names = new LinkedHashSet<>();
        List<Object> todo = new ArrayList<>(List.of(paths));
        while (!todo.isEmpty()) {
            Object node = todo.remove(todo.size() - 1);
            if (node instanceof Map<?, ?> map) {
                Object ref = map.get("$ref");
                if (ref instanceof String target && target.startsWith("#/components/schemas/")) {
                    String name = target.substring("#/components/schemas/".length());
                    if (names.add(name) && schemas.containsKey(name)) {
                        todo.add(schemas.get(name));
                    }
                }
                todo.addAll(map.values());
            } else if (node instanceof List<?> list) {
                todo.addAll(list);
            }
        }
        return names;
    }

    static Map<String, Object> problemSchema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("type", Map.of("type", "string", "description", "always about:blank", "example", "about:blank"));
        properties.put("title", Map.of("type", "string", "description", "what went wrong, in Danish"));
        properties.put("status", Map.of("type", "integer", "format", "int32", "description", "the HTTP status"));
        properties.put("detail", Map.of("type", "string", "description", "the details, in Danish"));
        properties.put("instance", Map.of("type", "string", "description", "the path that was asked for"));
        properties.put("errors", Map.of("type", "array", "description", "each refused field with its Danish message",
                "items", Map.of("type", "object", "required", List.of("field", "message"), "properties",
                        Map.of("field", Map.of("type", "string"), "message", Map.of("type", "string")))));
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("description", "An RFC 9457 problem document");
        schema.put("required", List.of("title", "status"));
        schema.put("properties", properties);
        return schema;
    }
}
