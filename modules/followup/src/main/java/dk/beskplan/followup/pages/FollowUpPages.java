package dk.beskplan.followup.pages;

import dk.beskplan.followup.application.CalendarFeeds;
import dk.beskplan.followup.application.FollowUpQueries;
import dk.beskplan.followup.application.OverviewExport;
import dk.beskplan.followup.application.Reporting;
import dk.beskplan.followup.application.RoundClosing;
import dk.beskplan.followup.application.Settings;
import dk.beskplan.followup.application.StatusReports;
import dk.beskplan.followup.application.Views;
import dk.beskplan.followup.document.StatusChart;
import dk.beskplan.followup.domain.Evaluation;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.spreadsheet.SpreadsheetDownloads;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.security.UserAccounts;
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
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Follow-up's Danish pages: the manager's open tasks, the report form per criterion (the evaluation shown as values
 * are typed), the plan's status overview with traffic lights, managers and indicator import, the status report
 * preview and PDF, the overview as CSV and Excel workbook, and the manager's calendar feed. Every action is also an API endpoint.
 */
@Controller("/followup")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class FollowUpPages {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.forLanguageTag("da-DK"));
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d. MMMM yyyy 'kl.' HH.mm", Locale.forLanguageTag("da-DK"))
            .withZone(java.time.ZoneId.of("Europe/Copenhagen"));

    private final FollowUpQueries queries;
    private final Reporting reporting;
    private final StatusReports reports;
    private final CalendarFeeds calendars;
    private final OverviewExport export;
    private final UserAccounts users;
    private final Clock clock;
    private final Settings settings;
    private final RoundClosing closing;
    private final dk.beskplan.followup.application.Departures departures;

    public FollowUpPages(FollowUpQueries queries, Reporting reporting, StatusReports reports, CalendarFeeds calendars,
                         OverviewExport export, UserAccounts users, Clock clock, Settings settings, RoundClosing closing,
                         dk.beskplan.followup.application.Departures departures) {
        this.closing = closing;
        this.settings = settings;
        this.departures = departures;
        this.queries = queries;
        this.reporting = reporting;
        this.reports = reports;
        this.calendars = calendars;
        this.export = export;
        this.users = users;
        this.clock = clock;
    }

    // ---- my tasks ----

    @Get("/opgaver")
    @Produces(MediaType.TEXT_HTML)
    @Secured({Roles.MANAGER, Roles.OFFICIAL})
    public ModelAndView<Map<String, Object>> tasks(Authentication auth) {
        return tasksView(CurrentUser.of(auth), null);
    }

    @Post("/opgaver/kalender")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Secured({Roles.MANAGER, Roles.OFFICIAL})
    public ModelAndView<Map<String, Object>> newCalendar(@Body Map<String, String> form, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return tasksView(user, calendars.newFeed(user));
    }

    private ModelAndView<Map<String, Object>> tasksView(CurrentUser user, @Nullable String newFeed) {
        LocalDate today = today();
        List<Views.Task> open = queries.openTasks(user);
        Map<UUID, List<Views.Task>> byRound = new LinkedHashMap<>();
        open.forEach(t -> byRound.computeIfAbsent(t.roundId(), k -> new java.util.ArrayList<>()).add(t));
        List<Map<String, Object>> groups = new java.util.ArrayList<>();
        byRound.forEach((roundId, tasks) -> {
            Views.Task first = tasks.get(0);
            long days = ChronoUnit.DAYS.between(today, first.dueDate());
            Map<String, Object> g = new HashMap<>();
            g.put("planId", first.planId());
            g.put("roundId", roundId);
            g.put("plan", first.planTitle());
            g.put("round", first.roundLabel());
            g.put("due", DAY.format(first.dueDate()));
            g.put("dueIso", first.dueDate().toString());
            g.put("overdue", days < 0);
            g.put("submitted", "SUBMITTED".equals(first.roundState()));
            g.put("when", days < 0 ? "overskredet med " + -days + (days == -1 ? " dag" : " dage") : days == 0 ? "i dag"
                    : days == 1 ? "i morgen" : "om " + days + " dage");
            g.put("tasks", tasks);
            groups.add(g);
        });
        Map<String, Object> model = new HashMap<>();
        model.put("groups", groups);
        model.put("overdueCount", groups.stream().filter(g -> (Boolean) g.get("overdue")).mapToInt(g -> ((List<?>) g.get("tasks")).size()).sum());
        model.put("reported", queries.reportedTasks(user));
        model.put("past", pastRounds(queries.pastRounds(user)));
        model.put("count", open.size());
        model.put("hasFeed", calendars.hasFeed(user));
        model.put("newFeed", newFeed);
        return new ModelAndView<>("followup/tasks", model);
    }

    /** Earlier rounds as the pages list them: newest first, with their report and how each criterion went. */
    private static List<Map<String, Object>> pastRounds(List<Views.PastRound> past) {
        List<Map<String, Object>> rounds = new java.util.ArrayList<>();
        for (Views.PastRound p : past) {
            Map<String, Object> r = new HashMap<>();
            r.put("round", p.round());
            r.put("plan", p.planTitle());
            r.put("due", DAY.format(p.round().dueDate()));
            r.put("when", p.round().notedAt() != null ? WHEN.format(p.round().notedAt()) : p.round().closedAt() != null
                    ? WHEN.format(p.round().closedAt()) : p.round().submittedAt() != null ? WHEN.format(p.round().submittedAt()) : null);
            r.put("tasks", p.mine());
            rounds.add(r);
        }
        return rounds;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Copenhagen")));
    }

    // ---- the report form ----

    @Get("/opgaver/{taskId}")
    @Produces(MediaType.TEXT_HTML)
    @Secured({Roles.MANAGER, Roles.OFFICIAL, Roles.SECRETARY, Roles.ADMIN})
    public ModelAndView<Map<String, Object>> task(@PathVariable UUID taskId, @QueryValue @Nullable String udfoert, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        Views.Task task = queries.task(taskId, user);
        return taskView(task, user, formOf(task), Map.of(), udfoert);
    }

    @Post("/opgaver/{taskId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Secured({Roles.MANAGER, Roles.OFFICIAL})
    public MutableHttpResponse<?> report(@PathVariable UUID taskId, @Body Map<String, String> form, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        try {
            Reporting.ReportInput input = new Reporting.ReportInput(PageForms.number(form, "value"),
                    PageForms.number(form, "comparisonValue"), PageForms.date(form, "measuredOn"), PageForms.text(form, "dataSource"),
                    PageForms.text(form, "comment"));
            reporting.report(taskId, input, PageForms.integer(form, "version"), user);
            return HttpResponse.seeOther(URI.create("/followup/opgaver/" + taskId + "?udfoert=gemt"));
        } catch (ProblemException e) {
            Views.Task task = queries.task(taskId, user);
            return HttpResponse.status(e.status()).body(taskView(task, user, form, PageForms.errors(e), null));
        }
    }

    /** The evaluation of what is in the form right now (htmx, as the manager types); nothing is saved. */
    @Post("/opgaver/{taskId}/vurdering")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Secured({Roles.MANAGER, Roles.OFFICIAL})
    public ModelAndView<Map<String, Object>> evaluate(@PathVariable UUID taskId, @Body Map<String, String> form, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        Evaluation evaluation = reporting.preview(taskId, new Reporting.ReportInput(PageForms.numberOrNull(form, "value"),
                PageForms.numberOrNull(form, "comparisonValue"), PageForms.dateOrNull(form, "measuredOn"), null, null), user);
        Map<String, Object> model = new HashMap<>();
        model.put("evaluation", evaluation);
        model.put("saved", false);
        return new ModelAndView<>("followup/evaluation", model);
    }

    private Map<String, String> formOf(Views.Task task) {
        Map<String, String> form = new HashMap<>();
        boolean reported = "REPORTED".equals(task.state());
        Views.Prefill prefill = task.prefill();
        form.put("value", reported ? num(task.value()) : prefill != null ? num(prefill.value()) : "");
        form.put("comparisonValue", reported ? num(task.comparisonValue()) : prefill != null ? num(prefill.nationalValue()) : "");
        form.put("measuredOn", reported && task.measuredOn() != null ? task.measuredOn().toString()
                : prefill != null ? prefill.measuredOn().toString() : "");
        form.put("dataSource", reported && task.dataSource() != null ? task.dataSource() : task.criterionDataSource() == null ? "" : task.criterionDataSource());
        form.put("comment", reported && task.comment() != null ? task.comment() : "");
        form.put("version", Integer.toString(task.version()));
        return form;
    }

    private ModelAndView<Map<String, Object>> taskView(Views.Task task, CurrentUser user, Map<String, String> form,
                                                       Map<String, String> errors, @Nullable String done) {
        Map<String, Object> model = new HashMap<>();
        model.put("task", task);
        model.put("form", form);
        model.put("errors", errors);
        model.put("done", done);
        model.put("due", DAY.format(task.dueDate()));
        model.put("deadline", task.deadline() == null ? null : DAY.format(task.deadline()));
        model.put("editable", Reporting.reportable(task) && (user.hasRole(Roles.MANAGER) || user.hasRole(Roles.OFFICIAL)));
        model.put("late", "SUBMITTED".equals(task.roundState()) && "OPEN".equals(task.state()));
        model.put("owner", task.owner() == null ? null : users.find(task.owner()).map(UserAccounts.User::displayName).orElse(task.owner()));
        model.put("reportedAt", task.reportedAt() == null ? null : WHEN.format(task.reportedAt()));
        model.put("reportedBy", task.reportedBy() == null ? null : users.find(task.reportedBy()).map(UserAccounts.User::displayName).orElse(task.reportedBy()));
        model.put("previous", task.previousValue() == null ? null : num(task.previousValue())
                + (task.previousComparisonValue() == null ? "" : " (" + task.comparisonLabel().toLowerCase(Locale.ROOT) + " " + num(task.previousComparisonValue()) + ")"));
        model.put("prefillDate", task.prefill() == null ? null : DAY.format(task.prefill().measuredOn()));
        model.put("evaluation", task.evaluation());
        model.put("saved", "REPORTED".equals(task.state()));
        model.put("unit", task.rule() instanceof dk.beskplan.followup.domain.Target.Share || task.rule() instanceof dk.beskplan.followup.domain.Target.Rank ? "%" : null);
        return new ModelAndView<>("followup/task", model);
    }

    private static String num(@Nullable Double value) {
        return value == null ? "" : StatusChart.number(value);
    }

    // ---- plans and their status ----

    @Get("/planer")
    @Produces(MediaType.TEXT_HTML)
    @Secured({Roles.MANAGER, Roles.OFFICIAL, Roles.SECRETARY, Roles.ADMIN})
    public ModelAndView<Map<String, Object>> plans(Authentication auth) {
        LocalDate today = today();
        List<Views.PlanListing> plans = queries.listing(CurrentUser.of(auth), today);
        Map<Object, String> nextDue = new HashMap<>();
        plans.stream().filter(p -> p.nextDue() != null).forEach(p -> nextDue.put(p.planId(), DAY.format(p.nextDue())));
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
        CurrentUser user = CurrentUser.of(auth);
        return act(() -> reporting.assign(planId, goalNumber, PageForms.text(form, "manager"), user), planId, user, "goal-" + goalNumber, "ansvarlig");
    }

    @Post("/planer/{planId}/runder/{roundId}/frist")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Secured({Roles.MANAGER, Roles.OFFICIAL})
    public MutableHttpResponse<?> moveDue(@PathVariable UUID planId, @PathVariable UUID roundId, @Body Map<String, String> form,
                                          Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return act(() -> reporting.moveDueDate(planId, roundId, PageForms.date(form, "dueDate"), user), planId, user, "round-" + roundId, "frist");
    }

    @Post("/planer/{planId}/halvaar")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Secured({Roles.MANAGER, Roles.OFFICIAL})
    public MutableHttpResponse<?> addMidYear(@PathVariable UUID planId, @Body Map<String, String> form, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return act(() -> {
            String year = PageForms.text(form, "year");
            reporting.addMidYearRound(planId, year == null || !year.matches("\\d{4}") ? null : Integer.valueOf(year),
                    PageForms.date(form, "dueDate"), user);
        }, planId, user, "midyear", "halvaar");
    }

    @Post("/planer/{planId}/runder/{roundId}/send")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Secured({Roles.MANAGER, Roles.OFFICIAL})
    public MutableHttpResponse<?> submit(@PathVariable UUID planId, @PathVariable UUID roundId, @Body Map<String, String> form,
                                         Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return act(() -> reports.submitNow(planId, roundId, user), planId, user, "round-" + roundId, "sendt");
    }

    /** An official closes a historic or abandoned round as "ikke fulgt op", saying why. */
    @Post("/planer/{planId}/runder/{roundId}/ikke-fulgt-op")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Secured(Roles.OFFICIAL)
    public MutableHttpResponse<?> notFollowedUp(@PathVariable UUID planId, @PathVariable UUID roundId, @Body Map<String, String> form,
                                                Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return act(() -> closing.closeNotFollowedUp(planId, roundId, PageForms.text(form, "reason"), user), planId, user,
                "close-" + roundId, "ikke-fulgt-op");
    }

    /** An official closes the plan's follow-up once its period is over. */
    @Post("/planer/{planId}/afslut")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Secured(Roles.OFFICIAL)
    public MutableHttpResponse<?> closeFollowUp(@PathVariable UUID planId, @Body Map<String, String> form, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return act(() -> closing.closeFollowUp(planId, PageForms.text(form, "reason"), user), planId, user, "close-plan", "afsluttet");
    }

    @Post(value = "/planer/{planId}/runder/{roundId}/import", consumes = MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    @Secured({Roles.MANAGER, Roles.OFFICIAL})
    public MutableHttpResponse<?> importValues(@PathVariable UUID planId, @PathVariable UUID roundId, @Nullable CompletedFileUpload file,
                                               Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        try {
            if (file == null || file.getSize() == 0) {
                throw dk.beskplan.platform.web.InvalidInput.field("file", "vælg en CSV-fil");
            }
            Reporting.Imported imported = reporting.importCsv(planId, roundId, new String(file.getBytes(), StandardCharsets.UTF_8), user);
            return HttpResponse.seeOther(URI.create("/followup/planer/" + planId + "?udfoert=import-" + imported.rows()));
        } catch (ProblemException e) {
            return HttpResponse.status(e.status()).body(planView(planId, user, PageForms.errors(e), "import-" + roundId, null));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private MutableHttpResponse<?> act(Runnable action, UUID planId, CurrentUser user, String where, String done) {
        try {
            action.run();
            return HttpResponse.seeOther(URI.create("/followup/planer/" + planId + "?udfoert=" + done));
        } catch (ProblemException e) {
            return HttpResponse.status(e.status()).body(planView(planId, user, PageForms.errors(e), where, null));
        }
    }

    private ModelAndView<Map<String, Object>> planView(UUID planId, CurrentUser user, Map<String, String> errors,
                                                       @Nullable String failed, @Nullable String done) {
        Views.Overview overview = queries.overview(planId, user);
        Map<Object, String> days = new HashMap<>();
        overview.rounds().forEach(r -> days.put(r.id(), DAY.format(r.dueDate())));
        Map<String, Object> model = new HashMap<>();
        model.put("overview", overview);
        model.put("plan", overview.plan());
        model.put("days", days);
        model.put("managers", users.withRole(overview.plan().municipality(), Roles.MANAGER));
        // Goals whose manager was deactivated: listed at the top so an official or manager reassigns them.
        java.util.Set<String> departed = departures.departed(overview.goals().stream().map(g -> g.goal().manager())
                .filter(java.util.Objects::nonNull).distinct().toList());
        model.put("departed", departed);
        model.put("orphanedGoals", overview.goals().stream().filter(g -> departed.contains(g.goal().manager())).map(Views.GoalStatus::goal).toList());
        // A mid-year round can still be added for a year without one whose annual report is not sent and not yet due
        // (its due date must fall between today and the annual round's): no form for years where it would be refused.
        List<Integer> years = new java.util.ArrayList<>();
        for (int y = overview.plan().fromYear(); y <= overview.plan().toYear(); y++) {
            int year = y;
            boolean open = overview.rounds().stream().anyMatch(r -> r.year() == year && "ANNUAL".equals(r.kind())
                    && "OPEN".equals(r.state()) && r.dueDate().isAfter(today()));
            if (open && overview.rounds().stream().noneMatch(r -> r.year() == year && "MID_YEAR".equals(r.kind()))) {
                years.add(y);
            }
        }
        model.put("midYearYears", years);
        model.put("canAct", "OPEN".equals(overview.plan().state()) && (user.hasRole(Roles.MANAGER) || user.hasRole(Roles.OFFICIAL)));
        boolean official = "OPEN".equals(overview.plan().state()) && user.hasRole(Roles.OFFICIAL);
        model.put("canClose", official);
        model.put("periodOver", today().isAfter(LocalDate.of(overview.plan().toYear(), 12, 31)));
        model.put("today", today());
        List<Views.Round> past = new java.util.ArrayList<>(overview.rounds().stream().filter(Views.Round::past).toList());
        java.util.Collections.reverse(past);
        model.put("pastRounds", past);
        Map<Object, String> times = new HashMap<>();
        past.forEach(r -> {
            java.time.Instant at = r.closedAt() != null ? r.closedAt() : r.notedAt() != null ? r.notedAt() : r.submittedAt();
            if (at != null) {
                times.put(r.id(), WHEN.format(at));
            }
        });
        model.put("pastTimes", times);
        model.put("errors", errors);
        model.put("failed", failed);
        model.put("done", done == null ? null : done.startsWith("import-") ? "import" : done);
        model.put("imported", done != null && done.startsWith("import-") ? done.substring("import-".length()) : null);
        return new ModelAndView<>("followup/plan", model);
    }

    // ---- the municipality's settings ----

    @Get("/indstillinger")
    @Produces(MediaType.TEXT_HTML)
    @Secured({Roles.OFFICIAL, Roles.MANAGER})
    public ModelAndView<Map<String, Object>> settings(@QueryValue @Nullable String udfoert, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        Settings.View view = settings.of(user.municipality());
        Map<String, String> form = new HashMap<>();
        form.put("annualDue", view.annualDue());
        form.put("midYear", Boolean.toString(view.midYear()));
        form.put("midYearDue", view.midYearDue());
        form.put("escalationName", view.escalationName() == null ? "" : view.escalationName());
        form.put("escalationEmail", view.escalationEmail() == null ? "" : view.escalationEmail());
        form.put("defaultManager", view.defaultManager() == null ? "" : view.defaultManager());
        form.put("version", Integer.toString(view.version()));
        return settingsView(user, form, Map.of(), udfoert);
    }

    @Post("/indstillinger")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Secured(Roles.OFFICIAL)
    public MutableHttpResponse<?> saveSettings(@Body Map<String, String> form, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        try {
            settings.update(new Settings.Update(PageForms.text(form, "annualDue"), "true".equals(form.get("midYear")),
                    PageForms.text(form, "midYearDue"), PageForms.text(form, "escalationName"), PageForms.text(form, "escalationEmail"),
                    PageForms.text(form, "defaultManager"), PageForms.integer(form, "version")), user);
            return HttpResponse.seeOther(URI.create("/followup/indstillinger?udfoert=gemt"));
        } catch (ProblemException e) {
            return HttpResponse.status(e.status()).body(settingsView(user, form, PageForms.errors(e), null));
        }
    }

    private ModelAndView<Map<String, Object>> settingsView(CurrentUser user, Map<String, String> form, Map<String, String> errors,
                                                           @Nullable String done) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", errors);
        model.put("done", done);
        model.put("managers", users.withRole(user.municipality(), Roles.MANAGER));
        model.put("canEdit", user.hasRole(Roles.OFFICIAL));
        return new ModelAndView<>("followup/settings", model);
    }

    // ---- documents ----

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

    /** The manager's deadlines for a calendar program: the token in the address is the key. */
    @Get(value = "/kalender/{token}.ics", produces = "text/calendar")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<String> calendar(@PathVariable String token) {
        return HttpResponse.ok(calendars.feed(token)).contentType("text/calendar; charset=utf-8");
    }
}
