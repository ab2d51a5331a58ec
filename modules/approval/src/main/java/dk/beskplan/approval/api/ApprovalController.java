package dk.beskplan.approval.api;

import dk.beskplan.approval.application.Committees;
import dk.beskplan.approval.application.Inbox;
import dk.beskplan.approval.application.MeetingDocuments;
import dk.beskplan.approval.application.Meetings;
import dk.beskplan.approval.domain.AgendaItem;
import dk.beskplan.approval.domain.Amendment;
import dk.beskplan.approval.domain.ApprovalRoute;
import dk.beskplan.approval.domain.Committee;
import dk.beskplan.approval.domain.ItemDecision;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.web.InvalidInput;
import dk.beskplan.platform.web.NotFound;
import dk.beskplan.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
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
 * The committee secretary's API: the in-box, committees and the approval route, meetings and their agendas,
 * decisions and corrections, and the agenda and protocol documents. The Danish pages do the same through forms.
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
                                   @Nullable @Size(max = 20000, message = "højst 20000 tegn") String text) {
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
    private final Committees committees;
    private final Meetings meetings;
    private final MeetingDocuments documents;

    public ApprovalController(Inbox inbox, Committees committees, Meetings meetings, MeetingDocuments documents) {
        this.inbox = inbox;
        this.committees = committees;
        this.meetings = meetings;
        this.documents = documents;
    }

    @Get("/inbox")
    @Operation(summary = "What waits for the secretary: plans to place on an agenda, plans in hearing, status reports")
    public Inbox.Contents inbox(Authentication auth) {
        return inbox.contents(CurrentUser.of(auth));
    }

    @Get("/submissions/{planId}/revisions/{revision}/document")
    @Operation(summary = "The plan document exactly as submitted: the agenda item's attachment and the text amendments apply to")
    public Map<String, Object> submittedDocument(@PathVariable UUID planId, @PathVariable int revision, Authentication auth) {
        return inbox.submittedDocument(planId, revision, CurrentUser.of(auth))
                .orElseThrow(() -> new NotFound("Indsendelsen er ældre end dokumenterne i beskederne og har intet dokument"));
    }

    @Get("/submissions/{planId}/revisions/{revision}/current-document")
    @Operation(summary = "The text the next stage decides on: the submitted document with the amendments made so far")
    public Map<String, Object> currentDocument(@PathVariable UUID planId, @PathVariable int revision, Authentication auth) {
        return inbox.currentDocument(planId, revision, CurrentUser.of(auth))
                .orElseThrow(() -> new NotFound("Indsendelsen er ældre end dokumenterne i beskederne og har intet dokument"));
    }

    @Post("/submissions/{planId}/hearing-answer")
    @Operation(summary = "Record the heard body's answer (no answer: allowed once the deadline has passed); the plan moves on")
    @Status(HttpStatus.NO_CONTENT)
    public HttpResponse<Void> hearingAnswer(@PathVariable UUID planId, @Body @Valid HearingAnswerRequest request, Authentication auth) {
        inbox.recordHearingAnswer(planId, request.answer(), request.answeredOn(), CurrentUser.of(auth));
        return HttpResponse.noContent();
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
        Committee c = committees.update(id, required(ifMatch), request.name(), request.kind(), request.domainMembers(),
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
        return ApprovalJson.RouteJson.of(committees.saveRoute(stages, required(ifMatch), CurrentUser.of(auth)));
    }

    @Get("/meetings")
    @Operation(summary = "The municipality's meetings, newest first")
    public List<Meetings.MeetingSummary> meetings(Authentication auth) {
        return meetings.list(CurrentUser.of(auth));
    }

    @Post("/meetings")
    @Operation(summary = "Plan a meeting (submission deadline defaults to a week before)")
    @Status(HttpStatus.CREATED)
    public HttpResponse<ApprovalJson.MeetingJson> createMeeting(@Body @Valid MeetingRequest request, Authentication auth) {
        Meetings.MeetingView view = meetings.create(request.committeeId(), request.date(), request.time(), request.place(),
                request.submissionDeadline(), CurrentUser.of(auth));
        return HttpResponse.created(ApprovalJson.MeetingJson.of(view)).header("ETag", etag(view));
    }

    @Get("/meetings/{id}")
    @Operation(summary = "A meeting with its agenda and decisions")
    public HttpResponse<ApprovalJson.MeetingJson> meeting(@PathVariable UUID id, Authentication auth) {
        Meetings.MeetingView view = meetings.get(id, CurrentUser.of(auth));
        return HttpResponse.ok(ApprovalJson.MeetingJson.of(view)).header("ETag", etag(view));
    }

    @Post("/meetings/{id}/agenda")
    @Operation(summary = "Put a plan from the in-box, a status report or a free item last on the agenda (late after the deadline)")
    @Status(HttpStatus.CREATED)
    public HttpResponse<ApprovalJson.MeetingJson> place(@PathVariable UUID id, @Body @Valid AgendaItemRequest request,
                                                        Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        switch (request.kind()) {
            case PLAN -> {
                if (request.planId() == null) {
                    throw InvalidInput.field("planId", "skal udfyldes for et planpunkt");
                }
                meetings.placePlan(id, request.planId(), request.caseText(), request.recommendation(), user);
            }
            case STATUS_REPORT -> {
                if (request.reportId() == null) {
                    throw InvalidInput.field("reportId", "skal udfyldes for et statuspunkt");
                }
                meetings.placeReport(id, request.reportId(), user);
            }
            case FREE -> meetings.placeFree(id, request.title(), request.caseText(), request.recommendation(), user);
        }
        Meetings.MeetingView view = meetings.get(id, user);
        return HttpResponse.created(ApprovalJson.MeetingJson.of(view)).header("ETag", etag(view));
    }

    @Put("/meetings/{id}/agenda/{itemId}")
    @Operation(summary = "Rewrite an undecided item's title, case presentation and recommendation (If-Match: the meeting's ETag)")
    public HttpResponse<ApprovalJson.MeetingJson> rewrite(@PathVariable UUID id, @PathVariable UUID itemId,
                                                          @Body @Valid ItemTextRequest request,
                                                          @Header("If-Match") @Nullable String ifMatch, Authentication auth) {
        Meetings.MeetingView view = meetings.rewrite(id, itemId, request.title(), request.caseText(), request.recommendation(),
                required(ifMatch), CurrentUser.of(auth));
        return HttpResponse.ok(ApprovalJson.MeetingJson.of(view)).header("ETag", etag(view));
    }

    @Post("/meetings/{id}/agenda/{itemId}/position")
    @Operation(summary = "Move an item to another place on the agenda (1 = first; If-Match optional)")
    public HttpResponse<ApprovalJson.MeetingJson> reorder(@PathVariable UUID id, @PathVariable UUID itemId,
                                                          @Body @Valid PositionRequest request,
                                                          @Header("If-Match") @Nullable String ifMatch, Authentication auth) {
        Meetings.MeetingView view = meetings.reorder(id, itemId, request.position(), optional(ifMatch), CurrentUser.of(auth));
        return HttpResponse.ok(ApprovalJson.MeetingJson.of(view)).header("ETag", etag(view));
    }

    @Post("/meetings/{id}/agenda/{itemId}/move")
    @Operation(summary = "Move an undecided item to another planned meeting of the committee, or off the agenda (target null)")
    public HttpResponse<ApprovalJson.MeetingJson> move(@PathVariable UUID id, @PathVariable UUID itemId,
                                                       @Body MoveRequest request, @Header("If-Match") @Nullable String ifMatch,
                                                       Authentication auth) {
        Meetings.MeetingView view = meetings.move(id, itemId, request.targetMeetingId(), optional(ifMatch), CurrentUser.of(auth));
        return HttpResponse.ok(ApprovalJson.MeetingJson.of(view)).header("ETag", etag(view));
    }

    @Post("/meetings/{id}/agenda/{itemId}/decision")
    @Operation(summary = "Record the committee's decision on an item: once, at a meeting that is held and not closed")
    @Status(HttpStatus.CREATED)
    public HttpResponse<ApprovalJson.DecisionJson> decide(@PathVariable UUID id, @PathVariable UUID itemId,
                                                          @Body @Valid DecisionRequest request, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        ItemDecision decision = meetings.decide(id, itemId, input(id, itemId, request, user), request.revision(), user);
        return HttpResponse.created(ApprovalJson.decision(decision, meetings.get(id, user)));
    }

    @Post("/meetings/{id}/agenda/{itemId}/corrections")
    @Operation(summary = "Correct how a decision was written down (protocol text, members present, vote), saying why")
    @Status(HttpStatus.CREATED)
    public HttpResponse<ApprovalJson.CorrectionJson> correct(@PathVariable UUID id, @PathVariable UUID itemId,
                                                             @Body @Valid CorrectionRequest request, Authentication auth) {
        ItemDecision.Correction correction = meetings.correct(id, itemId, request.reason(), request.protocolText(),
                request.present(), votes(request.votes()), CurrentUser.of(auth));
        return HttpResponse.created(ApprovalJson.correction(correction));
    }

    @Post("/meetings/{id}/close")
    @Operation(summary = "Close the meeting once every item is dealt with; publishes the decision protocol")
    public HttpResponse<ApprovalJson.MeetingJson> close(@PathVariable UUID id, @Header("If-Match") @Nullable String ifMatch,
                                                        Authentication auth) {
        Meetings.MeetingView view = meetings.close(id, optional(ifMatch), CurrentUser.of(auth));
        return HttpResponse.ok(ApprovalJson.MeetingJson.of(view)).header("ETag", etag(view));
    }

    @Get(value = "/meetings/{id}/agenda.pdf", produces = "application/pdf")
    @Operation(summary = "The agenda (dagsorden) as PDF")
    public HttpResponse<byte[]> agendaPdf(@PathVariable UUID id, Authentication auth) {
        return HttpResponse.ok(documents.pdf(meetings.get(id, CurrentUser.of(auth)), false)).contentType("application/pdf");
    }

    @Get(value = "/meetings/{id}/protocol.pdf", produces = "application/pdf")
    @Operation(summary = "The decision protocol (beslutningsprotokol) as PDF")
    public HttpResponse<byte[]> protocolPdf(@PathVariable UUID id, Authentication auth) {
        return HttpResponse.ok(documents.pdf(meetings.get(id, CurrentUser.of(auth)), true)).contentType("application/pdf");
    }

    @Get(value = "/meetings/{id}/protocol", produces = MediaType.TEXT_HTML)
    @Operation(summary = "The decision protocol as HTML")
    public String protocolHtml(@PathVariable UUID id, Authentication auth) {
        return documents.html(meetings.get(id, CurrentUser.of(auth)), true);
    }

    @Get(value = "/meetings/{id}/agenda", produces = MediaType.TEXT_HTML)
    @Operation(summary = "The agenda as HTML")
    public String agendaHtml(@PathVariable UUID id, Authentication auth) {
        return documents.html(meetings.get(id, CurrentUser.of(auth)), false);
    }

    /** Turns the request into the domain's input; "followed the recommendation" fills in what the secretary left out. */
    private ItemDecision.Input input(UUID meetingId, UUID itemId, DecisionRequest request, CurrentUser user) {
        ItemDecision.Outcome outcome = request.outcome();
        String text = request.protocolText();
        if (request.followedRecommendation()) {
            AgendaItem item = meetings.get(meetingId, user).meeting().item(itemId)
                    .orElseThrow(() -> new NotFound("Punktet findes ikke på dette møde"));
            outcome = outcome == null ? item.recommendedOutcome() : outcome;
            text = text == null || text.isBlank() ? Meetings.followedText(item) : text;
        }
        if (outcome == null) {
            throw InvalidInput.field("outcome", "vælg udvalgets beslutning, eller angiv at indstillingen blev fulgt");
        }
        List<Amendment> amendments = request.amendments() == null ? List.of() : request.amendments().stream()
                .map(a -> new Amendment(a.operation(), a.part(), a.goal(), a.item(), a.text())).toList();
        return new ItemDecision.Input(outcome, request.followedRecommendation(), text, request.present(), votes(request.votes()),
                amendments, request.postponedTo(), null);
    }

    static List<ItemDecision.PartyVote> votes(@Nullable List<VoteRequest> votes) {
        return votes == null ? List.of() : votes.stream()
                .map(v -> new ItemDecision.PartyVote(v.party().strip(), v.inFavour(), v.against(), v.abstained())).toList();
    }

    private static String etag(Meetings.MeetingView view) {
        return "\"" + view.meeting().version() + "\"";
    }

    private static long required(@Nullable String ifMatch) {
        Long version = optional(ifMatch);
        if (version == null) {
            throw new ProblemException(HttpStatus.PRECONDITION_REQUIRED, "If-Match mangler",
                    "Send If-Match med den version, ændringen bygger på (ETag fra GET)", List.of());
        }
        return version;
    }

    private static Long optional(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.equals("*")) {
            return null;
        }
        try {
            return Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw InvalidInput.field("If-Match", "skal være en ETag som \"3\"");
        }
    }
}
