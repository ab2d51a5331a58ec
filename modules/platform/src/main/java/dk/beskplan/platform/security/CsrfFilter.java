package dk.beskplan.platform.security;

import dk.beskplan.platform.web.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.exceptions.BufferLengthExceededException;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.filter.FilterBodyParser;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Synchronizer-token CSRF protection: every state-changing request made with a session must carry the
 * session's token, as the form field {@code _csrf} (pages, url-encoded and multipart forms alike) or the header
 * {@code X-CSRF-Token} (API, htmx). Never in the URL: addresses end up in logs, histories and Referer headers.
 * Runs after authentication, which leaves the session on the request. The form fields it read are left on the
 * request ({@link #FORM_FIELDS_ATTRIBUTE}) for later filters, so a body is parsed once.
 *
 * <p>Before the token, every state-changing request, with or without a session (login included), must come from one
 * of our own pages by its {@code Origin} (or {@code Referer}) header ({@link Origins}); a foreign one is refused 403.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class CsrfFilter implements Ordered {
    public static final String FORM_FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    /** The title of the refusal of a form without its token; the error page gives it its own advice. */
    public static final String FORM_REFUSED = "Formularen blev ikke sendt";
    /** Request attribute: the url-encoded form fields, or a multipart form's small text fields, as read here. */
    public static final String FORM_FIELDS_ATTRIBUTE = "beskplan.formFields";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);
    /** Login creates the session, so it cannot carry its token yet. */
    private static final Set<String> EXEMPT = Set.of("/login", "/api/login");

    private final FilterBodyParser bodyParser;
    private final Origins origins;

    public CsrfFilter(FilterBodyParser bodyParser, Origins origins) {
        this.bodyParser = bodyParser;
        this.origins = origins;
    }

    /** The token a page must put in its forms (empty without a session). */
    public static java.util.Optional<String> tokenOf(HttpRequest<?> request) {
        return request.getAttribute(SessionAuthenticationFetcher.SESSION_ATTRIBUTE, Sessions.Session.class)
                .map(Sessions.Session::csrfToken);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    /*
     * Synchronous on a blocking thread on purpose: returning the body parser's future from here let the
     * continuation race with micronaut-security's (legacy) filter chain and, now and then, end in a 500
     * (NPE in AroundLegacyFilter, seen in SecurityTest). Waiting for a small form body costs nothing.
     */
    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public @Nullable HttpResponse<?> check(HttpRequest<?> request) {
        if (SAFE.contains(request.getMethod())) {
            return null;
        }
        if (!origins.fromOwnPage(request)) {
            return refuse(request, "Forespørgslen kom fra et andet websted end Beskplan og er afvist."
                    + " Åbn Beskplan direkte og prøv igen.");
        }
        var session = request.getAttribute(SessionAuthenticationFetcher.SESSION_ATTRIBUTE, Sessions.Session.class);
        if (session.isEmpty() || EXEMPT.contains(request.getPath())) {
            return null;
        }
        String expected = session.get().csrfToken();
        Map<String, Object> fields = formFields(request);
        request.setAttribute(FORM_FIELDS_ATTRIBUTE, fields);
        String header = request.getHeaders().get(HEADER);
        if (header != null) {
            return matches(expected, header) ? null : refuse(request);
        }
        if (!isForm(request)) {
            return refuse(request);
        }
        Object token = fields.get(FORM_FIELD);
        if (token instanceof List<?> list && !list.isEmpty()) {
            token = list.get(0);
        }
        return token != null && matches(expected, token.toString()) ? null : refuse(request);
    }

    private static boolean isForm(HttpRequest<?> request) {
        return request.getContentType()
                .map(t -> t.equals(MediaType.APPLICATION_FORM_URLENCODED_TYPE) || t.equals(MediaType.MULTIPART_FORM_DATA_TYPE))
                .orElse(false);
    }

    private Map<String, Object> formFields(HttpRequest<?> request) {
        if (!isForm(request)) {
            return Map.of();
        }
        try {
            if (request.getContentType().get().equals(MediaType.MULTIPART_FORM_DATA_TYPE)) {
                return MultipartFields.read(request).get(30, TimeUnit.SECONDS);
            }
            return bodyParser.parseBody(request).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        } catch (ExecutionException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof ContentLengthExceededException || cause instanceof BufferLengthExceededException) {
                    throw (RuntimeException) cause; // 413, not a missing token
                }
            }
            return Map.of(); // an unparsable body carries no token: refused
        } catch (TimeoutException e) {
            return Map.of();
        }
    }

    private static boolean matches(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A form sent without this session's token, in the words of the person who sent it: most often the page was open
     * from before a new login (or a session that ran out), so reloading it is what helps.
     */
    private static HttpResponse<?> refuse(HttpRequest<?> request) {
        return HttpResponse.status(HttpStatus.FORBIDDEN)
                .body(Problems.body(HttpStatus.FORBIDDEN, FORM_REFUSED, "Siden var åbnet, før du loggede ind sidst, eller den har"
                        + " ligget åben for længe, så det, du sendte, blev ikke gemt. Genindlæs siden, og prøv igen.",
                        request.getPath(), List.of()))
                .contentType(Problems.PROBLEM_JSON);
    }

    private static HttpResponse<?> refuse(HttpRequest<?> request, String detail) {
        return HttpResponse.status(HttpStatus.FORBIDDEN)
                .body(Problems.body(HttpStatus.FORBIDDEN, "Ingen adgang", detail, request.getPath(), List.of()))
                .contentType(Problems.PROBLEM_JSON);
    }
}
