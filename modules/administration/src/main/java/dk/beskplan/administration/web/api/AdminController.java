package dk.beskplan.administration.web.api;

import dk.beskplan.administration.application.Acts;
import dk.beskplan.administration.application.MunicipalityAdministration;
import dk.beskplan.administration.application.Scope;
import dk.beskplan.administration.application.UserAdministration;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.tenancy.Municipalities;
import dk.beskplan.platform.web.IfMatch;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/**
 * Administration over JSON: municipalities (activate, deactivate, settings, look, logo), their users (invite, roles,
 * deactivate, reactivate, new invitation, search) and the history of administrative acts. The system administrator
 * may act on every municipality; a local administrator on their own only (another municipality's code is 403, whether
 * it names a municipality or not; another municipality's user is 404). Errors are problem+json
 * naming the field; updates carry the version read (optimistic locking, 409 when stale).
 */
@Controller("/api/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.ADMIN, Roles.LOCAL_ADMIN})
@Tag(name = "Administration")
public class AdminController {

    /** A version-only request body (deactivation, reactivation). */
    @io.micronaut.serde.annotation.Serdeable
    public record VersionOnly(@Nullable Integer version) {
    }

    private final MunicipalityAdministration municipalities;
    private final UserAdministration users;
    private final Acts acts;

    AdminController(MunicipalityAdministration municipalities, UserAdministration users, Acts acts) {
        this.municipalities = municipalities;
        this.users = users;
        this.acts = acts;
    }

    @Get("/municipalities")
    @Operation(summary = "The catalogue of the 98 municipalities (system administrator) or one's own (local administrator)")
    @ApiResponse(responseCode = "200", description = "the municipalities with their settings")
    public List<Municipalities.Municipality> municipalities(Authentication auth) {
        return municipalities.list(CurrentUser.of(auth));
    }

    @Get("/municipalities/{code}")
    @Operation(summary = "One municipality with its settings; ETag: its version")
    @ApiResponse(responseCode = "200", description = "the municipality")
    public HttpResponse<Municipalities.Municipality> municipality(@PathVariable String code, Authentication auth) {
        return withVersion(municipalities.get(CurrentUser.of(auth), code));
    }

    @Post("/municipalities/{code}/activation")
    @Secured(Roles.ADMIN)
    @Operation(summary = "Activate a municipality and name its local administrator, who is invited by e-mail (link valid 72 hours)")
    @ApiResponse(responseCode = "200", description = "the municipality, now active")
    @ApiResponse(responseCode = "400", description = "localAdminName or localAdminEmail missing or invalid, or the e-mail in use (problem+json naming the field)")
    @ApiResponse(responseCode = "409", description = "already active, or the version is stale")
    public HttpResponse<Municipalities.Municipality> activateMunicipality(@PathVariable String code, @Body MunicipalityAdministration.Activation request,
                                                              Authentication auth) {
        return withVersion(municipalities.activate(CurrentUser.of(auth), code, request));
    }

    @Post("/municipalities/{code}/deactivation")
    @Secured(Roles.ADMIN)
    @Operation(summary = "Deactivate a municipality: its users can no longer sign in (open sessions end at their next request); nothing is deleted")
    @ApiResponse(responseCode = "200", description = "the municipality, now inactive")
    @ApiResponse(responseCode = "400", description = "version missing")
    @ApiResponse(responseCode = "409", description = "already inactive, or the version is stale")
    public HttpResponse<Municipalities.Municipality> deactivateMunicipality(@PathVariable String code, @Body VersionOnly request, Authentication auth) {
        return withVersion(municipalities.deactivate(CurrentUser.of(auth), code, request.version()));
    }

    @Put("/municipalities/{code}/settings")
    @Operation(summary = "Change the display name and the contact e-mail for citizens (empty clears)")
    @ApiResponse(responseCode = "200", description = "the municipality with the new settings")
    @ApiResponse(responseCode = "400", description = "displayName too long, contactEmail invalid, or version missing (problem+json naming the field)")
    @ApiResponse(responseCode = "409", description = "the version is stale")
    public HttpResponse<Municipalities.Municipality> settings(@PathVariable String code, @Body MunicipalityAdministration.Settings request,
                                                              Authentication auth) {
        return withVersion(municipalities.updateSettings(CurrentUser.of(auth), code, request));
    }

    @Put("/municipalities/{code}/look")
    @Operation(summary = "Change the look of the municipality's plan, agenda, protocol and status report (HTML and PDF):"
            + " primaryColour (headings, title page, rules) and tableHeaderColour (table header cells) as #rrggbb, and font,"
            + " one of DEJAVU_SANS and DEJAVU_SERIF (embedded in the PDF); empty values are the documents' own look."
            + " A colour with a contrast below 4.5:1 (WCAG AA) against the white page, or against both dark and white"
            + " header text, is refused. A document frozen before keeps the look it was rendered with.")
    @ApiResponse(responseCode = "200", description = "the municipality with the new look")
    @ApiResponse(responseCode = "400", description = "a colour not #rrggbb or below 4.5:1 contrast, a font not in the list, or version"
            + " missing (problem+json naming the field: primaryColour, tableHeaderColour, font, version)")
    @ApiResponse(responseCode = "409", description = "the version is stale")
    public HttpResponse<Municipalities.Municipality> look(@PathVariable String code, @Body MunicipalityAdministration.Look request,
                                                          Authentication auth) {
        return withVersion(municipalities.updateLook(CurrentUser.of(auth), code, request));
    }

    @Put(value = "/municipalities/{code}/logo", consumes = {"image/png", "image/svg+xml"})
    @Operation(summary = "Upload the logo: PNG or SVG, at most 256 KB; an SVG with scripts, event handlers or outside references is refused."
            + " The version read goes in If-Match.")
    @ApiResponse(responseCode = "200", description = "the municipality with the new logo")
    @ApiResponse(responseCode = "400", description = "not a PNG/SVG, too large, an unsafe SVG (field logo), or If-Match not a version (field If-Match)")
    @ApiResponse(responseCode = "409", description = "the version is stale")
    public HttpResponse<Municipalities.Municipality> uploadLogo(@PathVariable String code, @Body byte[] content,
                                                                @Header("If-Match") @Nullable String ifMatch, Authentication auth) {
        return withVersion(municipalities.replaceLogo(CurrentUser.of(auth), code, content, IfMatch.requiredInt(ifMatch)));
    }

    @Delete("/municipalities/{code}/logo")
    @Operation(summary = "Remove the logo; the version read goes in If-Match")
    @ApiResponse(responseCode = "200", description = "the municipality without a logo")
    @ApiResponse(responseCode = "400", description = "If-Match not a version (field If-Match)")
    @ApiResponse(responseCode = "409", description = "the version is stale")
    public HttpResponse<Municipalities.Municipality> removeLogo(@PathVariable String code, @Header("If-Match") @Nullable String ifMatch,
                                                                Authentication auth) {
        return withVersion(municipalities.replaceLogo(CurrentUser.of(auth), code, null, IfMatch.requiredInt(ifMatch)));
    }

    @Get("/municipalities/{code}/users{?q}")
    @Operation(summary = "The municipality's users with roles and last login, active first; q searches user name, name and e-mail")
    @ApiResponse(responseCode = "200", description = "the users")
    public List<UserAccounts.User> users(@PathVariable String code, @QueryValue @Nullable String q, Authentication auth) {
        return users.list(CurrentUser.of(auth), code, q);
    }

    @Post("/municipalities/{code}/users")
    @Operation(summary = "Invite a user (name, e-mail, roles; user name defaults to the e-mail): they get an e-mail with a single-use"
            + " link, valid 72 hours, to choose their password. ADMIN cannot be granted.")
    @ApiResponse(responseCode = "201", description = "the invited user; Location: the user",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UserAccounts.User.class)))
    @ApiResponse(responseCode = "400", description = "displayName, email, username or roles invalid, or user name / e-mail in use (problem+json naming the field)")
    @ApiResponse(responseCode = "409", description = "the municipality is not active")
    public HttpResponse<UserAccounts.User> invite(@PathVariable String code, @Body UserAdministration.Invitation request,
                                                  Authentication auth) {
        UserAccounts.User user = users.invite(CurrentUser.of(auth), code, request);
        return HttpResponse.<UserAccounts.User>status(HttpStatus.CREATED).body(user)
                .header("Location", "/api/admin/users/" + user.username()).header("ETag", IfMatch.etag(user.version()));
    }

    @Get("/users/{username}")
    @Operation(summary = "One user with roles, state and last login; ETag: the version")
    @ApiResponse(responseCode = "200", description = "the user")
    public HttpResponse<UserAccounts.User> user(@PathVariable String username, Authentication auth) {
        UserAccounts.User user = users.get(CurrentUser.of(auth), username);
        return IfMatch.ok(user, user.version());
    }

    @Put("/users/{username}/roles")
    @Operation(summary = "Change a user's roles (one or more of OFFICIAL, SECRETARY, MANAGER, READER, LOCAL_ADMIN; never ADMIN)")
    @ApiResponse(responseCode = "200", description = "the user with the new roles")
    @ApiResponse(responseCode = "400", description = "roles empty, unknown or ADMIN, one's own roles, or version missing (problem+json naming the field)")
    @ApiResponse(responseCode = "409", description = "the version is stale, or a system administrator")
    public HttpResponse<UserAccounts.User> roles(@PathVariable String username, @Body UserAdministration.RoleChange request,
                                                 Authentication auth) {
        UserAccounts.User user = users.changeRoles(CurrentUser.of(auth), username, request);
        return IfMatch.ok(user, user.version());
    }

    @Post("/users/{username}/deactivation")
    @Operation(summary = "Deactivate a user: every session ends at once, no more sign-in, reminders or calendar feed; goals they own are"
            + " offered for reassignment in follow-up; their name stays in every history")
    @ApiResponse(responseCode = "200", description = "the user, now inactive")
    @ApiResponse(responseCode = "400", description = "version missing")
    @ApiResponse(responseCode = "409", description = "already inactive, oneself, a system administrator, or the version is stale")
    public HttpResponse<UserAccounts.User> deactivateUser(@PathVariable String username, @Body VersionOnly request, Authentication auth) {
        UserAccounts.User user = users.deactivate(CurrentUser.of(auth), username, request.version());
        return IfMatch.ok(user, user.version());
    }

    /** How many sessions an administrator ended. */
    @io.micronaut.serde.annotation.Serdeable
    public record SessionsEnded(int ended) {
    }

    @Get("/users/{username}/sessions")
    @Operation(summary = "A user's live sessions: started, last used, browser (User-Agent)")
    @ApiResponse(responseCode = "200", description = "the sessions, the most recently used first")
    public List<dk.beskplan.platform.security.Sessions.SessionInfo> sessions(@PathVariable String username, Authentication auth) {
        return users.sessions(CurrentUser.of(auth), username);
    }

    @Delete("/users/{username}/sessions")
    @Operation(summary = "End every session of a user at once (they must sign in again); recorded in the history and the archive")
    @ApiResponse(responseCode = "200", description = "how many sessions ended")
    public SessionsEnded endSessions(@PathVariable String username, Authentication auth) {
        return new SessionsEnded(users.endSessions(CurrentUser.of(auth), username));
    }

    @Post("/users/{username}/reactivation")
    @Operation(summary = "Reactivate a deactivated user")
    @ApiResponse(responseCode = "200", description = "the user, active again")
    @ApiResponse(responseCode = "400", description = "version missing")
    @ApiResponse(responseCode = "409", description = "already active, a system administrator, or the version is stale")
    public HttpResponse<UserAccounts.User> reactivateUser(@PathVariable String username, @Body VersionOnly request, Authentication auth) {
        UserAccounts.User user = users.reactivate(CurrentUser.of(auth), username, request.version());
        return IfMatch.ok(user, user.version());
    }

    @Post("/users/{username}/invitation")
    @Operation(summary = "Send a new invitation to a user who has not chosen a password yet; the older link stops working")
    @ApiResponse(responseCode = "202", description = "the invitation is on its way")
    @ApiResponse(responseCode = "409", description = "the user already has a password, is inactive or has no e-mail")
    public HttpResponse<?> reinvite(@PathVariable String username, Authentication auth) {
        users.reinvite(CurrentUser.of(auth), username);
        return HttpResponse.accepted();
    }

    @Get("/acts{?municipality,user}")
    @Operation(summary = "The history of administrative acts, newest first (who, when, what); a local administrator sees their municipality's")
    @ApiResponse(responseCode = "200", description = "the acts")
    public List<Acts.Act> acts(@QueryValue @Nullable String municipality, @QueryValue @Nullable String user, Authentication auth) {
        CurrentUser actor = CurrentUser.of(auth);
        String scope = Scope.isSystemAdmin(actor) ? municipality : actor.municipality();
        if (municipality != null && !Scope.administers(actor, municipality)) {
            throw Scope.noAccess(municipality);
        }
        if (user != null) {
            users.get(actor, user);
        }
        return acts.history(scope, user, 500);
    }

    private static HttpResponse<Municipalities.Municipality> withVersion(Municipalities.Municipality m) {
        return IfMatch.ok(m, m.version());
    }
}
