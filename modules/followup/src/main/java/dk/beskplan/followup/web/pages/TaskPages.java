package dk.beskplan.followup.web.pages;

import dk.beskplan.followup.application.CalendarFeeds;
import dk.beskplan.followup.application.FollowUpQueries;
import dk.beskplan.followup.application.Reporting;
import dk.beskplan.followup.application.Views;
import dk.beskplan.followup.domain.Evaluation;
import dk.beskplan.plandocument.Target;
import dk.beskplan.platform.web.PageForms;
import dk.beskplan.platform.text.DanishFormats;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.security.UserAccounts;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The manager's side of follow-up: the open tasks grouped by round (with earlier rounds), the calendar feed of their
 * deadlines, and the report form per criterion, whose evaluation is shown as values are typed. Every action is also an
 * API endpoint.
 */
@Controller("/followup")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class TaskPages {
    private final FollowUpQueries queries;
    private final Reporting reporting;
    private final CalendarFeeds calendars;
    private final UserAccounts users;
    private final Clock clock;

    public TaskPages(FollowUpQueries queries, Reporting reporting, CalendarFeeds calendars, UserAccounts users, Clock clock) {
        this.queries = queries;
        this.reporting = reporting;
        this.calendars = calendars;
        this.users = users;
        this.clock = clock;
    }

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
        LocalDate today = PageDates.today(clock);
        List<Views.Task> open = queries.openTasks(user);
        Map<UUID, List<Views.Task>> byRound = new LinkedHashMap<>();
        open.forEach(t -> byRound.computeIfAbsent(t.roundId(), k -> new ArrayList<>()).add(t));
        List<Map<String, Object>> groups = new ArrayList<>();
        byRound.forEach((roundId, tasks) -> {
            Views.Task first = tasks.get(0);
            long days = ChronoUnit.DAYS.between(today, first.dueDate());
            Map<String, Object> g = new HashMap<>();
            g.put("planId", first.planId());
            g.put("roundId", roundId);
            g.put("plan", first.planTitle());
            g.put("round", first.roundLabel());
            g.put("due", DanishFormats.date(first.dueDate()));
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
        List<Map<String, Object>> rounds = new ArrayList<>();
        for (Views.PastRound p : past) {
            Map<String, Object> r = new HashMap<>();
            r.put("round", p.round());
            r.put("plan", p.planTitle());
            r.put("due", DanishFormats.date(p.round().dueDate()));
            r.put("when", p.round().notedAt() != null ? DanishFormats.dateTime(p.round().notedAt()) : p.round().closedAt() != null
                    ? DanishFormats.dateTime(p.round().closedAt()) : p.round().submittedAt() != null ? DanishFormats.dateTime(p.round().submittedAt()) : null);
            r.put("tasks", p.mine());
            rounds.add(r);
        }
        return rounds;
    }


    /** The manager's deadlines for a calendar program: the token in the address is the key. */
    @Get(value = "/kalender/{token}.ics", produces = "text/calendar")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<String> calendar(@PathVariable String token) {
        return HttpResponse.ok(calendars.feed(token)).contentType("text/calendar; charset=utf-8");
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
        return PageForms.act(() -> {
            Reporting.ReportInput input = new Reporting.ReportInput(PageForms.decimal(form, "value"),
                    PageForms.decimal(form, "comparisonValue"), PageForms.date(form, "measuredOn"), PageForms.text(form, "dataSource"),
                    PageForms.text(form, "comment"), readings(form, false));
            reporting.report(taskId, input, FollowUpForms.integer(form, "version"), user);
            return "/followup/opgaver/" + taskId + "?udfoert=gemt";
        }, errors -> taskView(queries.task(taskId, user), user, form, pageFields(errors), null));
    }

    /**
     * The form's values of a criterion's several targets ({@code value-0}, {@code comparisonValue-0}, …), as the report
     * takes them; null when the form has none (a criterion with one target). Leniently for the live evaluation.
     */
    private static List<Reporting.TargetValue> readings(Map<String, String> form, boolean lenient) {
        List<Reporting.TargetValue> readings = new ArrayList<>();
        for (int i = 0; form.containsKey("value-" + i) || form.containsKey("comparisonValue-" + i); i++) {
            readings.add(lenient
                    ? new Reporting.TargetValue(FollowUpForms.numberOrNull(form, "value-" + i), FollowUpForms.numberOrNull(form, "comparisonValue-" + i))
                    : new Reporting.TargetValue(PageForms.decimal(form, "value-" + i), PageForms.decimal(form, "comparisonValue-" + i)));
        }
        return readings.isEmpty() ? null : readings;
    }

    /** The report's refusals at the page's fields: {@code readings[1].value} is the field {@code value-1}. */
    private static Map<String, String> pageFields(Map<String, String> errors) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        errors.forEach((field, message) -> fields.put(field.replaceAll("^readings\\[(\\d+)]\\.(\\w+)$", "$2-$1"), message));
        return fields;
    }

    /** The evaluation of what is in the form right now (htmx, as the manager types); nothing is saved. */
    @Post("/opgaver/{taskId}/vurdering")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Secured({Roles.MANAGER, Roles.OFFICIAL})
    public ModelAndView<Map<String, Object>> evaluate(@PathVariable UUID taskId, @Body Map<String, String> form, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        Evaluation evaluation = reporting.preview(taskId, new Reporting.ReportInput(FollowUpForms.numberOrNull(form, "value"),
                FollowUpForms.numberOrNull(form, "comparisonValue"), FollowUpForms.dateOrNull(form, "measuredOn"), null, null,
                readings(form, true)), user);
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
        if (task.severalTargets()) {
            for (Views.TargetStatus t : task.targets()) {
                form.put("value-" + t.number(), num(reported ? t.value() : t.importedValue()));
                form.put("comparisonValue-" + t.number(), num(reported ? t.comparisonValue() : t.importedComparisonValue()));
            }
        }
        return form;
    }

    private ModelAndView<Map<String, Object>> taskView(Views.Task task, CurrentUser user, Map<String, String> form,
                                                       Map<String, String> errors, @Nullable String done) {
        Map<String, Object> model = new HashMap<>();
        model.put("task", task);
        model.put("form", form);
        model.put("errors", errors);
        model.put("done", done);
        model.put("due", DanishFormats.date(task.dueDate()));
        model.put("deadline", task.deadline() == null ? null : task.deadline().words());
        boolean hasTaskList = user.hasRole(Roles.MANAGER) || user.hasRole(Roles.OFFICIAL); // who may open /followup/opgaver
        model.put("hasTaskList", hasTaskList);
        model.put("editable", Reporting.reportable(task) && hasTaskList);
        model.put("late", "SUBMITTED".equals(task.roundState()) && "OPEN".equals(task.state()));
        model.put("owner", task.owner() == null ? null : users.find(task.owner()).map(UserAccounts.User::displayName).orElse(task.owner()));
        model.put("reportedAt", task.reportedAt() == null ? null : DanishFormats.dateTime(task.reportedAt()));
        model.put("reportedBy", task.reportedBy() == null ? null : users.find(task.reportedBy()).map(UserAccounts.User::displayName).orElse(task.reportedBy()));
        model.put("previous", task.targets().get(0).previousText());
        model.put("prefillDate", task.prefill() == null ? null : DanishFormats.date(task.prefill().measuredOn()));
        model.put("evaluation", task.evaluation());
        model.put("saved", "REPORTED".equals(task.state()));
        model.put("unit", task.target() instanceof Target.Share || task.target() instanceof Target.Rank ? "%" : null);
        return new ModelAndView<>("followup/task", model);
    }

    private static String num(@Nullable Double value) {
        return value == null ? "" : DanishFormats.number(value);
    }
}
