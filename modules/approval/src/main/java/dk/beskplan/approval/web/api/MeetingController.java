package dk.beskplan.approval.web.api;

import dk.beskplan.approval.web.api.ApprovalController.AgendaItemRequest;
import dk.beskplan.approval.web.api.ApprovalController.CorrectionRequest;
import dk.beskplan.approval.web.api.ApprovalController.DecisionRequest;
import dk.beskplan.approval.web.api.ApprovalController.ItemTextRequest;
import dk.beskplan.approval.web.api.ApprovalController.MeetingRequest;
import dk.beskplan.approval.web.api.ApprovalController.MoveRequest;
import dk.beskplan.approval.web.api.ApprovalController.PositionRequest;
import dk.beskplan.approval.web.api.ApprovalController.VoteRequest;
import dk.beskplan.approval.application.MeetingDocuments;
import dk.beskplan.approval.application.Agendas;
import dk.beskplan.approval.application.Decisions;
import dk.beskplan.approval.application.Meetings;
import dk.beskplan.approval.domain.Amendment;
import dk.beskplan.approval.domain.ItemDecision;
import dk.beskplan.platform.web.IfMatch;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.web.InvalidInput;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
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
 * The secretary's API for meetings: planning them, their agendas, the committee's decisions and corrections, closing
 * a meeting, and the agenda and protocol documents. The request bodies are {@link ApprovalController}'s.
 */
@Controller("/api/approval")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.SECRETARY)
@Tag(name = "Approval")
public class MeetingController {
    private final Meetings meetings;
    private final Agendas agendas;
    private final Decisions decisions;
    private final MeetingDocuments documents;

    public MeetingController(Meetings meetings, Agendas agendas, Decisions decisions, MeetingDocuments documents) {
        this.meetings = meetings;
        this.agendas = agendas;
        this.decisions = decisions;
        this.documents = documents;
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
        return withETag(HttpResponse.status(HttpStatus.CREATED), meetings.create(request.committeeId(), request.date(),
                request.time(), request.place(), request.submissionDeadline(), CurrentUser.of(auth)));
    }

