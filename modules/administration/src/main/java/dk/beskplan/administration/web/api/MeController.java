package dk.beskplan.administration.web.api;

import dk.beskplan.administration.application.SelfService;
import dk.beskplan.platform.security.Sessions;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.web.IfMatch;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Self-service over JSON: my profile and password, and (without signing in) the forgotten-password link and the
 * links from invitation and reset mails.
 */
@Controller("/api/me")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Self-service")
public class MeController {

    /** "Glemt adgangskode?": a user name or e-mail address. */
    @Serdeable
    public record ResetRequest(@io.micronaut.core.annotation.Nullable String usernameOrEmail) {
    }

    private final SelfService self;
    private final UserAccounts users;
    private final Sessions sessions;

    MeController(SelfService self, UserAccounts users, Sessions sessions) {
        this.self = self;
        this.users = users;
        this.sessions = sessions;
    }

    @Get("/profile")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "My name, e-mail, municipality, roles and last login; ETag: the version")
    @ApiResponse(responseCode = "200", description = "my profile")
    public HttpResponse<UserAccounts.User> profile(Authentication auth) {
        UserAccounts.User user = users.find(auth.getName()).orElseThrow();
        return IfMatch.ok(user, user.version());
    }

    @Put("/profile")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Change my name and e-mail")
    @ApiResponse(responseCode = "200", description = "my profile, changed")
    @ApiResponse(responseCode = "400", description = "displayName or email missing or invalid, the e-mail in use, or version missing (problem+json naming the field)")
    @ApiResponse(responseCode = "409", description = "the version is stale")
    public HttpResponse<UserAccounts.User> updateProfile(@Body SelfService.Profile request, Authentication auth) {
        UserAccounts.User user = self.updateProfile(auth.getName(), request);
        return IfMatch.ok(user, user.version());
    }

    @Put("/password")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Change my password: the current one is required; my other sessions end")
    @ApiResponse(responseCode = "204", description = "changed")
    @ApiResponse(responseCode = "400", description = "currentPassword wrong, newPassword refused by the password policy, repeatPassword differs (problem+json naming the field)")
    public HttpResponse<?> changePassword(HttpRequest<?> request, @Body SelfService.PasswordChange change, Authentication auth) {
        self.changePassword(auth.getName(), change, Sessions.current(request).map(Sessions.Session::idHash).orElse(null));
        return HttpResponse.noContent();
    }

    /** How many of my other sessions ended. */
    @Serdeable
    public record SessionsEnded(int ended) {
    }

    @Get("/sessions")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "My live sessions: started, last used, browser (User-Agent); current marks the one asking")
    @ApiResponse(responseCode = "200", description = "my sessions, the most recently used first")
    public java.util.List<Sessions.SessionInfo> sessions(HttpRequest<?> request, Authentication auth) {
        return sessions.list(auth.getName(), Sessions.current(request).map(Sessions.Session::idHash).orElse(null));
    }

    @Delete("/sessions")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Log my other sessions out; this one stays")
    @ApiResponse(responseCode = "200", description = "how many sessions ended")
    public SessionsEnded endOtherSessions(HttpRequest<?> request, Authentication auth) {
        String current = Sessions.current(request).map(Sessions.Session::idHash).orElse("");
        return new SessionsEnded(sessions.endOthers(auth.getName(), current));
    }

    @Post("/password-reset")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Forgotten password: if the user exists and is active, a single-use link valid one hour goes to their e-mail."
            + " The answer is the same, and as fast, whether or not the user exists.")
    @ApiResponse(responseCode = "202", description = "accepted (whether or not the user exists)")
    @ApiResponse(responseCode = "400", description = "usernameOrEmail missing or too long")
    public HttpResponse<?> requestReset(@Body ResetRequest request) {
        self.requestReset(request.usernameOrEmail());
        return HttpResponse.accepted();
    }

    @Get("/password-links/{token}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "What a link from an invitation or reset mail allows: state VALID, EXPIRED, USED, REPLACED, CLOSED or UNKNOWN")
    @ApiResponse(responseCode = "200", description = "the link's state (and whose it is, when valid)")
    public SelfService.LinkView link(@PathVariable String token) {
        SelfService.LinkView view = self.link(token);
        return "VALID".equals(view.state()) ? view : new SelfService.LinkView(view.state(), null, null, null);
    }

    @Post("/password-links/{token}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Choose a password from a valid link; the link is used up and any session of the user ends")
    @ApiResponse(responseCode = "204", description = "the password is set; sign in with it")
    @ApiResponse(responseCode = "400", description = "password refused by the policy, or repeatPassword differs (problem+json naming the field)")
    @ApiResponse(responseCode = "409", description = "the link is expired, used, replaced, unknown, or the user is deactivated")
    public HttpResponse<?> choosePassword(@PathVariable String token, @Body SelfService.ChosenPassword request) {
        self.choosePassword(token, request);
        return HttpResponse.noContent();
    }

    @Post("/password-links/{token}/renewal")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Ask for a new link in place of an expired or used one; it goes to the user's own e-mail address")
    @ApiResponse(responseCode = "202", description = "accepted (whether or not the link was known)")
    public HttpResponse<?> renew(@PathVariable String token) {
        self.renew(token);
        return HttpResponse.accepted();
    }
}
