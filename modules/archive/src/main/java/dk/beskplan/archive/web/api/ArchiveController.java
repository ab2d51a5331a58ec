package dk.beskplan.archive.web.api;

import dk.beskplan.archive.application.ArchivalPackage;
import dk.beskplan.archive.application.Archive;
import dk.beskplan.archive.application.ArchiveSearch;
import dk.beskplan.archive.application.DocumentRendering;
import dk.beskplan.archive.application.PlanStanding;
import dk.beskplan.archive.application.Checkpoints;
import dk.beskplan.archive.application.Verification;
import dk.beskplan.archive.domain.Checkpoint;
import dk.beskplan.archive.application.Verifier;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.web.InvalidInput;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * The archive: every plan's history, the plan as it stood on a date, the frozen documents, archival packages,
 * verification of the hash chains and Danish full-text search. Readers see published documents only.
 */
@Controller("/api/archive")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Archive")
public class ArchiveController {
    static final String[] STAFF = {Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN};
    private final Archive archive;
    private final ArchiveSearch search;
    private final ArchivalPackage packages;
    private final Verification verification;
    private final Checkpoints checkpoints;
    private final DocumentRendering rendering;

    public ArchiveController(Archive archive, ArchiveSearch search, ArchivalPackage packages, Verification verification,
                             DocumentRendering rendering, Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
        this.archive = archive;
        this.search = search;
        this.packages = packages;
        this.verification = verification;
        this.rendering = rendering;
    }

    @Get("/plans")
    @Secured({Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN, Roles.READER})
    @Operation(summary = "The plans the archive holds for the user's municipality (readers: published plans only)")
    public List<Archive.PlanSummary> plans(Authentication auth) {
        return archive.plans(CurrentUser.of(auth));
    }

    @Get("/plans/{planId}/timeline")
    @Secured({Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "Every event of the plan in order, with who, when, the message id and links to the documents as they were")
    public List<Archive.TimelineEntry> timeline(@PathVariable UUID planId, Authentication auth) {
        return archive.timeline(planId, CurrentUser.of(auth));
    }

    @Get("/plans/{planId}/as-of{?date}")
    @Secured({Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "The plan as it stood at the end of a day (ISO date): state, revision submitted, version in force, decisions, status reports")
    public PlanStanding asOf(@PathVariable UUID planId, @QueryValue @Nullable String date, Authentication auth) {
        return archive.asOf(planId, date(date), CurrentUser.of(auth));
    }

    @Get(value = "/plans/{planId}/package", produces = "application/zip")
    @Secured({Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "The plan's archival package (zip): records, documents as archived and as PDF, chain, SHA256SUMS")
    public HttpResponse<byte[]> archivalPackage(@PathVariable UUID planId, Authentication auth) {
        return packageDownload(planId, packages.build(planId, CurrentUser.of(auth)));
    }

    @Get("/plans/{planId}/verification")
    @Secured({Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "Recomputes the plan's chain and its documents' hashes; names the first record that does not match")
    public Verifier.Result verifyPlan(@PathVariable UUID planId, Authentication auth) {
        archive.checkAccess(planId, CurrentUser.of(auth));
        return verification.verify(planId);
    }

    @Get("/administration")
    @Secured({Roles.ADMIN, Roles.LOCAL_ADMIN})
    @Operation(summary = "The administrative acts as archived, newest first (who, when, what; hash-chained like the plans):"
            + " all for the system administrator, the own municipality's for a local administrator")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "the archived acts")
    public List<Archive.TimelineEntry> administration(Authentication auth) {
        return archive.administration(CurrentUser.of(auth), 1000);
    }

    @Get("/verification")
    @Secured(Roles.ADMIN)
    @Operation(summary = "Recomputes the whole archive's chains (every plan and the archive as a whole); names the first record that does not match")
    public Verifier.Result verifyAll() {
        return verification.verify(null);
    }

    /** A checkpoint just written: what it says and where it is. */
    @Serdeable
    public record CheckpointJson(long seq, String hash, java.time.Instant writtenAt, String keyId, String signature,
                                 String file, String text) {
    }

    @Post("/checkpoints")
    @Secured(Roles.ADMIN)
    @Operation(summary = "Writes a signed checkpoint of the archive's head now, to the configured directory (409 when no key"
            + " and directory are configured); verify-archive --checkpoint FILE then detects truncation and rewritten tails")
    @Status(HttpStatus.CREATED)
    public HttpResponse<CheckpointJson> writeCheckpoint() {
        Checkpoints.Written written = checkpoints.write();
        Checkpoint c = written.checkpoint();
        return HttpResponse.created(new CheckpointJson(c.seq(), c.hash(), c.writtenAt(), c.keyId(), c.signature(),
                written.file(), c.text()));
    }

    @Get("/search{?q,year}")
    @Secured({Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN, Roles.READER})
    @Operation(summary = "Danish full-text search over the archived documents of the user's municipality, optionally one year")
    public List<Archive.Hit> search(@QueryValue @Nullable String q, @QueryValue @Nullable Integer year, Authentication auth) {
        return search.search(q, year, CurrentUser.of(auth));
    }

    @Get(value = "/documents/{id}", produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, "application/pdf"})
    @Secured({Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN, Roles.READER})
    @Operation(summary = "A frozen document exactly as archived (plan documents JSON, protocols and reports HTML, the PDFs drafting froze as their bytes), with its SHA-256")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "the document as archived; Digest: its SHA-256",
            content = {@io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "object", description = "a plan document (docs/plan-document.md)")),
                    @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.TEXT_HTML,
                            schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", description = "a protocol or status report")),
                    @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/pdf",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary",
                                    description = "a frozen plan PDF, the bytes drafting serves"))})
    public HttpResponse<?> document(@PathVariable long id, Authentication auth) {
        Archive.ArchivedDocument doc = archive.document(id, CurrentUser.of(auth));
        if (doc.isPdf()) {
            return pdfInline(id, doc.pdf()).header("Digest", "sha-256=" + doc.sha256());
        }
        return HttpResponse.ok(doc.content()).contentType(doc.mediaType() + ";charset=utf-8")
                .header("Digest", "sha-256=" + doc.sha256()).header("Content-Security-Policy", "sandbox");
    }

    @Get(value = "/documents/{id}/pdf", produces = "application/pdf")
    @Secured({Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN, Roles.READER})
    @Operation(summary = "A frozen document as PDF: as archived where the archive holds one (a plan document's: the PDF drafting froze of it), otherwise rendered")
    public HttpResponse<byte[]> pdf(@PathVariable long id, Authentication auth) {
        return pdfInline(id, rendering.pdf(archive.document(id, CurrentUser.of(auth))));
    }

    /** The plan's archival package as a download, the same from the API and from the pages. */
    public static HttpResponse<byte[]> packageDownload(UUID planId, byte[] zip) {
        return HttpResponse.ok(zip).contentType("application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + ArchivalPackage.fileName(planId) + "\"");
    }

    /** A frozen document as PDF shown in the browser, the same from the API and from the pages. */
    public static io.micronaut.http.MutableHttpResponse<byte[]> pdfInline(long id, byte[] pdf) {
        return HttpResponse.ok(pdf).contentType("application/pdf")
                .header("Content-Disposition", "inline; filename=\"arkiv-dokument-" + id + ".pdf\"");
    }

    /** An ISO date, or today; a bad one is a 400 naming the field. */
    public static LocalDate date(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return LocalDate.now(Archive.DANISH_TIME);
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInput.field("date", "skriv datoen som ÅÅÅÅ-MM-DD, fx 2025-03-01");
        }
    }
}
