package dk.beskplan.platform.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableByteBody;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small text fields of a {@code multipart/form-data} body (the CSRF token, the form's submission id), read from
 * a copy of the body so the controller still gets the whole upload. Micronaut's filter body parser reads only
 * url-encoded and JSON bodies. File parts are skipped; the body is already limited by
 * {@code micronaut.server.max-request-size}.
 */
final class MultipartFields {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("(?i)content-disposition:[^\\r\\n]*?\\bname=\"([^\"]*)\"([^\\r\\n]*)");
    /** Text fields longer than this are not what a filter looks for. */
    private static final int MAX_FIELD = 4096;

    private MultipartFields() {
    }

    static CompletableFuture<Map<String, Object>> read(HttpRequest<?> request) {
        String contentType = request.getHeaders().get("Content-Type");
        Matcher boundary = BOUNDARY.matcher(contentType == null ? "" : contentType);
        if (!(request instanceof ServerHttpRequest<?> server) || !boundary.find()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        try (CloseableByteBody copy = server.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST)) {
            return copy.buffer().thenApply(body -> {
                try (body) {
                    // ISO-8859-1 maps every byte to one char: nothing is lost, and UTF-8 is decoded per field below.
                    return parse(body.toString(StandardCharsets.ISO_8859_1), boundary.group(1));
                }
            });
        }
    }

    static Map<String, Object> parse(String body, String boundary) {
        Map<String, Object> fields = new HashMap<>();
        String delimiter = "--" + boundary;
        for (String part : body.split(Pattern.quote(delimiter))) {
            int headerEnd = part.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                continue;
            }
            Matcher name = NAME.matcher(part.substring(0, headerEnd));
            if (!name.find() || name.group(2).contains("filename=")) {
                continue; // not a field, or a file
            }
            String value = part.substring(headerEnd + 4);
            if (value.endsWith("\r\n")) {
                value = value.substring(0, value.length() - 2);
            }
            if (value.length() <= MAX_FIELD) {
                String text = new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
                fields.putIfAbsent(name.group(1), List.of(text));
            }
        }
        return fields;
    }
}
