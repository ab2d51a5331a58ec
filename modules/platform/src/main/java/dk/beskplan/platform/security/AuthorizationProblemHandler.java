package dk.beskplan.platform.security;

import dk.beskplan.platform.web.ErrorPages;
import dk.beskplan.platform.web.Problems;
import io.micronaut.http.HttpMethod;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * 401 and 403: the API answers problem+json (a page gets it as an error page, see ErrorPages); a browser page
 * without a login is sent to the login page and, after it, back where the person was. For a form sent after the
 * session ran out that is the page holding the form (the Referer), not the form's action, so the browser can
 * put back what was typed (beskplan.js keeps it in the tab's sessionStorage). htmx requests are told to navigate
 * (HX-Redirect) instead of swapping the login page into the form.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class AuthorizationProblemHandler implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        // isForbidden(): the user is known but the role does not allow it (403); otherwise nobody is logged in (401).
        boolean loggedIn = exception.isForbidden();
        boolean htmx = request.getHeaders().contains("HX-Request");
        if (!loggedIn && (Problems.wantsPage(request) || htmx)) {
            String login = "/login?next=" + URLEncoder.encode(returnTo(request), StandardCharsets.UTF_8)
                    // A cookie of a session that no longer exists: it ran out (idle or absolute time-out).
                    + (request.getCookies().contains(SessionCookie.NAME) ? "&udloebet=1" : "");
            return htmx ? HttpResponse.unauthorized().header("HX-Redirect", login)
                    : HttpResponse.seeOther(URI.create(login));
        }
        HttpStatus status = loggedIn ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED;
        String detail = loggedIn ? "Din rolle giver ikke adgang til denne handling" : "Log ind for at fortsætte";
        return HttpResponse.status(status)
                .body(Problems.body(status, loggedIn ? "Ingen adgang" : "Ikke logget ind", detail, request.getPath(), List.of()))
                .contentType(Problems.PROBLEM_JSON);
    }

    /** Where to return after login: the requested page, or for a form sent (POST, htmx) the page it was on. */
    private static String returnTo(HttpRequest<?> request) {
        if (HttpMethod.GET.equals(request.getMethod()) && !request.getHeaders().contains("HX-Request")) {
            return request.getUri().getRawQuery() == null ? request.getPath() : request.getPath() + "?" + request.getUri().getRawQuery();
        }
        return ErrorPages.sameSiteReferer(request).orElse("/");
    }
}
