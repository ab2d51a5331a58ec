package dk.beskplan.platform.web;

import dk.beskplan.platform.security.SessionCookie;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.swagger.v3.oas.annotations.Hidden;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Serves the API description (docs/api.md) at {@code /swagger/beskplan.yml} as {@code application/yaml}, and Swagger UI
 * at {@code /swagger-ui}.
 * <p>
 * The description the build generates from the controllers (micronaut-openapi, merged over every module) knows the
 * paths, parameters, bodies and success answers. What it cannot know is completed here once, at the first request,
 * from the running application's own routes, so it stays true as endpoints change:
 * <ul>
 *     <li>only the JSON API ({@code /api/**}): pages, {@code /login} and {@code /logout} are left out;</li>
 *     <li>the security schemes: the session cookie, and the {@code X-CSRF-Token} header on every unsafe method; an
 *     operation open to anyone ({@code @Secured(isAnonymous())}) says so;</li>
 *     <li>the errors each operation can answer, each an RFC 9457 problem document: 400 (a parameter or body that
 *     does not parse or is refused), 401 and 403 (not signed in, no role, no CSRF token), 404 (an addressed resource
 *     not there or not the user's), 406 (an Accept header naming nothing the operation gives), 409 (a change that
 *     conflicts with the resource's state or version), 413 and 415 (a body too large or of another type), 428 (an
 *     If-Match header missing where one is required), 503 (the PDF renderer busy) and 500; the login's 401 and 403;</li>
 *     <li>binary answers (PDF, zip, CSV, workbooks, calendars, images) as binary, not as base64 strings;</li>
 *     <li>response properties the serialiser leaves out when empty (strings, lists, maps) are not "required";</li>
 *     <li>operation ids unique across modules.</li>
 * </ul>
 */
@Controller
@Hidden
public class ApiDescription {
    public static final String PATH = "/swagger/beskplan.yml";
    public static final MediaType YAML = MediaType.of("application/yaml");
    private static final String SOURCE = "META-INF/swagger/beskplan.yml";
    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final Set<String> UNSAFE = Set.of("post", "put", "patch", "delete");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

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
            Map.entry("503", new String[]{"ServiceUnavailable", "The document renderer is busy; try again after Retry-After seconds"})));

    private final Router router;
    private volatile String yaml;

    public ApiDescription(Router router) {
        this.router = router;
    }

    @Get(value = PATH, produces = "application/yaml")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<String> description() {
        return HttpResponse.ok(yaml()).contentType(YAML);
    }

    /** Swagger UI, generated by micronaut-openapi into the application's resources (no JavaScript build). */
    @Get(value = "/swagger-ui", produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> swaggerUi() {
        return HttpResponse.seeOther(URI.create("/swagger-ui/index.html"));
    }

    /** The completed description as YAML. */
    public String yaml() {
        String known = yaml;
        if (known == null) {
            known = new Yaml(dumperOptions()).dump(copy(complete(load())));
            yaml = known;
        }
        return known;
    }

    /**
     * A {@code Map<String, Object>} is generated as an object whose values are objects; its values are anything (a
     * target's {@code percent} is a number, its {@code kind} a string), so they are described as any value.
     */
    @SuppressWarnings("unchecked")
    private static void anyValues(Object node) {
        if (node instanceof Map<?, ?> map) {
            if (Map.of("type", "object").equals(map.get("additionalProperties"))) {
                ((Map<String, Object>) map).put("additionalProperties", true);
            }
            map.values().forEach(ApiDescription::anyValues);
        } else if (node instanceof List<?> list) {
            list.forEach(ApiDescription::anyValues);
        }
    }

    /** A copy without shared nodes, so the YAML has no anchors and aliases (some readers limit or refuse them). */
    @SuppressWarnings("unchecked")
    private static Object copy(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((key, value) -> copy.put(key, copy(value)));
            return copy;
        }
        if (node instanceof List<?> list) {
            return new ArrayList<>(list.stream().map(ApiDescription::copy).toList());
        }
        return node;
    }

    private static DumperOptions dumperOptions() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setSplitLines(false);
        options.setWidth(200);
        return options;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load() {
        try (InputStream in = ApiDescription.class.getClassLoader().getResourceAsStream(SOURCE)) {
            if (in == null) {
                throw new IllegalStateException("No generated API description at " + SOURCE);
            }
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record RouteFacts(boolean anonymous, List<String> produces) {
    }

    /** Each API route's facts from the running router, by "method path" with the path as the description writes it. */
    private Map<String, RouteFacts> routes() {
        Map<String, RouteFacts> facts = new HashMap<>();
        router.uriRoutes().forEach(route -> {
            String path = route.getUriMatchTemplate().toString().replaceAll("\\{[?&][^}]*}", "");
            facts.put(route.getHttpMethodName().toLowerCase(Locale.ROOT) + " " + path, facts(route));
        });
        return facts;
    }

    private static RouteFacts facts(UriRouteInfo<?, ?> route) {
        AnnotationMetadata metadata = route.getAnnotationMetadata();
        String[] secured = metadata.stringValues(Secured.class);
        boolean anonymous = List.of(secured).contains(SecurityRule.IS_ANONYMOUS);
        return new RouteFacts(anonymous, route.getProduces().stream().map(MediaType::getName).toList());
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> complete(Map<String, Object> source) {
        Map<String, RouteFacts> routes = routes();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", source.getOrDefault("openapi", "3.0.1"));
        doc.put("info", info());
        doc.put("servers", List.of(Map.of("url", "/", "description", "this server")));
        doc.put("security", List.of(Map.of("sessionCookie", List.of())));
        List<Map<String, Object>> tags = (List<Map<String, Object>>) source.get("tags");
        if (tags != null) {
            doc.put("tags", tags);
        }
        Map<String, Object> paths = new TreeMap<>();
        Map<String, Object> sourcePaths = (Map<String, Object>) source.getOrDefault("paths", Map.of());
        Map<String, Integer> idUses = new HashMap<>();
        sourcePaths.forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            ((Map<String, Object>) item).forEach((method, op) -> {
                if (METHODS.contains(method)) {
                    idUses.merge(String.valueOf(((Map<String, Object>) op).get("operationId")), 1, Integer::sum);
                }
            });
        });
        Set<String> ids = new LinkedHashSet<>();
        sourcePaths.forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            Map<String, Object> operations = new LinkedHashMap<>();
            ((Map<String, Object>) item).forEach((method, value) -> {
                if (!METHODS.contains(method)) {
                    operations.put(method, value);
                    return;
                }
                Map<String, Object> op = (Map<String, Object>) value;
                RouteFacts facts = routes.getOrDefault(method + " " + path, new RouteFacts(false, List.of()));
                operations.put(method, operation(path, method, op, facts, idUses, ids));
            });
            paths.put(path, operations);
        });
        doc.put("paths", paths);
        Map<String, Object> components = new LinkedHashMap<>((Map<String, Object>) source.getOrDefault("components", Map.of()));
        Map<String, Object> schemas = new TreeMap<>((Map<String, Object>) components.getOrDefault("schemas", Map.of()));
        schemas.values().forEach(schema -> relaxRequired((Map<String, Object>) schema));
        schemas.values().forEach(schema -> typeNullableReferences((Map<String, Object>) schema, schemas));
        schemas.keySet().retainAll(referenced(paths, schemas));
        schemas.put("Problem", problemSchema());
        components.put("schemas", schemas);
        Map<String, Object> responses = new LinkedHashMap<>();
        PROBLEMS.forEach((status, named) -> responses.put(named[0], Map.of("description", named[1],
                "content", Map.of("application/problem+json", Map.of("schema", Map.of("$ref", PROBLEM))))));
        components.put("responses", responses);
        components.put("securitySchemes", securitySchemes());
        doc.put("components", components);
        anyValues(doc);
        return doc;
    }

    private static Map<String, Object> info() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("title", "Beskplan API");
        info.put("version", "1");
        info.put("description", "The JSON API of Beskplan: drafting, approval, follow-up, archive and administration of a"
                + " Danish municipality's employment plan (docs/api.md).\n\n"
                + "Sign in with `POST /api/login`: the answer sets the session cookie `" + SessionCookie.NAME + "` and gives"
                + " a `csrfToken`, which every changing request (POST, PUT, PATCH, DELETE) sends back in the `X-CSRF-Token`"
                + " header. Every error is an RFC 9457 problem document (`application/problem+json`) with a Danish"
                + " `title` and `detail`, and for refused input `errors`, one per field.");
        return info;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> operation(String path, String method, Map<String, Object> source, RouteFacts facts,
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
        if (producesPdf(responses, facts)) {
            errors.add("503");
        }
        errors.add("500");
        for (String status : errors) {
            responses.put(status, Map.of("$ref", "#/components/responses/" + PROBLEMS.get(status)[0]));
        }
        op.put("responses", responses);
        return op;
    }

    @SuppressWarnings("unchecked")
    private static boolean producesPdf(Map<String, Object> responses, RouteFacts facts) {
        if (facts.produces().contains("application/pdf") || facts.produces().contains("application/zip")) {
            return true;
        }
        return responses.values().stream().anyMatch(r -> ((Map<String, Object>) r).getOrDefault("content", Map.of()) instanceof Map<?, ?> c
                && (c.containsKey("application/pdf") || c.containsKey("application/zip")));
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

    /**
     * The serialiser leaves out a property whose value is null or empty (an empty string, list or map), so such a
     * property is not "required" in an answer: only numbers, booleans, formatted strings (dates, ids) and objects stay
     * required when the code declared them so.
     */
    @SuppressWarnings("unchecked")
    private static void relaxRequired(Map<String, Object> schema) {
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
    private static void typeNullableReferences(Map<String, Object> schema, Map<String, Object> schemas) {
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
    private static Set<String> referenced(Object paths, Map<String, Object> schemas) {
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

    private static Map<String, Object> problemSchema() {
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

    private static Map<String, Object> securitySchemes() {
        Map<String, Object> schemes = new LinkedHashMap<>();
        schemes.put("sessionCookie", Map.of("type", "apiKey", "in", "cookie", "name", SessionCookie.NAME,
                "description", "The session, set by POST /api/login (HttpOnly, SameSite=Strict); ends after 30 idle minutes"));
        schemes.put("csrfToken", Map.of("type", "apiKey", "in", "header", "name", "X-CSRF-Token",
                "description", "The csrfToken the login answered (also GET /api/me); required on every POST, PUT, PATCH and DELETE"));
        return schemes;
    }
}
