package dk.beskplan.platform.testing;

import io.micronaut.json.JsonMapper;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An HTTP client that behaves like a real API user: logs in, keeps the session cookie, sends the CSRF
 * token it was given. One instance is one user's session.
 */
public final class Api {
    /** A response with its body parsed on demand. */
    public record Response(int status, String body, java.net.http.HttpHeaders headers) {
        @SuppressWarnings("unchecked")
        public Map<String, Object> json() {
            try {
                return JSON.readValue(body, Map.class);
            } catch (Exception e) {
                throw new AssertionError("Not a JSON object (" + status + "): " + body, e);
            }
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> jsonList() {
            try {
                return JSON.readValue(body, io.micronaut.core.type.Argument.listOf(io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
            } catch (Exception e) {
                throw new AssertionError("Not a JSON array (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public static final String DEMO_PASSWORD = "demo-adgangskode-2026";
    private static final JsonMapper JSON = JsonMapper.createDefault();

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String csrf = "";

    public Api(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Logs in through the API; fails the test when the login is refused. */
    public Api login(String username, String password) {
        Response response = post("/api/login", Map.of("username", username, "password", password));
        if (response.status() != 200) {
            throw new AssertionError("Login of " + username + " failed: " + response.status() + " " + response.body());
        }
        csrf = (String) response.json().get("csrfToken");
        return this;
    }

    public Api login(String username) {
        return login(username, DEMO_PASSWORD);
    }

    /** Acts like a forged request: the session cookie without the token. */
    public void forgetCsrfToken() {
        csrf = "";
    }

    public String csrfToken() {
        return csrf;
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().header("Accept", "application/json"));
    }

    /** A GET that accepts what a browser or a PDF viewer would: anything. */
    public Response getAny(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().header("Accept", "*/*"));
    }

    /** The raw bytes of a GET (a PDF, say); fails unless the status is 200. */
    public byte[] getBytes(String path) {
        HttpResponse<byte[]> response = download(path, "*/*");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** A GET that accepts only {@code accept} (a download asked for by its media type), with status and headers. */
    public HttpResponse<byte[]> download(String path, String accept) {
        return exchange(HttpRequest.newBuilder(uri(path)).GET().header("Accept", accept), null);
    }

    public Response getPage(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().header("Accept", "text/html"));
    }

    public Response post(String path, Object body, String... headers) {
        String json = toJson(body);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        if (!csrf.isEmpty()) {
            builder.header("X-CSRF-Token", csrf);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder, json);
    }

    public Response put(String path, Object body, String... headers) {
        String json = toJson(body);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path))
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        if (!csrf.isEmpty()) {
            builder.header("X-CSRF-Token", csrf);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder, json);
    }

    public Response delete(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).DELETE().header("Accept", "application/json");
        if (!csrf.isEmpty()) {
            builder.header("X-CSRF-Token", csrf);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder);
    }

    /** Posts raw text as JSON (for malformed bodies). */
    public Response postRaw(String path, String rawJson) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(rawJson))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        if (!csrf.isEmpty()) {
            builder.header("X-CSRF-Token", csrf);
        }
        return send(builder, rawJson);
    }

    /**
     * Posts a page form as a browser does: the CSRF token only if the form carries it; {@code headers} as name, value
     * pairs (an Origin or Referer, say).
     */
    public Response postForm(String path, Map<String, String> fields, String... headers) {
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder, form);
    }

    /** Posts a multipart form as a browser's upload form does: text fields, then one file. */
    public Response postMultipart(String path, Map<String, String> fields, String fileField, String fileName, String content) {
        String boundary = "----beskplan" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fileField)
                .append("\"; filename=\"").append(fileName).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .append(content).append("\r\n--").append(boundary).append("--\r\n");
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html"), body.toString());
    }

    /** Posts a form body exactly as given (for bodies no browser would send). */
    public Response postRawForm(String path, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html");
        return send(builder, body);
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private Response send(HttpRequest.Builder builder) {
        return send(builder, null);
    }

    private Response send(HttpRequest.Builder builder, String body) {
        HttpResponse<byte[]> response = exchange(builder, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        return new Response(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), response.headers());
    }

    /** Sends the request, then checks request and answer against the API description ({@link Contract}). */
    private HttpResponse<byte[]> exchange(HttpRequest.Builder builder, byte[] body) {
        HttpRequest request = builder.timeout(Duration.ofSeconds(30)).build();
        String cookie = cookieHeader(request.uri());
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException("HTTP request failed: " + e, e);
        }
        Contract.check(base, request.method(), request.uri(), request.headers(), cookie, body, response.statusCode(),
                response.headers(), response.body());
        return response;
    }

    private String cookieHeader(URI uri) {
        return cookies.getCookieStore().get(uri).stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    private static String toJson(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
