package dk.beskplan.platform.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The contract test (docs/api.md): every request an API test sends to {@code /api/**} through {@link Api}, and every
 * answer, is checked against the API description the application under test serves, with Atlassian's
 * swagger-request-validator. A violation fails the test that caused it, at the request, and is recorded in
 * {@code target/contract-violations.txt}; {@code target/contract-checked.txt} counts the exchanges checked.
 * <p>
 * What counts: the answer always (its status must be documented for the operation, its media type and body must match);
 * the request when the server accepted it (2xx), since a test that sends a bad request on purpose expects it refused,
 * and the description must only accept what the server accepts. An application without a description (a module's own
 * test application) is not checked.
 */
public final class Contract {
    private static final Map<String, Optional<OpenApiInteractionValidator>> BY_DESCRIPTION = new ConcurrentHashMap<>();
    private static final Map<String, Optional<OpenApiInteractionValidator>> BY_BASE = new ConcurrentHashMap<>();
    private static final List<String> VIOLATIONS = Collections.synchronizedList(new ArrayList<>());
    private static final AtomicInteger CHECKED = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static {
        // The counts of this test JVM, for docs/api.md: how many exchanges were checked, how many violated.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (CHECKED.get() > 0) {
                record("contract-checked.txt", "checked " + CHECKED.get() + " exchanges, " + VIOLATIONS.size() + " violations\n");
            }
        }));
    }

    private Contract() {
    }

    /** The violations recorded so far in this JVM. */
    public static List<String> violations() {
        synchronized (VIOLATIONS) {
            return List.copyOf(VIOLATIONS);
        }
    }

    public static int checked() {
        return CHECKED.get();
    }

    /** Checks one exchange; throws an AssertionError naming each violation. */
    static void check(String base, String method, URI uri, HttpHeaders requestHeaders, String cookie, byte[] requestBody,
                      int status, HttpHeaders responseHeaders, byte[] responseBody) {
        String path = uri.getRawPath();
        if (!path.startsWith("/api/")) {
            return;
        }
        Optional<OpenApiInteractionValidator> validator = BY_BASE.computeIfAbsent(base, Contract::validatorFor);
        if (validator.isEmpty()) {
            return;
        }
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, path);
        requestHeaders.map().forEach(request::withHeader);
        if (cookie != null && !cookie.isEmpty()) {
            request.withHeader("Cookie", cookie);
        }
        if (requestBody != null && requestBody.length > 0) {
            request.withBody(requestBody);
        }
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                request.withQueryParam(name, value);
            }
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        responseHeaders.map().forEach(response::withHeader);
        if (responseBody != null && responseBody.length > 0) {
            response.withBody(responseBody);
        }
        ValidationReport report = validator.get().validate(request.build(), response.build());
        CHECKED.incrementAndGet();
        List<String> found = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() != ValidationReport.Level.ERROR) {
                continue;
            }
            boolean aboutRequest = message.getKey().startsWith("validation.request");
            if (aboutRequest && status >= 300 && !message.getKey().equals("validation.request.path.missing")) {
                continue;
            }
            if (message.getKey().equals("validation.request.path.missing") && status >= 400) {
                // A test probing an address the API does not have: refused, as the description says by not naming it.
                continue;
            }
            found.add(method + " " + path + " -> " + status + ": [" + message.getKey() + "] " + message.getMessage());
        }
        if (!found.isEmpty()) {
            VIOLATIONS.addAll(found);
            record("contract-violations.txt", String.join("\n", found) + "\n");
            throw new AssertionError("The exchange does not match the API description (docs/api.md):\n" + String.join("\n", found)
                    + "\nanswer body: " + new String(responseBody == null ? new byte[0] : responseBody, StandardCharsets.UTF_8));
        }
    }

    private static Optional<OpenApiInteractionValidator> validatorFor(String base) {
        try {
            HttpResponse<String> description = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/swagger/beskplan.yml"))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (description.statusCode() != 200) {
                return Optional.empty();
            }
            return BY_DESCRIPTION.computeIfAbsent(description.body(),
                    yaml -> Optional.of(OpenApiInteractionValidator.createForInlineApiSpecification(yaml)
                            // A body sent to an operation that reads none (the tests post {} to "submit") is ignored by
                            // the server; the description need not list it.
                            .withLevelResolver(LevelResolver.create()
                                    .withLevel("validation.request.body.unexpected", ValidationReport.Level.IGNORE)
                                    // The test client asks for JSON everywhere; an operation that answers 204 offers
                                    // only problem+json (its errors), and HTTP lets a server answer 204 whatever Accept says.
                                    .withLevel("validation.request.accept.notAllowed", ValidationReport.Level.IGNORE).build())
                            .build()));
        } catch (IOException e) {
            throw new IllegalStateException("API description not readable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void record(String file, String text) {
        try {
            Path target = Path.of("target");
            if (Files.isDirectory(target)) {
                Files.writeString(target.resolve(file), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
        } catch (IOException ignored) {
            // The assertion error carries the same text.
        }
    }
}
