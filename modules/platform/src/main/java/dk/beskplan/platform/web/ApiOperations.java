package dk.beskplan.platform.web;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Completes each operation of the generated API description: a unique operation id, its security, binary bodies and
 * answers, and the problem answers (RFC 9457) it can give, from what the route is (its method, path, body and
 * parameters). Apart from {@link ApiDescription} because these rules are the API's error contract (docs/api.md),
 * read and changed on their own.
 */
final class ApiOperations {
    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final Set<String> UNSAFE = Set.of("post", "put", "patch", "delete");

    /** The problem answers, by status: the name in components/responses and what it means. */
    private static final Map<String, String[]> PROBLEMS = new TreeMap<>(Map.ofEntries(
            Map.entry("400", new String[]{"BadRequest", "The request cannot be used: a parameter or the body does not parse"
                    + " or is refused; `errors` names each field with a Danish message"}),
            Map.entry("401", new String[]{"Unauthorized", "Not signed in, or the session has ended"}),
            Map.entry("403", new String[]{"Forbidden", "The user's roles do not allow this, or (on a changing request) the"
                    + " X-CSRF-Token header is missing or wrong"}),
            Map.entry("404", new String[]{"NotFound", "No such resource in the user's municipality"}),
            Map.entry("406", new String[]{"NotAcceptable", "The Accept header names no media type this operation gives"}),
            Map.entry("409", new String[]{"Conflict", "The change conflicts with the resource's state or version"
                    + " (e.g. a stale If-Match, a plan no longer in draft)"}),
            Map.entry("413", new String[]{"PayloadTooLarge", "The body is larger than the server accepts"}),
            Map.entry("415", new String[]{"UnsupportedMediaType", "The body's Content-Type is not one this operation reads"}),
            Map.entry("428", new String[]{"PreconditionRequired", "The If-Match header with the version read is required"}),
            Map.entry("500", new String[]{"ServerError", "An unexpected error; nothing was changed"}),
            Map.entry("503", new String[]{"ServiceUnavailable", "Briefly unavailable: the database cannot be reached (a restart, a"
                    + " failover) or, for a document, the PDF renderer is busy; try again after Retry-After seconds"})));

    private ApiOperations() {
    }

    /** The problem answers as components/responses, each an RFC 9457 problem document. */
    static Map<String, Object> problemResponses() {
        Map<String, Object> responses = new LinkedHashMap<>();
        PROBLEMS.forEach((status, named) -> responses.put(named[0], Map.of("description", named[1],
                "content", Map.of("application/problem+json", Map.of("schema", Map.of("$ref", PROBLEM))))));
        return responses;
    }

    /** The operation completed; {@code idUses} counts each generated id over the API, {@code ids} holds those given. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> operation(String path, String method, Map<String, Object> source, ApiDescription.RouteFacts facts,
                                         Map<String, Integer> idUses, Set<String> ids) {
        Map<String, Object> op = new LinkedHashMap<>(source);
        String id = String.valueOf(op.get("operationId"));
        if (idUses.getOrDefault(id, 0) > 1) {
            String area = path.split("/")[2];
            id = area + Character.toUpperCase(id.charAt(0)) + id.substring(1);
        }
        String unique = id;
        for (int n = 2; !ids.add(unique); n++) {
            unique = id + n;
        }
        op.put("operationId", unique);
        boolean unsafe = UNSAFE.contains(method);
        if (facts.anonymous()) {
            op.put("security", List.of());
        } else if (unsafe) {
            op.put("security", List.of(Map.of("sessionCookie", List.of(), "csrfToken", List.of())));
        }
        boolean hasBody = op.containsKey("requestBody");
        if (op.get("requestBody") instanceof Map<?, ?> body && body.get("content") instanceof Map<?, ?> media) {
            // An uploaded file (a logo) is binary too; text bodies (CSV) stay text.
            Map<String, Object> fixed = new LinkedHashMap<>();
            ((Map<String, Object>) media).forEach((type, value) -> fixed.put(type, type.contains("json") || type.startsWith("text/")
                    || type.startsWith("multipart/") || type.contains("form-urlencoded")
                    ? value : Map.of("schema", Map.of("type", "string", "format", "binary"))));
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) body);
            copy.put("content", fixed);
            op.put("requestBody", copy);
        }
        boolean hasParameters = op.containsKey("parameters") && !((List<?>) op.get("parameters")).isEmpty();
        Map<String, Object> responses = new TreeMap<>();
        ((Map<String, Object>) op.getOrDefault("responses", Map.of())).forEach((status, response) -> {
            if (status.startsWith("2")) {
                Map<String, Object> success = new LinkedHashMap<>(binary((Map<String, Object>) response));
                if ("204".equals(status)) {
                    success.remove("content"); // No Content has no body, whatever the method's Java return type says
                }
                responses.put(status, success);
            }
        });
        Set<String> errors = new LinkedHashSet<>();
        if (hasBody || hasParameters) {
            errors.add("400");
        }
        if (!facts.anonymous()) {
            errors.add("401");
            errors.add("403");
        }
        if (path.contains("{")) {
            errors.add("404");
        }
        errors.add("406");
        if (unsafe && !path.equals("/api/login") && !path.equals("/api/logout")) {
            errors.add("409");
        }
        if (hasBody) {
            errors.add("413");
            errors.add("415");
        }
        boolean ifMatch = op.get("parameters") instanceof List<?> parameters && parameters.stream()
                .anyMatch(p -> p instanceof Map<?, ?> m && "header".equals(m.get("in")) && "If-Match".equalsIgnoreCase(String.valueOf(m.get("name"))));
        if (ifMatch && unsafe) {
            // A stale version is a 409 (Conflict); a missing one 428.
            errors.add("428");
        }
        if (path.equals("/api/login")) {
            // Unknown user, wrong password and a throttled attempt answer alike (401); a deactivated user or a
            // municipality that signs in with its own login, after the right password, 403 (docs/security.md).
            errors.add("401");
            errors.add("403");
        }
        // Any operation when the database cannot be reached (DatabaseUnavailable); a PDF's also when the renderer is busy.
        errors.add("503");
        errors.add("500");
        for (String status : errors) {
            responses.put(status, Map.of("$ref", "#/components/responses/" + PROBLEMS.get(status)[0]));
        }
        op.put("responses", responses);
        return op;
    }

    /** A success answer whose media type is not JSON, HTML or plain text is a file (CSV too): binary, not a base64 string. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> binary(Map<String, Object> response) {
        Map<String, Object> copy = new LinkedHashMap<>(response);
        Object content = copy.get("content");
        if (content instanceof Map<?, ?> media) {
            Map<String, Object> fixed = new LinkedHashMap<>();
            ((Map<String, Object>) media).forEach((type, value) -> {
                if (type.contains("json") || type.startsWith("text/html") || type.startsWith("text/plain")) {
                    fixed.put(type, value);
                } else {
                    fixed.put(type, Map.of("schema", Map.of("type", "string", "format", "binary")));
                }
            });
            copy.put("content", fixed);
        }
        return copy;
    }
}
