package dk.beskplan.administration.web.api;

import dk.beskplan.administration.application.SingleSignOnAdministration;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.web.IfMatch;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A municipality's single sign-on settings over JSON (local administrator of that municipality, or the system
 * administrator). The client secret is write-only: GET says only whether one is stored.
 */
@Controller("/api/admin/municipalities/{code}/sso")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.ADMIN, Roles.LOCAL_ADMIN})
@Tag(name = "Administration")
public class SingleSignOnAdminController {
    private final SingleSignOnAdministration singleSignOn;

    SingleSignOnAdminController(SingleSignOnAdministration singleSignOn) {
        this.singleSignOn = singleSignOn;
    }

    @Get
    @Operation(summary = "The municipality's OpenID Connect settings (never the client secret: clientSecretStored says whether one is saved); ETag: their version")
    @ApiResponse(responseCode = "200", description = "the settings; redirectPath is the redirect URI's path to register at the provider")
    public HttpResponse<SingleSignOnAdministration.View> get(@PathVariable String code, Authentication auth) {
        return withVersion(singleSignOn.get(CurrentUser.of(auth), code));
    }

    @Put
    @Operation(summary = "Change the OpenID Connect settings: enabled, issuer (https), clientId, clientSecret (write-only; empty keeps the stored one),"
            + " groupsClaim, roleMappings [{group, role}] (roles OFFICIAL, SECRETARY, MANAGER, READER, LOCAL_ADMIN), passwordLogin."
            + " The version read goes in If-Match (or in the body as version). Published as administration.single-sign-on-changed, without the secret.")
    @ApiResponse(responseCode = "200", description = "the settings as now stored")
    @ApiResponse(responseCode = "400", description = "a field is missing or invalid, the issuer's discovery document cannot be fetched, or the version is missing (problem+json naming the field, e.g. issuer, clientSecret, roleMappings[0].role, passwordLogin, version)")
    @ApiResponse(responseCode = "409", description = "the version is stale: someone changed the settings meanwhile")
    public HttpResponse<SingleSignOnAdministration.View> put(@PathVariable String code, @Body SingleSignOnAdministration.Request request,
                                                             @Header("If-Match") @Nullable String ifMatch, Authentication auth) {
        Integer version = IfMatch.optionalInt(ifMatch);
        SingleSignOnAdministration.Request versioned = version == null ? request
                : new SingleSignOnAdministration.Request(request.enabled(), request.issuer(), request.clientId(), request.clientSecret(),
                request.groupsClaim(), request.roleMappings(), request.passwordLogin(), version);
        return withVersion(singleSignOn.update(CurrentUser.of(auth), code, versioned));
    }

    private static HttpResponse<SingleSignOnAdministration.View> withVersion(SingleSignOnAdministration.View view) {
        return IfMatch.ok(view, view.version());
    }
}
