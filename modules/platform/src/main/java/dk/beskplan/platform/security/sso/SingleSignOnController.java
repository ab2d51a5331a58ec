package dk.beskplan.platform.security.sso;

import dk.beskplan.platform.security.LoginController;
import dk.beskplan.platform.security.SessionCookie;
import dk.beskplan.platform.security.Sessions;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The browser's side of single sign-on: "Log ind med &lt;kommune&gt;" leads here and on to the provider; the provider
 * sends the browser back to {@value #CALLBACK} (the redirect URI to register at the provider). A session starts
 * only after every check of {@link SingleSignOn#complete} passed.
 */
@Controller
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
public class SingleSignOnController {
    public static final String CALLBACK = "/login/sso/svar";
    /** Binds a login attempt to the browser that started it; Lax, because the provider's redirect back is cross-site. */
    static final String BROWSER_COOKIE = "BESKPLAN_SSO";

    private final SingleSignOn singleSignOn;
    private final Sessions sessions;
    private final SessionCookie sessionCookie;
    private final HttpHostResolver hosts;
    private final String baseUrl;
    private final boolean secureCookies;

    public SingleSignOnController(SingleSignOn singleSignOn, Sessions sessions, SessionCookie sessionCookie, HttpHostResolver hosts,
                                  @Value("${beskplan.security.sso.base-url:}") String baseUrl,
                                  @Value("${beskplan.security.cookie-secure:false}") boolean secureCookies) {
        this.singleSignOn = singleSignOn;
        this.sessions = sessions;
        this.sessionCookie = sessionCookie;
        this.hosts = hosts;
        this.baseUrl = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
        this.secureCookies = secureCookies;
    }

    @Get("/login/sso/{municipality}")
    @Produces(MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public MutableHttpResponse<?> start(HttpRequest<?> request, @PathVariable String municipality, @QueryValue @Nullable String next) {
        try {
            SingleSignOn.Start start = singleSignOn.begin(municipality, LoginController.safeNext(next), redirectUri(request));
            Cookie browser = Cookie.of(BROWSER_COOKIE, start.browserToken()).httpOnly(true).secure(secureCookies)
                    .sameSite(SameSite.Lax).path("/login/sso").maxAge(SingleSignOn.ATTEMPT_VALIDITY);
            return HttpResponse.seeOther(URI.create(start.authorizationUrl())).cookie(browser);
        } catch (SingleSignOn.Refused refused) {
            return refusal(refused, HttpStatus.NOT_FOUND);
        }
    }

    @Get(CALLBACK)
    @Produces(MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public MutableHttpResponse<?> callback(HttpRequest<?> request, @QueryValue @Nullable String state, @QueryValue @Nullable String code,
                                           @QueryValue @Nullable String error) {
        String browserToken = request.getCookies().findCookie(BROWSER_COOKIE).map(Cookie::getValue).orElse(null);
        Cookie usedUp = Cookie.of(BROWSER_COOKIE, "").httpOnly(true).secure(secureCookies).sameSite(SameSite.Lax)
                .path("/login/sso").maxAge(java.time.Duration.ZERO);
        try {
            SingleSignOn.SignedIn signedIn = singleSignOn.complete(state, browserToken, code, error, redirectUri(request));
            sessionCookie.read(request).ifPresent(sessions::delete);
            Sessions.NewSession session = sessions.create(signedIn.user().username());
            // Not a redirect: the provider sent the browser here cross-site, and a redirect would carry that on, so the
            // SameSite=Strict session cookie would not be sent with the next page. A page of our own moves on instead.
            Map<String, Object> model = new HashMap<>();
            model.put("next", signedIn.next());
            return HttpResponse.ok(new ModelAndView<>("platform/sso-signed-in", model))
                    .cookie(sessionCookie.create(session.id())).cookie(usedUp);
        } catch (SingleSignOn.Refused refused) {
            return refusal(refused, HttpStatus.FORBIDDEN).cookie(usedUp);
        }
    }

    private static MutableHttpResponse<?> refusal(SingleSignOn.Refused refused, HttpStatus status) {
        Map<String, Object> model = new HashMap<>();
        model.put("reason", refused.getMessage());
        return HttpResponse.status(status).body(new ModelAndView<>("platform/sso-refused", model));
    }

    /** The address the provider sends the browser back to: configured, or this server as the browser reached it. */
    private String redirectUri(HttpRequest<?> request) {
        return (baseUrl.isEmpty() ? hosts.resolve(request) : baseUrl) + CALLBACK;
    }
}
