package dk.beskplan.drafting.web.api;

import dk.beskplan.plandocument.PlanDocument;
import dk.beskplan.plandocument.PlanDocumentWriter;
import dk.beskplan.drafting.application.Comparisons;
import dk.beskplan.drafting.application.PlanDocuments;
import dk.beskplan.drafting.application.PlanService;
import dk.beskplan.drafting.application.PlanPdfs;
import dk.beskplan.drafting.domain.Plan;
import dk.beskplan.drafting.domain.PlanComparison;
import dk.beskplan.drafting.domain.PlanWarnings;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.web.IfMatch;
import dk.beskplan.platform.web.NotFound;
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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.json.tree.JsonNode;
import java.util.Map;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** Plans for officials: create a draft, read, submit for approval. */
@Controller("/api/plans")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Drafting")
public class PlanController {

    /** A new draft plan. */
    @Serdeable
    public record CreatePlanRequest(
            @NotBlank(message = "skal udfyldes") @Size(max = 10, message = "højst 10 tegn") String municipality,
            @NotNull(message = "skal udfyldes") Integer fromYear,
            @NotNull(message = "skal udfyldes") Integer toYear,
            @NotBlank(message = "skal udfyldes") @Size(max = 300, message = "højst 300 tegn") String title,
            @Nullable @Size(max = 300, message = "højst 300 tegn") String committeeName) {
    }

    /** A plan as the API shows it; {@code version} is also sent as the ETag. */
    @Serdeable
    public record PlanView(UUID id, String municipality, int fromYear, int toYear, String period, String title,
                           @Nullable String committeeName, String state, int currentRevision, @Nullable Integer submittedRevision,
                           @Nullable Integer approvedRevision, @Nullable String decisionRemarks, @Nullable UUID basedOn,
                           long version) {
        static PlanView of(Plan p) {
            return new PlanView(p.id(), p.municipality(), p.period().fromYear(), p.period().toYear(), p.period().label(),
                    p.title(), p.committeeName(), p.state().name(), p.currentRevision(), p.submittedRevision(),
                    p.approvedRevision(), p.decisionRemarks(), p.basedOn(), p.version());
        }
    }

    /** What changed from one plan revision to another; {@code changes} in document order. */
    @Serdeable
    public record ComparisonView(Side before, Side after, Map<String, Long> counts, List<ChangeView> changes) {
        static ComparisonView of(Comparisons.Comparison c) {
            Map<String, Long> counts = new java.util.LinkedHashMap<>();
            for (PlanComparison.ChangeKind kind : PlanComparison.ChangeKind.values()) {
                counts.put(kind.name(), c.changes().count(kind));
            }
            return new ComparisonView(Side.of(c.before()), Side.of(c.after()), counts,
                    c.changes().changes().stream().map(ChangeView::of).toList());
        }
    }

    /** One of the two compared revisions. */
    @Serdeable
    public record Side(UUID planId, String title, String period, int revision, @Nullable String frozenAs) {
        static Side of(PlanService.Document d) {
            return new Side(d.plan().id(), d.content().title(), d.plan().period().label(), d.revision(), d.frozenAs());
        }
    }

    /**
     * One change: {@code kind} ADDED/REMOVED/MOVED/CHANGED, {@code element} GOAL/OBJECTIVE/INITIATIVE/
     * SUCCESS_CRITERION/SECTION/PLAN/TEXT, {@code where} in Danish, and for changed texts a word diff.
     */
    @Serdeable
    public record ChangeView(String kind, String element, String where, @Nullable String field, @Nullable String before,
                             @Nullable String after, List<Segment> wordDiff, @Nullable Integer fromPosition,
                             @Nullable Integer toPosition) {
        static ChangeView of(PlanComparison.Change c) {
            return new ChangeView(c.kind().name(), c.element().name(), c.where(), c.field(), c.before(), c.after(),
                    c.wordDiff().stream().map(s -> new Segment(s.op().name(), s.text())).toList(), c.fromPosition(), c.toPosition());
        }
    }

    /** A run of words: SAME, ADDED or REMOVED. */
    @Serdeable
    public record Segment(String op, String text) {
    }

