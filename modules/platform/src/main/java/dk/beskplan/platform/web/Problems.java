package dk.beskplan.platform.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.HttpResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds RFC 9457 problem documents; every error response of the API has this shape. */
public final class Problems {
    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    private Problems() {
    }

    public static Map<String, Object> body(HttpStatus status, String title, String detail, String instance,
                                           List<ProblemException.FieldError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status.getCode());
        if (detail != null) {
            body.put("detail", detail);
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        if (!errors.isEmpty()) {
            body.put("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        }
        return body;
    }

    public static MutableHttpResponse<Map<String, Object>> response(HttpRequest<?> request, ProblemException problem) {
        return HttpResponse.<Map<String, Object>>status(problem.status())
                .body(body(problem.status(), problem.title(), problem.getMessage(), request.getPath(), problem.errors()))
                .contentType(PROBLEM_JSON);
    }

    /** True for requests from a browser page (not /api): they get pages and redirects, not JSON. */
    public static boolean wantsPage(HttpRequest<?> request) {
        return !request.getPath().startsWith("/api/")
                && request.getHeaders().accept().stream().anyMatch(m -> m.getName().equals(MediaType.TEXT_HTML));
    }
}
