package dk.beskplan.approval.api;

import dk.beskplan.approval.application.ApprovalService;
import dk.beskplan.approval.domain.Submission;
import dk.beskplan.contracts.approval.PlanDecisionRecorded;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.web.NotFound;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The committee secretary's API: plans waiting for a decision, and recording the decision. */
@Controller("/api/approval")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.SECRETARY)
@Tag(name = "Approval")
public class ApprovalController {

    /** The committee's decision on a submitted plan. */
    @Serdeable
    public record DecisionRequest(@NotNull(message = "skal være APPROVED, RETURNED eller REJECTED") Submission.Outcome decision,
                                  @NotNull(message = "skal udfyldes") LocalDate meetingDate,
                                  @Nullable @Size(max = 10000, message = "højst 10000 tegn") String remarks) {
    }

    private final ApprovalService approval;

    public ApprovalController(ApprovalService approval) {
        this.approval = approval;
    }

    @Get("/inbox")
    @Operation(summary = "Submitted plans of the secretary's municipality waiting for a decision")
    public List<ApprovalService.InboxItem> inbox(Authentication auth) {
        return approval.inbox(CurrentUser.of(auth));
    }

    @Get(value = "/submissions/{planId}/revisions/{revision}/document", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "The plan document exactly as submitted: the agenda item's attachment and the text amendments apply to")
    public HttpResponse<String> submittedDocument(@PathVariable UUID planId, @PathVariable int revision, Authentication auth) {
        return approval.submittedDocument(planId, revision, CurrentUser.of(auth))
                .map(HttpResponse::ok)
                .orElseThrow(() -> new NotFound("Indsendelsen er ældre end dokumenterne i beskederne og har intet dokument"));
    }

    @Post("/submissions/{planId}/decision")
    @Operation(summary = "Record the committee's decision on the plan's latest submitted revision")
    public PlanDecisionRecorded decide(@PathVariable UUID planId, @Body @Valid DecisionRequest request, Authentication auth) {
        return approval.decide(planId, request.decision(), request.meetingDate(), request.remarks(), CurrentUser.of(auth));
    }
}