    private final PlanService plans;
    private final Comparisons comparisons;
    private final PlanDocuments documents;
    private final PlanPdfs pdfs;

    public PlanController(PlanService plans, Comparisons comparisons, PlanDocuments documents, PlanPdfs pdfs) {
        this.pdfs = pdfs;
        this.plans = plans;
        this.comparisons = comparisons;
        this.documents = documents;
    }

    @Post
    @Secured(Roles.OFFICIAL)
    @Operation(summary = "Create a draft plan for the official's municipality")
    @Status(HttpStatus.CREATED)
    public HttpResponse<PlanView> create(@Body @Valid CreatePlanRequest request, Authentication auth) {
        Plan plan = plans.create(new PlanService.NewPlan(request.municipality(), request.fromYear(), request.toYear(),
                request.title(), request.committeeName()), CurrentUser.of(auth));
        return created(plan);
    }

    @Get
    @Secured({Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN, Roles.READER})
    @Operation(summary = "Plans of the user's municipality")
    public List<PlanView> list(Authentication auth) {
        return plans.list(CurrentUser.of(auth)).stream().map(PlanView::of).toList();
    }

    @Get("/{id}")
    @Secured({Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN, Roles.READER})
    @Operation(summary = "One plan; 404 for another municipality's plan")
    public HttpResponse<PlanView> get(@PathVariable UUID id, Authentication auth) {
        Plan plan = plans.get(id, CurrentUser.of(auth));
        return HttpResponse.ok(PlanView.of(plan)).header("ETag", etag(plan));
    }

