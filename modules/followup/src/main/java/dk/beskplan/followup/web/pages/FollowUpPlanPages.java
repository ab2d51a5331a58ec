package dk.beskplan.followup.web.pages;

import dk.beskplan.followup.application.Departures;
import dk.beskplan.followup.application.FollowUpQueries;
import dk.beskplan.followup.application.FollowUpSteering;
import dk.beskplan.followup.application.OverviewExport;
import dk.beskplan.followup.application.Reporting;
import dk.beskplan.followup.application.RoundClosing;
import dk.beskplan.followup.application.StatusReports;
import dk.beskplan.followup.application.Views;
import dk.beskplan.platform.web.PageForms;
import dk.beskplan.platform.text.DanishFormats;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.spreadsheet.SpreadsheetDownloads;
import dk.beskplan.platform.web.InvalidInput;
import dk.beskplan.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A plan's follow-up as officials and managers steer it: the list of plans, a plan's status overview with traffic
 * lights, and what can be done there (a goal's manager, a round's due date, a mid-year round, sending or closing a
 * round, closing the follow-up, importing indicator values), and its documents (a round's status report as preview and
 * PDF, the overview as CSV and Excel workbook). Every action is also an API endpoint.
 */
@Controller("/followup")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class FollowUpPlanPages {
    private final FollowUpQueries queries;
    private final Reporting reporting;
    private final FollowUpSteering steering;
    private final StatusReports reports;
    private final RoundClosing closing;
    private final Departures departures;
    private final OverviewExport export;
    private final UserAccounts users;
    private final Clock clock;

    public FollowUpPlanPages(FollowUpQueries queries, Reporting reporting, FollowUpSteering steering, StatusReports reports,
                             RoundClosing closing, Departures departures, OverviewExport export, UserAccounts users, Clock clock) {
        this.queries = queries;
        this.reporting = reporting;
        this.steering = steering;
        this.reports = reports;
        this.closing = closing;
        this.departures = departures;
        this.export = export;
        this.users = users;
        this.clock = clock;
    }

    @Get("/planer")
    @Produces(MediaType.TEXT_HTML)
    @Secured({Roles.MANAGER, Roles.OFFICIAL, Roles.SECRETARY, Roles.ADMIN})
    public ModelAndView<Map<String, Object>> plans(Authentication auth) {
        LocalDate today = PageDates.today(clock);
        List<Views.PlanListing> plans = queries.listing(CurrentUser.of(auth), today);
        Map<Object, String> nextDue = new HashMap<>();
        plans.stream().filter(p -> p.nextDue() != null).forEach(p -> nextDue.put(p.planId(), DanishFormats.date(p.nextDue())));
        return new ModelAndView<>("followup/plans", Map.of("plans", plans, "nextDue", nextDue,
                "waiting", plans.stream().filter(Views.PlanListing::waiting).count()));
    }

    @Get("/planer/{planId}")
    @Produces(MediaType.TEXT_HTML)
    @Secured({Roles.MANAGER, Roles.OFFICIAL, Roles.SECRETARY, Roles.ADMIN})
    public ModelAndView<Map<String, Object>> plan(@PathVariable UUID planId, @QueryValue @Nullable String udfoert, Authentication auth) {
        return planView(planId, CurrentUser.of(auth), Map.of(), null, udfoert);
    }

    @Post("/planer/{planId}/maal/{goalNumber}/ansvarlig")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Secured({Roles.MANAGER, Roles.OFFICIAL})
    public MutableHttpResponse<?> assign(@PathVariable UUID planId, @PathVariable int goalNumber, @Body Map<String, String> form,
                                         Authentication auth) {
        return act(user -> steering.assign(planId, goalNumber, PageForms.text(form, "manager"), user), planId, auth, "goal-" + goalNumber, "ansvarlig");
    }

    @Post("/planer/{planId}/runder/{roundId}/frist")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Secured({Roles.MANAGER, Roles.OFFICIAL})
    public MutableHttpResponse<?> moveDue(@PathVariable UUID planId, @PathVariable UUID roundId, @Body Map<String, String> form,
                                          Authentication auth) {
        return act(user -> steering.moveDueDate(planId, roundId, PageForms.date(form, "dueDate"), user), planId, auth, "round-" + roundId, "frist");
    }

    @Post("/planer/{planId}/halvaar")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Secured({Roles.MANAGER, Roles.OFFICIAL})
    public MutableHttpResponse<?> addMidYear(@PathVariable UUID planId, @Body Map<String, String> form, Authentication auth) {
        return act(user -> {
            String year = PageForms.text(form, "year");
            steering.addMidYearRound(planId, year == null || !year.matches("\\d{4}") ? null : Integer.valueOf(year),
                    PageForms.date(form, "dueDate"), user);
        }, planId, auth, "midyear", "halvaar");
    }

    @Post("/planer/{planId}/runder/{roundId}/send")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Secured({Roles.MANAGER, Roles.OFFICIAL})
    public MutableHttpResponse<?> submit(@PathVariable UUID planId, @PathVariable UUID roundId, @Body Map<String, String> form,
                                         Authentication auth) {
        return act(user -> reports.submitNow(planId, roundId, user), planId, auth, "round-" + roundId, "sendt");
    }

    /** An official closes a historic or abandoned round as "ikke fulgt op", saying why. */
    @Post("/planer/{planId}/runder/{roundId}/ikke-fulgt-op")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Secured(Roles.OFFICIAL)
    public MutableHttpResponse<?> notFollowedUp(@PathVariable UUID planId, @PathVariable UUID roundId, @Body Map<String, String> form,
                                                Authentication auth) {
        return act(user -> closing.closeNotFollowedUp(planId, roundId, PageForms.text(form, "reason"), user), planId, auth,
                "close-" + roundId, "ikke-fulgt-op");
    }

    /** An official closes the plan's follow-up once its period is over. */
    @Post("/planer/{planId}/afslut")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Secured(Roles.OFFICIAL)
    public MutableHttpResponse<?> closeFollowUp(@PathVariable UUID planId, @Body Map<String, String> form, Authentication auth) {
        return act(user -> closing.closeFollowUp(planId, PageForms.text(form, "reason"), user), planId, auth, "close-plan", "afsluttet");
    }

    @Post(value = "/planer/{planId}/runder/{roundId}/import", consumes = MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    @Secured({Roles.MANAGER, Roles.OFFICIAL})
    public MutableHttpResponse<?> importValues(@PathVariable UUID planId, @PathVariable UUID roundId, @Nullable CompletedFileUpload file,
                                               Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        try {
            if (file == null || file.getSize() == 0) {
                throw InvalidInput.field("file", "vælg en CSV-fil");
            }
            Reporting.Imported imported = reporting.importCsv(planId, roundId, new String(file.getBytes(), StandardCharsets.UTF_8), user);
            return HttpResponse.seeOther(URI.create("/followup/planer/" + planId + "?udfoert=import-" + imported.rows()));
        } catch (ProblemException e) {
            ModelAndView<Map<String, Object>> page = planView(planId, user, e.messagesByField(), "import-" + roundId, null);
            // The file's problems one by one (a line each), under the file field and in the summary.
            List<String> fileErrors = e.errors().stream().filter(f -> f.field().equals("file"))
                    .map(ProblemException.FieldError::message).toList();
            page.getModel().ifPresent(model -> {
                model.put("fileErrors", fileErrors);
                model.put("summary", summary(e.messagesByField(), "import-" + roundId, fileErrors));
            });
            return HttpResponse.status(e.status()).body(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a plan form's action by the signed-in user: back to the plan saying what was done, or the plan with the refusal. */
    private MutableHttpResponse<?> act(Consumer<CurrentUser> action, UUID planId, Authentication auth, String where, String done) {
        CurrentUser user = CurrentUser.of(auth);
        return PageForms.act(() -> {
            action.accept(user);
            return "/followup/planer/" + planId + "?udfoert=" + done;
        }, errors -> planView(planId, user, errors, where, null));
    }

    private ModelAndView<Map<String, Object>> planView(UUID planId, CurrentUser user, Map<String, String> errors,
                                                       @Nullable String failed, @Nullable String done) {
        Views.Overview overview = queries.overview(planId, user);
        Map<Object, String> days = new HashMap<>();
        overview.rounds().forEach(r -> days.put(r.id(), DanishFormats.date(r.dueDate())));
        Map<String, Object> model = new HashMap<>();
        model.put("overview", overview);
        model.put("plan", overview.plan());
        model.put("days", days);
        model.put("managers", users.withRole(overview.plan().municipality(), Roles.MANAGER));
        // Goals whose manager was deactivated: listed at the top so an official or manager reassigns them.
        Set<String> departed = departures.departed(overview.goals().stream().map(g -> g.goal().manager())
                .filter(Objects::nonNull).distinct().toList());
        model.put("departed", departed);
        model.put("orphanedGoals", overview.goals().stream().filter(g -> departed.contains(g.goal().manager())).map(Views.GoalStatus::goal).toList());
        // A mid-year round can still be added for a year without one whose annual report is not sent and not yet due
        // (its due date must fall between today and the annual round's): no form for years where it would be refused.
        List<Integer> years = new ArrayList<>();
        for (int y = overview.plan().fromYear(); y <= overview.plan().toYear(); y++) {
            int year = y;
            boolean open = overview.rounds().stream().anyMatch(r -> r.year() == year && "ANNUAL".equals(r.kind())
                    && "OPEN".equals(r.state()) && r.dueDate().isAfter(PageDates.today(clock)));
            if (open && overview.rounds().stream().noneMatch(r -> r.year() == year && "MID_YEAR".equals(r.kind()))) {
                years.add(y);
            }
        }
        model.put("midYearYears", years);
        model.put("canAct", "OPEN".equals(overview.plan().state()) && (user.hasRole(Roles.MANAGER) || user.hasRole(Roles.OFFICIAL)));
        boolean official = "OPEN".equals(overview.plan().state()) && user.hasRole(Roles.OFFICIAL);
        model.put("canClose", official);
        model.put("periodOver", PageDates.today(clock).isAfter(LocalDate.of(overview.plan().toYear(), 12, 31)));
        model.put("today", PageDates.today(clock));
        List<Views.Round> past = new ArrayList<>(overview.rounds().stream().filter(Views.Round::past).toList());
        Collections.reverse(past);
        model.put("pastRounds", past);
        Map<Object, String> times = new HashMap<>();
        past.forEach(r -> {
            Instant at = r.closedAt() != null ? r.closedAt() : r.notedAt() != null ? r.notedAt() : r.submittedAt();
            if (at != null) {
                times.put(r.id(), DanishFormats.dateTime(at));
            }
        });
        model.put("pastTimes", times);
        model.put("errors", errors);
        model.put("failed", failed);
        model.put("fileErrors", List.of());
        model.put("summary", summary(errors, failed, List.of()));
        model.put("done", done == null ? null : done.startsWith("import-") ? "import" : done);
        model.put("imported", done != null && done.startsWith("import-") ? done.substring("import-".length()) : null);
        return new ModelAndView<>("followup/plan", model);
    }

    /** One line of the error summary: what is wrong, and the id of the field it leads to (null: no single field). */
    public record SummaryLine(String text, @Nullable String target) {
    }

    /**
     * The error summary of the form that failed ({@code failed}: which of the page's forms it was), each line linking to
     * its field; the file's problems one line each.
     */
    static List<SummaryLine> summary(Map<String, String> errors, @Nullable String failed, List<String> fileErrors) {
        List<SummaryLine> lines = new ArrayList<>();
        errors.forEach((field, message) -> {
            String target = target(failed, field);
            if (field.equals("file") && !fileErrors.isEmpty()) {
                fileErrors.forEach(m -> lines.add(new SummaryLine(m, target)));
            } else {
                lines.add(new SummaryLine(message, target));
            }
        });
        return lines;
    }

    /** The id of the field {@code field} of the form {@code failed} on the plan page. */
    private static @Nullable String target(@Nullable String failed, String field) {
        if (failed == null) {
            return null;
        }
        int dash = failed.indexOf('-');
        String form = dash < 0 ? failed : failed.substring(0, dash);
        String id = dash < 0 ? "" : failed.substring(dash + 1);
        return switch (form + ":" + field) {
            case "round:dueDate" -> "due-" + id;
            case "import:file" -> "file-" + id;
            case "close:reason" -> id.equals("plan") ? "close-reason" : "reason-" + id;
            case "goal:manager" -> "manager-" + id;
            case "midyear:year" -> "midyear-year";
            case "midyear:dueDate" -> "midyear-due";
            default -> null;
        };
    }

    // ---- the plan's documents: the status report of a round, the overview as CSV and Excel workbook ----

    @Get(value = "/planer/{planId}/runder/{roundId}/rapport", produces = MediaType.TEXT_HTML)
    @Secured({Roles.MANAGER, Roles.OFFICIAL, Roles.SECRETARY, Roles.ADMIN})
    public String reportHtml(@PathVariable UUID planId, @PathVariable UUID roundId, Authentication auth) {
        return reports.html(planId, roundId, CurrentUser.of(auth));
    }

    @Get(value = "/planer/{planId}/runder/{roundId}/rapport.pdf", produces = "application/pdf")
    @Secured({Roles.MANAGER, Roles.OFFICIAL, Roles.SECRETARY, Roles.ADMIN})
    public HttpResponse<byte[]> reportPdf(@PathVariable UUID planId, @PathVariable UUID roundId, Authentication auth) {
        return HttpResponse.ok(reports.pdf(planId, roundId, CurrentUser.of(auth))).contentType("application/pdf")
                .header("Content-Disposition", "inline; filename=\"statusrapport.pdf\"");
    }

    @Get(value = "/planer/{planId}/oversigt.csv", produces = SpreadsheetDownloads.CSV)
    @Secured({Roles.MANAGER, Roles.OFFICIAL, Roles.SECRETARY, Roles.ADMIN})
    public HttpResponse<byte[]> overviewCsv(@PathVariable UUID planId, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return SpreadsheetDownloads.csv(export.csv(planId, user), export.fileName(planId, user, "csv"));
    }

    @Get(value = "/planer/{planId}/oversigt.xlsx", produces = SpreadsheetDownloads.XLSX)
    @Secured({Roles.MANAGER, Roles.OFFICIAL, Roles.SECRETARY, Roles.ADMIN})
    public HttpResponse<byte[]> overviewXlsx(@PathVariable UUID planId, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return SpreadsheetDownloads.xlsx(export.xlsx(planId, user), export.fileName(planId, user, "xlsx"));
    }
}
