package dk.beskplan.platform.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/** The session cookie: HttpOnly, SameSite=Strict, Secure when served over TLS (configuration). */
@Singleton
public class SessionCookie {
    public static final String NAME = "BESKPLAN_SESSION";
    private final boolean secure;

    public SessionCookie(@Value("${beskplan.security.cookie-secure:false}") boolean secure) {
        this.secure = secure;
    }

    public Cookie create(String sessionId) {
        return Cookie.of(NAME, sessionId).httpOnly(true).secure(secure).sameSite(SameSite.Strict).path("/");
    }

    public Cookie expired() {
        return Cookie.of(NAME, "").httpOnly(true).secure(secure).sameSite(SameSite.Strict).path("/").maxAge(Duration.ZERO);
    }

    public Optional<String> read(HttpRequest<?> request) {
        return request.getCookies().findCookie(NAME).map(Cookie::getValue);
    }
}
