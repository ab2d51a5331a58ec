package dk.beskplan.platform.security;

import dk.beskplan.platform.security.sso.SingleSignOnSettings;
import dk.beskplan.platform.web.InvalidInput;
import dk.beskplan.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Login and logout for pages and API alike. A successful login always starts a brand-new session; logout
 * deletes it on the server, so an old cookie is worthless afterwards.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Login")
public class LoginController {

    /** Credentials for the API login. */
    @Serdeable
    public record LoginRequest(@NotBlank(message = "skal udfyldes") @Size(max = 200) String username,
                               @NotBlank(message = "skal udfyldes") @Size(max = 1000) String password) {
    }

    /** Who is logged in, and the token to send as X-CSRF-Token on state-changing requests. */
    @Serdeable
    public record Me(String username, String displayName, @Nullable String municipality, Set<String> roles,
                     String csrfToken) {
    }

    /** The one answer to an unknown user, a wrong password and an attempt that must wait (same status, same text). */
    static final String WRONG = "Forkert brugernavn eller adgangskode. Efter flere forkerte forsøg skal du vente lidt, før du prøver igen.";

    private final UserAccounts users;
    private final PasswordLogins logins;
    private final ClientAddress clientAddress;
    private final Sessions sessions;
    private final SessionCookie cookie;
    private final SingleSignOnSettings singleSignOn;

    public LoginController(UserAccounts users, PasswordLogins logins, ClientAddress clientAddress, Sessions sessions,
                           SessionCookie cookie, SingleSignOnSettings singleSignOn) {
        this.users = users;
        this.logins = logins;
        this.clientAddress = clientAddress;
        this.sessions = sessions;
        this.cookie = cookie;
        this.singleSignOn = singleSignOn;
    }

    @Post("/api/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Sign in with user name and password: sets the session cookie and answers the user with the CSRF token"
            + " every changing request sends back in X-CSRF-Token")
    public HttpResponse<Me> apiLogin(HttpRequest<?> request, @Body @Valid LoginRequest login) {
        UserAccounts.User user = authenticate(login.username(), login.password(), clientAddress.of(request));
        cookie.read(request).ifPresent(sessions::delete);
        Sessions.NewSession session = sessions.create(user.username());
        return HttpResponse.ok(me(user, session.csrfToken())).cookie(cookie.create(session.id()));
    }

    @Post("/api/logout")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Sign out: the session ends and its cookie is cleared")
    @Status(HttpStatus.NO_CONTENT)
    public HttpResponse<?> apiLogout(HttpRequest<?> request) {
        cookie.read(request).ifPresent(sessions::delete);
        return HttpResponse.noContent().cookie(cookie.expired());
    }

    @Get("/api/me")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "The signed-in user: name, municipality, roles and the session's CSRF token")
    public Me me(HttpRequest<?> request, Authentication authentication) {
        UserAccounts.User user = users.find(authentication.getName()).orElseThrow();
        String csrf = request.getAttribute(SessionAuthenticationFetcher.SESSION_ATTRIBUTE, Sessions.Session.class)
                .map(Sessions.Session::csrfToken).orElse("");
        return me(user, csrf);
    }

    @Get("/login")
    @Produces(MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public ModelAndView<Map<String, Object>> loginPage(@QueryValue @Nullable String next, @QueryValue @Nullable String udloebet,
                                                       @QueryValue @Nullable String besked) {
        ModelAndView<Map<String, Object>> page = loginView(null, "", next, HttpStatus.OK).body();
        page.getModel().ifPresent(model -> {
            model.put("expired", udloebet != null);
            // A known notice only ("adgangskode-gemt" after choosing a password, "logget-ud"): never text from the URL.
            if (besked != null && NOTICES.contains(besked)) {
                model.put("notice", "login.notice." + besked);
            }
        });
        return page;
    }

    private static final Set<String> NOTICES = Set.of("adgangskode-gemt", "logget-ud");

    @Post("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public MutableHttpResponse<?> formLogin(HttpRequest<?> request, @Body Map<String, String> form) {
        String username = form.getOrDefault("username", "");
        String next = safeNext(form.get("next")); // checked before anything is written
        try {
            UserAccounts.User user = authenticate(username, form.getOrDefault("password", ""), clientAddress.of(request));
            cookie.read(request).ifPresent(sessions::delete);
            Sessions.NewSession session = sessions.create(user.username());
            return HttpResponse.seeOther(URI.create(next)).cookie(cookie.create(session.id()));
        } catch (ProblemException e) {
            return loginView(e.getMessage(), username, next, e.status());
        }
    }

    @Post("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public HttpResponse<?> formLogout(HttpRequest<?> request) {
        cookie.read(request).ifPresent(sessions::delete);
        return HttpResponse.seeOther(URI.create("/login?besked=logget-ud")).cookie(cookie.expired());
    }

    private UserAccounts.User authenticate(String username, String password, String address) {
        if (username == null || username.isBlank()) {
            throw InvalidInput.field("username", "skal udfyldes");
        }
        UserAccounts.LoginResult result = logins.attempt(username.trim(), password == null ? "" : password, address);
        if (result instanceof UserAccounts.LoginResult.Success success) {
            return success.user();
        }
        if (result instanceof UserAccounts.LoginResult.Deactivated) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "Adgang lukket",
                    "Din adgang til Beskplan er lukket. Kontakt din kommunes administrator.", List.of());
        }
        if (result instanceof UserAccounts.LoginResult.PasswordLoginOff) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "Log ind via kommunen",
                    "Din kommune logger ind med sit eget login. Brug knappen for din kommune.", List.of());
        }
        throw new ProblemException(HttpStatus.UNAUTHORIZED, "Ikke logget ind", WRONG, List.of());
    }

    private MutableHttpResponse<ModelAndView<Map<String, Object>>> loginView(@Nullable String error, String username,
                                                                             @Nullable String next, HttpStatus status) {
        Map<String, Object> model = new HashMap<>();
        model.put("error", error);
        model.put("username", username);
        model.put("next", safeNext(next));
        model.put("expired", false);
        // "Log ind med <kommune>" for each active municipality that signs its staff in through its own provider.
        model.put("ssoChoices", singleSignOn.loginChoices());
        return HttpResponse.status(status).body(new ModelAndView<>("platform/login", model));
    }

    /**
     * Only local paths: a login link must not be able to send the user to another site, nor carry anything that is not
     * a valid address (control characters, spaces, backslashes). Anything else becomes the front page.
     */
    public static String safeNext(@Nullable String next) {
        return next != null && isLocalPath(next) ? next : "/";
    }

    /** A path on this site ("/planer/1?fane=2"): no scheme, no host, no "//", nothing a browser would reinterpret. */
    public static boolean isLocalPath(String path) {
        if (path.isEmpty() || path.length() > 2000 || path.charAt(0) != '/' || path.startsWith("//")) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= ' ' || c == 0x7f || c == '\\' || Character.isISOControl(c) || Character.isWhitespace(c)
                    || Character.getType(c) == Character.FORMAT) {
                return false;
            }
        }
        try {
            URI uri = new URI(path);
            return uri.getScheme() == null && uri.getRawAuthority() == null && uri.getRawPath() != null
                    && uri.getRawPath().startsWith("/") && !uri.getRawPath().startsWith("//");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Me me(UserAccounts.User user, String csrf) {
        return new Me(user.username(), user.displayName(), user.municipality(), user.roles(), csrf);
    }

}
