package dk.beskplan.platform.security;

import dk.beskplan.platform.web.ErrorPages;
import dk.beskplan.platform.web.PageModelProcessor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A page form sent twice (a double click on "Indsend", a form re-sent from the browser's history) is carried out
 * once. beskplan.js gives every form a random submission id ({@value #FIELD}) when the page shows it; the first
 * request with an id claims it, a repeat from the same session is not passed on: it waits for the first to finish
 * and then goes where the first went, with a note that the form was only carried out once. Without the id
 * (API clients, pages without JavaScript) nothing changes: the API has If-Match for that.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RepeatedSubmissions implements Ordered {
    public static final String FIELD = "_submission";
    private static final String CLAIMED = "beskplan.submissionClaimed";
    /** How long a repeat waits for the first request to finish before it shows the page as it is. */
    private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(10);

    private final FormSubmissions submissions;

    public RepeatedSubmissions(FormSubmissions submissions) {
        this.submissions = submissions;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after() + 1; // after CsrfFilter: needs the form fields it read
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public @Nullable HttpResponse<?> check(HttpRequest<?> request) {
        if (!HttpMethod.POST.equals(request.getMethod()) || request.getPath().startsWith("/api/")) {
            return null;
        }
        var session = request.getAttribute(SessionAuthenticationFetcher.SESSION_ATTRIBUTE, Sessions.Session.class);
        String id = submissionId(request);
        if (session.isEmpty() || id == null) {
            return null;
        }
        String sessionHash = session.get().idHash();
        if (submissions.claim(sessionHash, id)) {
            request.setAttribute(CLAIMED, new String[]{sessionHash, id});
            return null;
        }
        return HttpResponse.seeOther(URI.create(withNote(whereTheFirstWent(request, sessionHash, id))));
    }

    @ResponseFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public void recordOutcome(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(CLAIMED, String[].class).ifPresent(claim -> {
            String location = response.getStatus() == HttpStatus.SEE_OTHER ? response.getHeaders().get(HttpHeaders.LOCATION) : null;
            submissions.complete(claim[0], claim[1], location);
        });
    }

    private String whereTheFirstWent(HttpRequest<?> request, String sessionHash, String id) {
        Instant giveUp = Instant.now().plus(WAIT_FOR_FIRST);
        while (Instant.now().isBefore(giveUp)) {
            var first = submissions.first(sessionHash, id);
            if (first.isPresent() && first.get().completed()) {
                if (first.get().location() != null && first.get().location().startsWith("/")) {
                    return first.get().location();
                }
                break;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return ErrorPages.sameSiteReferer(request).orElse("/");
    }

    private static String withNote(String path) {
        String clean = path.replaceAll("([?&])" + PageModelProcessor.REPEATED_PARAMETER + "=1&?", "$1").replaceAll("[?&]$", "");
        return clean + (clean.contains("?") ? "&" : "?") + PageModelProcessor.REPEATED_PARAMETER + "=1";
    }

    private static @Nullable String submissionId(HttpRequest<?> request) {
        Map<?, ?> fields = request.getAttribute(CsrfFilter.FORM_FIELDS_ATTRIBUTE, Map.class).orElse(Map.of());
        Object value = fields.get(FIELD);
        if (value instanceof List<?> list) {
            value = list.isEmpty() ? null : list.get(0);
        }
        return value instanceof String s && !s.isBlank() && s.length() <= 100 ? s : null;
    }
}
