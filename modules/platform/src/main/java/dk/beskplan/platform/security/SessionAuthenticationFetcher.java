package dk.beskplan.platform.security;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Turns the session cookie into the request's user. Roles and municipality are read from the user row on
 * every request, so a changed role takes effect at once, and a deactivated user is signed out at once. The session is left on the request for the CSRF
 * check.
 */
@Singleton
public class SessionAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {
    static final String SESSION_ATTRIBUTE = "beskplan.session";

    private final Sessions sessions;
    private final SessionCookie cookie;
    private final ExecutorService blocking;

    public SessionAuthenticationFetcher(Sessions sessions, SessionCookie cookie,
                                        @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.sessions = sessions;
        this.cookie = cookie;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        Optional<String> sessionId = cookie.read(request);
        if (sessionId.isEmpty()) {
            return Publishers.empty();
        }
        // JDBC must not run on the event loop. A null result (no live session) completes empty.
        return Publishers.fromCompletableFuture(() -> CompletableFuture.supplyAsync(() -> authenticate(request, sessionId.get()), blocking));
    }

    private Authentication authenticate(HttpRequest<?> request, String sessionId) {
        // A deactivated user (or municipality) loses the session at the next request, whatever the cookie says.
        return sessions.find(sessionId).filter(signedIn -> {
            if (signedIn.maySignIn()) {
                return true;
            }
            sessions.deleteByHash(signedIn.session().idHash());
            return false;
        }).map(signedIn -> {
            UserAccounts.User user = signedIn.user();
            request.setAttribute(SESSION_ATTRIBUTE, signedIn.session());
            Map<String, Object> attributes = new HashMap<>();
            if (user.municipality() != null) {
                attributes.put(CurrentUser.MUNICIPALITY_ATTRIBUTE, user.municipality());
            }
            attributes.put("displayName", user.displayName());
            return Authentication.build(user.username(), user.roles(), attributes);
        }).orElse(null);
    }
}
