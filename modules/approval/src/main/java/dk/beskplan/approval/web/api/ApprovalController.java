package dk.beskplan.approval.web.api;

import dk.beskplan.plandocument.PlanDocumentWriter;
import dk.beskplan.plandocument.Target;
import dk.beskplan.approval.application.Inbox;
import dk.beskplan.approval.domain.AgendaItem;
import dk.beskplan.approval.domain.Amendment;
import dk.beskplan.approval.domain.Committee;
import dk.beskplan.approval.domain.ItemDecision;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.web.NotFound;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The committee secretary's API: the in-box (submitted plans, hearings, status reports); {@link CommitteeController}
 * has committees and the approval route, {@link MeetingController} meetings, agendas, decisions and their documents. The
 * Danish pages do the same through forms.
 * <p>
 * The request bodies of all three are declared here: the API description names their schemas after this class
 * ({@code ApprovalController.MeetingRequest}), and clients know them by those names.
 */
@Controller("/api/approval")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.SECRETARY)
@Tag(name = "Approval")
public class ApprovalController {

    @Serdeable
    public record MemberRequest(@NotBlank(message = "skal udfyldes") @Size(max = 200, message = "højst 200 tegn") String name,
                                @Nullable @Size(max = 20, message = "højst 20 tegn") String party,
                                @Nullable Committee.Role role) {
    }

    @Serdeable
    public record CommitteeRequest(@NotBlank(message = "skal udfyldes") @Size(max = 300, message = "højst 300 tegn") String name,
                                   @Nullable Committee.Kind kind,
                                   @NotNull(message = "skal udfyldes") @Size(min = 1, max = 101, message = "mellem 1 og 101 medlemmer")
                                   List<@Valid MemberRequest> members,
                                   @Nullable @Size(max = 50, message = "højst 50") List<@Size(max = 100) String> secretaries,
                                   @Nullable @Schema(description = "On creation only: true makes this committee the one that"
                                           + " decides plans (the approval route becomes 'this committee only'); allowed while"
                                           + " the municipality has no route. Without a route, plans cannot go on an agenda.")
                                   Boolean decidesPlans) {
        List<Committee.Member> domainMembers() {
            return members.stream().map(m -> new Committee.Member(m.name(), m.party(), m.role())).toList();
        }
    }

    @Serdeable
    public record StageRequest(@NotNull(message = "skal være HEARING eller DECISION") Kind kind,
                               @Nullable @Size(max = 300, message = "højst 300 tegn") String body,
                               @Nullable Integer days, @Nullable UUID committeeId) {
        /** A stage's kind. */
        public enum Kind { HEARING, DECISION }
    }

    @Serdeable
    public record RouteRequest(@NotNull(message = "skal udfyldes") @Size(min = 1, max = 10, message = "mellem 1 og 10 trin")
                               List<@Valid StageRequest> stages) {
    }

    @Serdeable
    public record MeetingRequest(@NotNull(message = "vælg udvalget") UUID committeeId,
                                 @NotNull(message = "skal være en dato som 2026-12-10") LocalDate date,
                                 @Nullable LocalTime time, @Nullable @Size(max = 300, message = "højst 300 tegn") String place,
                                 @Nullable LocalDate submissionDeadline) {
    }

    @Serdeable
    public record AgendaItemRequest(@NotNull(message = "skal være PLAN, STATUS_REPORT eller FREE") AgendaItem.Kind kind,
                                    @Nullable UUID planId, @Nullable UUID reportId,
                                    @Nullable @Size(max = 500, message = "højst 500 tegn") String title,
                                    @Nullable @Size(max = 50000, message = "højst 50000 tegn") String caseText,
                                    @Nullable @Size(max = 20000, message = "højst 20000 tegn") String recommendation) {
    }

    @Serdeable
    public record ItemTextRequest(@NotBlank(message = "skal udfyldes") @Size(max = 500, message = "højst 500 tegn") String title,
                                  @Nullable @Size(max = 50000, message = "højst 50000 tegn") String caseText,
                                  @Nullable @Size(max = 20000, message = "højst 20000 tegn") String recommendation) {
    }

    @Serdeable
    public record PositionRequest(@Min(value = 1, message = "mindst 1") @Max(value = 500, message = "højst 500") int position) {
    }

    /** {@code targetMeetingId} null: take the item off the agenda (back to the in-box). */
    @Serdeable
    public record MoveRequest(@Nullable UUID targetMeetingId) {
    }

    @Serdeable
    public record VoteRequest(@NotBlank(message = "skal udfyldes") @Size(max = 20, message = "højst 20 tegn") String party,
                              @Min(value = 0, message = "kan ikke være negativ") @Max(value = 101, message = "højst 101") int inFavour,
                              @Min(value = 0, message = "kan ikke være negativ") @Max(value = 101, message = "højst 101") int against,
                              @Min(value = 0, message = "kan ikke være negativ") @Max(value = 101, message = "højst 101") int abstained) {
    }

