package dk.beskplan.followup.web.api;

import dk.beskplan.followup.application.FollowUpQueries;
import dk.beskplan.followup.application.FollowUpSteering;
import dk.beskplan.followup.application.OverviewExport;
import dk.beskplan.followup.application.Reporting;
import dk.beskplan.followup.application.RoundClosing;
import dk.beskplan.followup.application.Settings;
import dk.beskplan.followup.application.StatusReports;
import dk.beskplan.followup.application.Views;
import dk.beskplan.followup.domain.Evaluation;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.spreadsheet.SpreadsheetDownloads;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.web.IfMatch;
import dk.beskplan.platform.web.InvalidInput;
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
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Follow-up over JSON: plans in follow-up, their rounds, goals and managers, the managers' tasks and reports, the
 * indicator import, the status report (HTML, PDF) and the municipality's follow-up settings. Errors are problem+json
 * naming the field.
 */
@Controller("/api/followup")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Follow-up")
public class FollowUpController {
    private static final String[] STAFF = {Roles.MANAGER, Roles.OFFICIAL, Roles.SECRETARY, Roles.ADMIN};

    /** The evaluation of values not yet saved. */
    @Serdeable
    public record EvaluationView(Evaluation evaluation, String text, String light) {
        static EvaluationView of(Evaluation e) {
            return new EvaluationView(e, e.danish(), e.light());
        }
    }

    @Serdeable
    public record ManagerInput(@Nullable String manager) {
    }

    @Serdeable
    public record DueDateInput(@Nullable LocalDate dueDate) {
    }

    @Serdeable
    public record Submitted(UUID reportId) {
    }

    private final FollowUpQueries queries;
    private final Reporting reporting;
    private final FollowUpSteering steering;
    private final StatusReports reports;
    private final Settings settings;
    private final OverviewExport export;
    private final RoundClosing closing;
    private final java.time.Clock clock;

    public FollowUpController(FollowUpQueries queries, Reporting reporting, FollowUpSteering steering, StatusReports reports,
                              Settings settings, OverviewExport export, RoundClosing closing, java.time.Clock clock) {
        this.closing = closing;
        this.clock = clock;
        this.queries = queries;
        this.reporting = reporting;
        this.steering = steering;
        this.reports = reports;
        this.settings = settings;
        this.export = export;
    }