    @Post("/import")
    @Secured(Roles.OFFICIAL)
    @Operation(summary = "Create a draft from a whole plan document (docs/plan-document.md); every error is listed by its path")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "#/components/schemas/PlanDocument")))
    @Status(HttpStatus.CREATED)
    public HttpResponse<PlanView> importDocument(@Body JsonNode document, Authentication auth) {
        Plan plan = plans.importDocument(document, CurrentUser.of(auth));
        return created(plan);
    }

    @Get("/{id}/document")
    @Secured({Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN, Roles.READER})
    @Operation(summary = "The plan as one document: the current revision, or ?revision=N")
    @ApiResponse(responseCode = "200", description = "the plan document; ETag: the plan's version",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "#/components/schemas/PlanDocument")))
    public HttpResponse<Map<String, Object>> document(@PathVariable UUID id, @QueryValue @Nullable Integer revision, Authentication auth) {
        PlanService.Document doc = plans.document(id, revision, CurrentUser.of(auth));
        return HttpResponse.ok(PlanDocumentWriter.write(doc.content()))
                .header("ETag", etag(doc.plan())).header("X-Revision", Integer.toString(doc.revision()))
                .header("X-Content-Hash", doc.contentHash());
    }

    @Get(value = "/{id}/document.pdf", produces = "application/pdf")
    @Secured({Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN, Roles.READER})
    @Operation(summary = "The plan document as PDF (current revision, or ?revision=N)")
    public HttpResponse<byte[]> pdf(@PathVariable UUID id, @QueryValue @Nullable Integer revision, Authentication auth) {
        PlanDocuments.Rendered rendered = documents.html(id, revision, CurrentUser.of(auth));
        return HttpResponse.ok(pdfs.pdf(rendered)).contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + rendered.fileName() + ".pdf\"");
    }

    @Put("/{id}/document")
    @Secured(Roles.OFFICIAL)
    @Operation(summary = "Save the draft as a new revision; If-Match (the plan's ETag) is required, a stale one gets 409")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "#/components/schemas/PlanDocument")))
    public HttpResponse<PlanView> save(@PathVariable UUID id, @Body JsonNode document,
                                       @Header("If-Match") @Nullable String ifMatch, Authentication auth) {
        Plan plan = plans.saveDocument(id, document, IfMatch.optional(ifMatch), CurrentUser.of(auth));
        return HttpResponse.ok(PlanView.of(plan)).header("ETag", etag(plan));
    }

    @Get("/{id}/revisions")
    @Secured({Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "The plan's revisions, newest first: who saved them, when, their content hash")
    public List<PlanService.RevisionInfo> revisions(@PathVariable UUID id, Authentication auth) {
        return plans.revisions(id, CurrentUser.of(auth));
    }

    @Get("/{id}/comparison")
    @Secured({Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "Compare two revisions: goals, objectives, initiatives and criteria added, removed, moved or changed, with word differences")
    public ComparisonView compare(@PathVariable UUID id, @QueryValue int from, @QueryValue int to, Authentication auth) {
        return ComparisonView.of(comparisons.compareRevisions(id, from, to, CurrentUser.of(auth)));
    }

    @Get("/{id}/comparison/last-approved")
    @Secured({Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "What changed since last year: the municipality's approved plan for the previous period against this plan (its current revision, or ?revision=)")
    public ComparisonView compareWithLastApproved(@PathVariable UUID id, @QueryValue @Nullable Integer revision, Authentication auth) {
        return ComparisonView.of(comparisons.compareWithLastApproved(id, revision, CurrentUser.of(auth))
                .orElseThrow(() -> new NotFound("Kommunen har ingen godkendt plan for en tidligere periode at sammenligne med")));
    }

    /** Something to look at before submitting: where in the document (its path), what kind, and the Danish text. */
    @Serdeable
    public record WarningView(String path, String kind, String message) {
        static WarningView of(PlanWarnings.Warning w) {
            return new WarningView(w.path(), w.kind().name(), w.message());
        }
    }

    @Get("/{id}/warnings")
    @Secured({Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "What to look at before submitting the current revision (none of it stops a submission): goals"
            + " without success criteria (GOAL_WITHOUT_CRITERIA), deadlines and target dates before the plan's period"
            + " (DATE_BEFORE_PERIOD) and, in a plan carried over, every text naming the previous period's years (OLD_YEAR)")
    public List<WarningView> warnings(@PathVariable UUID id, Authentication auth) {
        return plans.warnings(id, CurrentUser.of(auth)).stream().map(WarningView::of).toList();
    }

    @Post("/{id}/roll-over")
    @Secured(Roles.OFFICIAL)
    @Operation(summary = "Start a draft for the next period from this approved plan: every date moves by the period's"
            + " length; GET /warnings then lists the texts still naming the old years")
    @Status(HttpStatus.CREATED)
    public HttpResponse<PlanView> rollOver(@PathVariable UUID id, Authentication auth) {
        Plan plan = plans.rollOver(id, CurrentUser.of(auth));
        return created(plan);
    }

    @Post("/{id}/submit")
    @Secured(Roles.OFFICIAL)
    @Operation(summary = "Freeze the current revision and send it to the committee (If-Match: the plan's ETag)")
    public HttpResponse<PlanView> submit(@PathVariable UUID id, @Header("If-Match") @Nullable String ifMatch, Authentication auth) {
        Plan plan = plans.submit(id, IfMatch.optional(ifMatch), CurrentUser.of(auth));
        return HttpResponse.ok(PlanView.of(plan)).header("ETag", etag(plan));
    }

    /** Why the administration takes a submitted plan back (optional; shown to the committee secretary). */
    @Serdeable
    public record WithdrawRequest(@Nullable @Size(max = 2000) String reason) {
    }

    @Post("/{id}/withdraw")
    @Secured(Roles.OFFICIAL)
    @Operation(summary = "Take a submitted plan back from the committee before it has decided: the plan is a draft again"
            + " and approval takes it off any agenda not yet held (If-Match: the plan's ETag)")
    public HttpResponse<PlanView> withdraw(@PathVariable UUID id, @Header("If-Match") @Nullable String ifMatch,
                                           @Body @Nullable @Valid WithdrawRequest request, Authentication auth) {
        Plan plan = plans.withdraw(id, IfMatch.optional(ifMatch), request == null ? null : request.reason(), CurrentUser.of(auth));
        return HttpResponse.ok(PlanView.of(plan)).header("ETag", etag(plan));
    }

    /** 201 with the new plan, its address and its ETag. */
    private static HttpResponse<PlanView> created(Plan plan) {
        return HttpResponse.<PlanView>status(HttpStatus.CREATED).body(PlanView.of(plan))
                .header("Location", "/api/plans/" + plan.id()).header("ETag", etag(plan));
    }

    private static String etag(Plan plan) {
        return IfMatch.etag(plan.version());
    }

}