    /** One amendment: goal and item are 1-based positions in the text the committee was given. */
    @Serdeable
    public record AmendmentRequest(@NotNull(message = "skal være REPLACE, ADD eller REMOVE") Amendment.Operation operation,
                                   @NotNull(message = "skal være GOAL, OBJECTIVE, INITIATIVE eller CRITERION") Amendment.Part part,
                                   @Min(value = 1, message = "mindst 1") int goal,
                                   @Nullable @Min(value = 1, message = "mindst 1") Integer item,
                                   @Nullable @Size(max = 20000, message = "højst 20000 tegn") String text,
                                   @Nullable @Valid MeasureRequest measure) {

        public Amendment toAmendment() {
            return new Amendment(operation, part, goal, item, text, measure == null ? null : measure.toMeasure());
        }
    }

    /**
     * A success criterion's new measure, as the committee amended it (only with part CRITERION, REPLACE or ADD). Each
     * field left out keeps what the criterion had; {@code text} may then be left out too when the words stay.
     */
    @Serdeable
    public record MeasureRequest(@Nullable @Schema(implementation = Object.class, description = "a target as in the plan document (docs/plan-document.md)")
                                 Target target,
                                 @Nullable LocalDate deadline,
                                 @Nullable @Size(max = 500, message = "højst 500 tegn") String indicator,
                                 @Nullable @Size(max = 500, message = "højst 500 tegn") String dataSource,
                                 @Nullable @Min(value = 1, message = "mindst 1") @Schema(description = "which of the criterion's several targets"
                                         + " the new target, deadline and indicator are for, from 1 (left out: the first); the others stay")
                                 Integer targetNumber) {

        Amendment.Measure toMeasure() {
            return new Amendment.Measure(target, deadline, indicator, dataSource, targetNumber);
        }
    }

    /**
     * The committee's decision. {@code followedRecommendation} alone records that the committee followed the
     * administration's recommendation (outcome and protocol text then default to it). {@code revision}, when given,
     * must be the revision the item carries (409 when a new one came in meanwhile).
     */
    @Serdeable
    public record DecisionRequest(@Nullable ItemDecision.Outcome outcome, @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, description = "absent: false") boolean followedRecommendation,
                                  @Nullable @Size(max = 20000, message = "højst 20000 tegn") String protocolText,
                                  @NotNull(message = "angiv de tilstedeværende medlemmer") @Size(max = 101, message = "højst 101")
                                  List<@Size(max = 200) String> present,
                                  @Nullable @Size(max = 30, message = "højst 30 partier") List<@Valid VoteRequest> votes,
                                  @Nullable @Size(max = 200, message = "højst 200 ændringer") List<@Valid AmendmentRequest> amendments,
                                  @Nullable UUID postponedTo, @Nullable Integer revision) {
    }

    @Serdeable
    public record CorrectionRequest(@NotBlank(message = "skriv, hvad rettelsen retter, og hvorfor")
                                    @Size(max = 5000, message = "højst 5000 tegn") String reason,
                                    @NotBlank(message = "skal udfyldes") @Size(max = 20000, message = "højst 20000 tegn") String protocolText,
                                    @NotNull(message = "angiv de tilstedeværende medlemmer") @Size(max = 101) List<@Size(max = 200) String> present,
                                    @Nullable @Size(max = 30) List<@Valid VoteRequest> votes) {
    }

    @Serdeable
    public record HearingAnswerRequest(@Nullable @Size(max = 20000, message = "højst 20000 tegn") String answer,
                                       @Nullable LocalDate answeredOn) {
    }

    private final Inbox inbox;

    public ApprovalController(Inbox inbox) {
        this.inbox = inbox;
    }

    @Get("/inbox")
    @Operation(summary = "What waits for the secretary: plans to place on an agenda, plans in hearing, status reports")
    public Inbox.Contents inbox(Authentication auth) {
        return inbox.contents(CurrentUser.of(auth));
    }

    @Get("/submissions/{planId}/revisions/{revision}/document")
    @Operation(summary = "The plan document exactly as submitted: the agenda item's attachment and the text amendments apply to")
    public Map<String, Object> submittedDocument(@PathVariable UUID planId, @PathVariable int revision, Authentication auth) {
        return inbox.submittedDocument(planId, revision, CurrentUser.of(auth)).map(PlanDocumentWriter::write)
                .orElseThrow(() -> new NotFound("Indsendelsen er ældre end dokumenterne i beskederne og har intet dokument"));
    }

    @Get("/submissions/{planId}/revisions/{revision}/current-document")
    @Operation(summary = "The text the next stage decides on: the submitted document with the amendments made so far")
    public Map<String, Object> currentDocument(@PathVariable UUID planId, @PathVariable int revision, Authentication auth) {
        return inbox.currentDocument(planId, revision, CurrentUser.of(auth)).map(PlanDocumentWriter::write)
                .orElseThrow(() -> new NotFound("Indsendelsen er ældre end dokumenterne i beskederne og har intet dokument"));
    }

    @Post("/submissions/{planId}/hearing-answer")
    @Operation(summary = "Record the heard body's answer (no answer: allowed once the deadline has passed); the plan moves on")
    @Status(HttpStatus.NO_CONTENT)
    public HttpResponse<Void> hearingAnswer(@PathVariable UUID planId, @Body @Valid HearingAnswerRequest request, Authentication auth) {
        inbox.recordHearingAnswer(planId, request.answer(), request.answeredOn(), CurrentUser.of(auth));
        return HttpResponse.noContent();
    }
}