    @Get("/meetings/{id}")
    @Operation(summary = "A meeting with its agenda and decisions")
    public HttpResponse<ApprovalJson.MeetingJson> meeting(@PathVariable UUID id, Authentication auth) {
        return withETag(HttpResponse.ok(), meetings.get(id, CurrentUser.of(auth)));
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
                agendas.placePlan(id, request.planId(), request.caseText(), request.recommendation(), user);
            }
            case STATUS_REPORT -> {
                if (request.reportId() == null) {
                    throw InvalidInput.field("reportId", "skal udfyldes for et statuspunkt");
                }
                agendas.placeReport(id, request.reportId(), user);
            }
            case FREE -> agendas.placeFree(id, request.title(), request.caseText(), request.recommendation(), user);
        }
        return withETag(HttpResponse.status(HttpStatus.CREATED), meetings.get(id, user));
    }

    @Put("/meetings/{id}/agenda/{itemId}")
    @Operation(summary = "Rewrite an undecided item's title, case presentation and recommendation (If-Match: the meeting's ETag)")
    public HttpResponse<ApprovalJson.MeetingJson> rewrite(@PathVariable UUID id, @PathVariable UUID itemId,
                                                          @Body @Valid ItemTextRequest request,
                                                          @Header("If-Match") @Nullable String ifMatch, Authentication auth) {
        return withETag(HttpResponse.ok(), agendas.rewrite(id, itemId, request.title(), request.caseText(),
                request.recommendation(), IfMatch.required(ifMatch), CurrentUser.of(auth)));
    }

    @Post("/meetings/{id}/agenda/{itemId}/position")
    @Operation(summary = "Move an item to another place on the agenda (1 = first; If-Match optional)")
    public HttpResponse<ApprovalJson.MeetingJson> reorder(@PathVariable UUID id, @PathVariable UUID itemId,
                                                          @Body @Valid PositionRequest request,
                                                          @Header("If-Match") @Nullable String ifMatch, Authentication auth) {
        return withETag(HttpResponse.ok(),
                agendas.reorder(id, itemId, request.position(), IfMatch.optional(ifMatch), CurrentUser.of(auth)));
    }

    @Post("/meetings/{id}/agenda/{itemId}/move")
    @Operation(summary = "Move an undecided item to another planned meeting of the committee, or off the agenda (target null)")
    public HttpResponse<ApprovalJson.MeetingJson> move(@PathVariable UUID id, @PathVariable UUID itemId,
                                                       @Body MoveRequest request, @Header("If-Match") @Nullable String ifMatch,
                                                       Authentication auth) {
        return withETag(HttpResponse.ok(),
                agendas.move(id, itemId, request.targetMeetingId(), IfMatch.optional(ifMatch), CurrentUser.of(auth)));
    }

    @Post("/meetings/{id}/agenda/{itemId}/decision")
    @Operation(summary = "Record the committee's decision on an item: once, at a meeting that is held and not closed")
    @Status(HttpStatus.CREATED)
    public HttpResponse<ApprovalJson.DecisionJson> decide(@PathVariable UUID id, @PathVariable UUID itemId,
                                                          @Body @Valid DecisionRequest request, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        ItemDecision decision = decisions.decide(id, itemId, input(request), request.revision(), user);
        return HttpResponse.created(ApprovalJson.decision(decision, meetings.get(id, user)));
    }

    @Post("/meetings/{id}/agenda/{itemId}/corrections")
    @Operation(summary = "Correct how a decision was written down (protocol text, members present, vote), saying why")
    @Status(HttpStatus.CREATED)
    public HttpResponse<ApprovalJson.CorrectionJson> correct(@PathVariable UUID id, @PathVariable UUID itemId,
                                                             @Body @Valid CorrectionRequest request, Authentication auth) {
        ItemDecision.Correction correction = decisions.correct(id, itemId, request.reason(), request.protocolText(),
                request.present(), votes(request.votes()), CurrentUser.of(auth));
        return HttpResponse.created(ApprovalJson.correction(correction));
    }

    @Post("/meetings/{id}/close")
    @Operation(summary = "Close the meeting once every item is dealt with; publishes the decision protocol")
    public HttpResponse<ApprovalJson.MeetingJson> close(@PathVariable UUID id, @Header("If-Match") @Nullable String ifMatch,
                                                        Authentication auth) {
        return withETag(HttpResponse.ok(), meetings.close(id, IfMatch.optional(ifMatch), CurrentUser.of(auth)));
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

    /** Turns the request into the domain's input; what "followed the recommendation" fills in is the domain's rule. */
    private static ItemDecision.Input input(DecisionRequest request) {
        List<Amendment> amendments = request.amendments() == null ? List.of() : request.amendments().stream()
                .map(ApprovalController.AmendmentRequest::toAmendment).toList();
        return new ItemDecision.Input(request.outcome(), request.followedRecommendation(), request.protocolText(),
                request.present(), votes(request.votes()), amendments, request.postponedTo(), null);
    }

    static List<ItemDecision.PartyVote> votes(@Nullable List<VoteRequest> votes) {
        return votes == null ? List.of() : votes.stream()
                .map(v -> new ItemDecision.PartyVote(v.party().strip(), v.inFavour(), v.against(), v.abstained())).toList();
    }

    /** The meeting as the answer's body, its version as the ETag to send back in If-Match. */
    private static HttpResponse<ApprovalJson.MeetingJson> withETag(MutableHttpResponse<ApprovalJson.MeetingJson> response,
                                                                   Meetings.MeetingView view) {
        return response.body(ApprovalJson.MeetingJson.of(view)).header("ETag", "\"" + view.meeting().version() + "\"");
    }
}
