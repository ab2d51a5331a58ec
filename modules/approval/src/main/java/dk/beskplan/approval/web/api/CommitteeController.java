package dk.beskplan.approval.web.api;

import dk.beskplan.approval.web.api.ApprovalController.CommitteeRequest;
import dk.beskplan.approval.web.api.ApprovalController.RouteRequest;
import dk.beskplan.approval.web.api.ApprovalController.StageRequest;
import dk.beskplan.approval.application.Committees;
import dk.beskplan.approval.domain.ApprovalRoute;
import dk.beskplan.approval.domain.Committee;
import dk.beskplan.platform.web.IfMatch;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.List;
import java.util.UUID;

/**
 * The secretary's API for the municipality's committees (members, secretaries) and the approval route new submissions
 * follow. The request bodies are {@link ApprovalController}'s.
 */
@Controller("/api/approval")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.SECRETARY)
@Tag(name = "Approval")
public class CommitteeController {
    private final Committees committees;

    public CommitteeController(Committees committees) {
        this.committees = committees;
    }

    @Get("/committees")
    @Operation(summary = "The municipality's committees and council")
    public List<ApprovalJson.CommitteeJson> committees(Authentication auth) {
        return committees.list(CurrentUser.of(auth)).stream().map(ApprovalJson.CommitteeJson::of).toList();
    }

    @Post("/committees")
    @Operation(summary = "Set up a committee (or the council) with its members and secretaries")
    @Status(HttpStatus.CREATED)
    public HttpResponse<ApprovalJson.CommitteeJson> createCommittee(@Body @Valid CommitteeRequest request, Authentication auth) {
        Committee c = committees.create(request.name(), request.kind(), request.domainMembers(), request.secretaries(),
                Boolean.TRUE.equals(request.decidesPlans()), CurrentUser.of(auth));
        return HttpResponse.created(ApprovalJson.CommitteeJson.of(c)).header("ETag", "\"" + c.version() + "\"");
    }

    @Put("/committees/{id}")
    @Operation(summary = "Change a committee's name, members or secretaries (If-Match: its version)")
    public HttpResponse<ApprovalJson.CommitteeJson> updateCommittee(@PathVariable UUID id, @Body @Valid CommitteeRequest request,
                                                                    @Header("If-Match") @Nullable String ifMatch, Authentication auth) {
        Committee c = committees.update(id, IfMatch.required(ifMatch), request.name(), request.kind(), request.domainMembers(),
                request.secretaries(), CurrentUser.of(auth));
        return HttpResponse.ok(ApprovalJson.CommitteeJson.of(c)).header("ETag", "\"" + c.version() + "\"");
    }

    @Get("/route")
    @Operation(summary = "The approval route new submissions follow. Unset (configured false): no committee decides, and"
            + " submitted plans wait in the in-box until the secretary sets it (a plan cannot go on an agenda before)")
    public ApprovalJson.RouteJson route(Authentication auth) {
        return ApprovalJson.RouteJson.of(committees.route(CurrentUser.of(auth)));
    }

    @Put("/route")
    @Operation(summary = "Set the approval route, e.g. hearing → committee → council (If-Match: its version; -1 before the first save)")
    public ApprovalJson.RouteJson saveRoute(@Body @Valid RouteRequest request, @Header("If-Match") @Nullable String ifMatch,
                                            Authentication auth) {
        List<ApprovalRoute.Stage> stages = request.stages().stream().map(s -> s.kind() == StageRequest.Kind.HEARING
                ? (ApprovalRoute.Stage) new ApprovalRoute.Hearing(s.body(), s.days() == null ? 0 : s.days())
                : new ApprovalRoute.Decision(s.committeeId())).toList();
        return ApprovalJson.RouteJson.of(committees.saveRoute(stages, IfMatch.required(ifMatch), CurrentUser.of(auth)));
    }
}