    @Get("/plans")
    @Secured({Roles.MANAGER, Roles.OFFICIAL, Roles.SECRETARY, Roles.ADMIN})
    @Operation(summary = "Plans of the user's municipality in follow-up (open or closed), each with what it still waits for:"
            + " open and overdue rounds, reports with the committee, the next due date; waiting: its period is over but its"
            + " follow-up is not closed")
    public List<Views.PlanListing> plans(Authentication auth) {
        return queries.listing(CurrentUser.of(auth), LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Copenhagen"))));
    }

    @Serdeable
    public record ReasonInput(@Nullable String reason) {
    }

    @Post("/plans/{planId}/rounds/{roundId}/not-followed-up")
    @Secured(Roles.OFFICIAL)
    @Operation(summary = "Close a historic or abandoned round as not followed up (\"ikke fulgt op\"), with the reason (required);"
            + " recorded and archived as followup.round-not-followed-up. When no round waits any more the plan's follow-up closes")
    public Views.Round notFollowedUp(@PathVariable UUID planId, @PathVariable UUID roundId, @Body ReasonInput input, Authentication auth) {
        return closing.closeNotFollowedUp(planId, roundId, input.reason(), CurrentUser.of(auth));
    }

    @Post("/plans/{planId}/close")
    @Secured(Roles.OFFICIAL)
    @Operation(summary = "Close the plan's follow-up once its period is over (409 before); a reason is required when a round is"
            + " neither noted nor closed as not followed up")
    public Views.Plan closeFollowUp(@PathVariable UUID planId, @Body ReasonInput input, Authentication auth) {
        return closing.closeFollowUp(planId, input.reason(), CurrentUser.of(auth));
    }

    @Get("/plans/{planId}")
    @Secured({Roles.MANAGER, Roles.OFFICIAL, Roles.SECRETARY, Roles.ADMIN})
    @Operation(summary = "The plan's status overview: goals and their managers, every criterion's task in every round, with evaluations")
    public Views.Overview overview(@PathVariable UUID planId, Authentication auth) {
        return queries.overview(planId, CurrentUser.of(auth));
    }

    @Get("/plans/{planId}/rounds")
    @Secured({Roles.MANAGER, Roles.OFFICIAL, Roles.SECRETARY, Roles.ADMIN})
    @Operation(summary = "The plan's status rounds; 404 when the plan is not in follow-up or not the user's")
    public List<Views.Round> rounds(@PathVariable UUID planId, Authentication auth) {
        return queries.rounds(planId, CurrentUser.of(auth));
    }

    @Serdeable
    public record MidYearInput(@Nullable Integer year, @Nullable LocalDate dueDate) {
    }

    @Post("/plans/{planId}/rounds")
    @Secured({Roles.OFFICIAL, Roles.MANAGER})
    @Operation(summary = "Add a mid-year round for a plan year (before that year's annual round), with a task per criterion")
    @Status(HttpStatus.CREATED)
    public HttpResponse<Views.Round> addMidYearRound(@PathVariable UUID planId, @Body MidYearInput input, Authentication auth) {
        return HttpResponse.created(steering.addMidYearRound(planId, input.year(), input.dueDate(), CurrentUser.of(auth)));
    }

    @Put("/plans/{planId}/rounds/{roundId}/due-date")
    @Secured({Roles.OFFICIAL, Roles.MANAGER})
    @Operation(summary = "Move an open round's due date (reminders start afresh for the new date)")
    public Views.Round moveDueDate(@PathVariable UUID planId, @PathVariable UUID roundId, @Body DueDateInput input, Authentication auth) {
        return steering.moveDueDate(planId, roundId, input.dueDate(), CurrentUser.of(auth));
    }

    @Get("/plans/{planId}/goals")
    @Secured({Roles.MANAGER, Roles.OFFICIAL, Roles.SECRETARY, Roles.ADMIN})
    @Operation(summary = "The plan's goals with their responsible managers")
    public List<Views.Goal> goals(@PathVariable UUID planId, Authentication auth) {
        return queries.goals(planId, CurrentUser.of(auth));
    }

    @Put("/plans/{planId}/goals/{goalNumber}/manager")
    @Secured({Roles.OFFICIAL, Roles.MANAGER})
    @Operation(summary = "Assign or reassign the goal's responsible manager; the goal's tasks in open rounds move to them")
    public Views.Goal assign(@PathVariable UUID planId, @PathVariable int goalNumber, @Body ManagerInput input, Authentication auth) {
        return steering.assign(planId, goalNumber, input.manager(), CurrentUser.of(auth));
    }

    @Post(value = "/plans/{planId}/rounds/{roundId}/indicator-values", consumes = {"text/csv", MediaType.TEXT_PLAIN})
    @Secured({Roles.OFFICIAL, Roles.MANAGER})
    @Operation(summary = "Import a CSV export of indicator data (municipality; period; measure; value; national value) to pre-fill"
            + " the round's reports; every row that cannot be matched is named and then nothing changes")
    public Reporting.Imported importValues(@PathVariable UUID planId, @PathVariable UUID roundId, @Body String file, Authentication auth) {
        return reporting.importCsv(planId, roundId, file, CurrentUser.of(auth));
    }

    @Get(value = "/plans/{planId}/rounds/{roundId}/report", produces = MediaType.TEXT_HTML)
    @Secured({Roles.MANAGER, Roles.OFFICIAL, Roles.SECRETARY, Roles.ADMIN})
    @Operation(summary = "The round's status report as HTML: as sent to the committee, or a preview before that")
    public String reportHtml(@PathVariable UUID planId, @PathVariable UUID roundId, Authentication auth) {
        return reports.html(planId, roundId, CurrentUser.of(auth));
    }

    @Get(value = "/plans/{planId}/rounds/{roundId}/report.pdf", produces = "application/pdf")
    @Secured({Roles.MANAGER, Roles.OFFICIAL, Roles.SECRETARY, Roles.ADMIN})
    @Operation(summary = "The round's status report as PDF")
    public HttpResponse<byte[]> reportPdf(@PathVariable UUID planId, @PathVariable UUID roundId, Authentication auth) {
        return HttpResponse.ok(reports.pdf(planId, roundId, CurrentUser.of(auth))).contentType("application/pdf")
                .header("Content-Disposition", "inline; filename=\"statusrapport.pdf\"");
    }

    @Post("/plans/{planId}/rounds/{roundId}/report")
    @Secured({Roles.OFFICIAL, Roles.MANAGER})
    @Operation(summary = "Compile the round's status report now, with what is missing marked missing, and send it to the committee")
    @Status(HttpStatus.CREATED)
    public HttpResponse<Submitted> submitReport(@PathVariable UUID planId, @PathVariable UUID roundId, Authentication auth) {
        return HttpResponse.created(new Submitted(reports.submitNow(planId, roundId, CurrentUser.of(auth))));
    }

    @Get(value = "/plans/{planId}/overview.csv", produces = "text/csv")
    @Secured({Roles.MANAGER, Roles.OFFICIAL, Roles.SECRETARY, Roles.ADMIN})
    @Operation(summary = "The follow-up overview as CSV (semicolons, UTF-8): goal, criterion, target, manager and every round's status")
    public HttpResponse<byte[]> overviewCsv(@PathVariable UUID planId, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return SpreadsheetDownloads.csv(export.csv(planId, user), export.fileName(planId, user, "csv"));
    }

    @Get(value = "/plans/{planId}/overview.xlsx", produces = SpreadsheetDownloads.XLSX)
    @Secured({Roles.MANAGER, Roles.OFFICIAL, Roles.SECRETARY, Roles.ADMIN})
    @Operation(summary = "The follow-up overview as an Excel workbook: the same rows as the CSV, values as numbers and dates as dates")
    public HttpResponse<byte[]> overviewXlsx(@PathVariable UUID planId, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return SpreadsheetDownloads.xlsx(export.xlsx(planId, user), export.fileName(planId, user, "xlsx"));
    }

    @Get("/tasks")
    @Secured({Roles.MANAGER, Roles.OFFICIAL})
    @Operation(summary = "The user's missing reports, soonest due first (overdue rounds first), in open rounds and in rounds whose"
            + " report went to the committee with them marked missing")
    public List<Views.Task> tasks(Authentication auth) {
        return queries.openTasks(CurrentUser.of(auth));
    }

    @Get("/tasks/past")
    @Secured({Roles.MANAGER, Roles.OFFICIAL})
    @Operation(summary = "Rounds gone by (report sent, noted, or not followed up) in which the user answers for criteria, newest"
            + " first, each with the user's tasks in it")
    public List<Views.PastRound> pastRounds(Authentication auth) {
        return queries.pastRounds(CurrentUser.of(auth));
    }

    @Get("/tasks/{taskId}")
    @Secured({Roles.MANAGER, Roles.OFFICIAL, Roles.SECRETARY, Roles.ADMIN})
    @Operation(summary = "One status task with its criterion, target and current report; the ETag is its version")
    public HttpResponse<Views.Task> task(@PathVariable UUID taskId, Authentication auth) {
        Views.Task task = queries.task(taskId, CurrentUser.of(auth));
        return IfMatch.ok(task, task.version());
    }

    @Post("/tasks/{taskId}/evaluation")
    @Secured({Roles.MANAGER, Roles.OFFICIAL})
    @Operation(summary = "How the system would evaluate these values (nothing is saved)")
    public EvaluationView evaluate(@PathVariable UUID taskId, @Body Reporting.ReportInput input, Authentication auth) {
        return EvaluationView.of(reporting.preview(taskId, input, CurrentUser.of(auth)));
    }

    @Put("/tasks/{taskId}/report")
    @Secured({Roles.MANAGER, Roles.OFFICIAL})
    @Operation(summary = "Report status on the criterion; If-Match (the task's ETag) is required, a stale one gets 409. The last"
            + " report of a round compiles its status report and sends it to the committee")
    public HttpResponse<Views.Task> report(@PathVariable UUID taskId, @Body Reporting.ReportInput input,
                                           @Header("If-Match") @Nullable String ifMatch, Authentication auth) {
        Views.Task task = reporting.report(taskId, input, IfMatch.requiredInt(ifMatch), CurrentUser.of(auth));
        return IfMatch.ok(task, task.version());
    }

    @Get("/settings")
    @Secured({Roles.OFFICIAL, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "The municipality's follow-up settings: due dates (MM-DD), mid-year round, escalation contact, default manager")
    public Settings.View settings(Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        if (user.municipality() == null) {
            throw InvalidInput.field("municipality", "indstillinger hører til en kommune");
        }
        return settings.of(user.municipality());
    }

    @Put("/settings")
    @Secured({Roles.OFFICIAL, Roles.ADMIN})
    @Operation(summary = "Change the municipality's follow-up settings (send the version read); they apply to plans opened afterwards")
    public Settings.View updateSettings(@Body Settings.Update update, Authentication auth) {
        return settings.update(update, CurrentUser.of(auth));
    }

}
