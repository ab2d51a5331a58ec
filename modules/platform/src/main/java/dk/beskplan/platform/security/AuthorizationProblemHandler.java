package dk.beskplan.platform.security;

import dk.beskplan.platform.web.Problems;
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
 * 401 and 403: the API answers problem+json; a browser page without a login is sent to the login page.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class AuthorizationProblemHandler implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        // isForbidden(): the user is known but the role does not allow it (403); otherwise nobody is logged in (401).
        boolean loggedIn = exception.isForbidden();
        if (!loggedIn && Problems.wantsPage(request)) {
            String next = URLEncoder.encode(request.getPath(), StandardCharsets.UTF_8);
            return HttpResponse.seeOther(URI.create("/login?next=" + next));
        }
        HttpStatus status = loggedIn ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED;
        String detail = loggedIn ? "Din rolle giver ikke adgang til denne handling" : "Log ind for at fortsætte";
        return HttpResponse.status(status)
                .body(Problems.body(status, loggedIn ? "Ingen adgang" : "Ikke logget ind", detail, request.getPath(), List.of()))
                .contentType(Problems.PROBLEM_JSON);
    }
}
