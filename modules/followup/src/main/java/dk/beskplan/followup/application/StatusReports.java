package dk.beskplan.followup.application;

import dk.beskplan.contracts.approval.StatusReportNoted;
import dk.beskplan.contracts.followup.StatusReportSubmitted;
import dk.beskplan.followup.FollowUpModule;
import dk.beskplan.followup.application.StatusChart;
import dk.beskplan.followup.domain.Evaluation;
import dk.beskplan.followup.domain.TargetRule;
import dk.beskplan.plandocument.SuccessCriterion;
import dk.beskplan.platform.documents.DocumentRenderer;
import dk.beskplan.platform.messaging.Envelope;
import dk.beskplan.platform.messaging.MessageContext;
import dk.beskplan.platform.outbox.Outbox;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.tenancy.Municipalities;
import dk.beskplan.platform.text.DanishFormats;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The annual (or mid-year) status report: compiled when a round is complete, or at its due date with what is missing
 * marked missing; per goal and criterion the target, the reported values, the evaluation as a traffic light, the
 * comment and a chart of the values over the rounds against the comparison value. Sent to approval for the
 * committee to note ("followup.status-report-submitted"); the noting ("approval.status-report-noted") closes the round,
 * and when the last round is noted the plan's follow-up closes (followup.follow-up-closed).
 */
@Singleton
public class StatusReports {
    public static final String TEMPLATE = "followup/status-report";

    /** A stored report. */
    public record Stored(UUID id, UUID roundId, UUID planId, String html, String summary, int missing, Instant compiledAt,
                         Instant notedAt, String notedBy) {
    }

    private final ReportRepository reports;
    private final RoundRepository rounds;
    private final TaskRepository tasks;
    private final FollowedPlanRepository plans;
    private final FollowUpQueries queries;
    private final DocumentRenderer renderer;
    private final Outbox outbox;
    private final UserAccounts users;
    private final Clock clock;

    private final RoundClosing closing;
    private final Municipalities municipalities;

    StatusReports(ReportRepository reports, RoundRepository rounds, TaskRepository tasks, FollowedPlanRepository plans, FollowUpQueries queries, DocumentRenderer renderer, Outbox outbox, UserAccounts users, Clock clock,
                  RoundClosing closing, Municipalities municipalities) {
        this.closing = closing;
        this.municipalities = municipalities;
        this.reports = reports;
        this.rounds = rounds;
        this.tasks = tasks;
        this.plans = plans;
        this.queries = queries;
        this.renderer = renderer;
        this.outbox = outbox;
        this.users = users;
        this.clock = clock;
    }

    /**
     * Compiles the round's report as it stands and sends it to the committee. Does nothing when the round is no longer
     * open (another instance or request did it first: the round row is locked while this runs).
     */
    @Transactional
    public Optional<UUID> compileAndSubmit(UUID roundId, String actor) {
        String state = rounds.lockState(roundId).orElse(null);
        if (!"OPEN".equals(state)) {
            return Optional.empty();
        }
        Views.Round round = queries.round(roundId).orElseThrow();
        Views.Plan plan = plans.id(round.planId()).map(id -> planOf(id)).orElseThrow();
        Instant now = clock.instant();
        Map<String, Object> model = model(plan, round, false, now);
        String html = renderer.html(TEMPLATE, model);
        String summary = (String) model.get("summary");
        UUID reportId = UUID.randomUUID();
        reports.insert(reportId, roundId, plan.planId(), html, summary, round.missing(), actor, now);
        rounds.submitted(roundId, now);
        LocalDate measuredOn = tasks.latestMeasuredOn(roundId).orElse(null);
        outbox.append(FollowUpModule.MODULE, new StatusReportSubmitted(reportId, plan.planId(), plan.title(), round.label(),
                        round.dueDate(), summary, html, actor, measuredOn),
                new MessageContext(plan.municipality(), plan.planId(), actor, null));
        return Optional.of(reportId);
    }

    /** A person sends the report before it is complete (what is missing is marked missing). */
    @Transactional
    public UUID submitNow(UUID planId, UUID roundId, CurrentUser user) {
        Views.Round round = queries.round(planId, roundId, user);
        return compileAndSubmit(round.id(), user.username())
                .orElseThrow(() -> new dk.beskplan.platform.web.Conflict("Statusrapporten for " + round.label() + " er allerede sendt til udvalget"));
    }

    /** The report as sent, or (before that) a preview of it as it stands. */
    @Transactional
    public String html(UUID planId, UUID roundId, CurrentUser user) {
        Views.Round round = queries.round(planId, roundId, user);
        return stored(roundId).map(Stored::html)
                .orElseGet(() -> renderer.html(TEMPLATE, model(planOf(planId), round, true, clock.instant())));
    }

    /**
     * The report as PDF. A report sent to the committee is frozen: its PDF is rendered once and kept with it; a
     * preview (before it is sent) is rendered each time, as it stands.
     */
    @Transactional
    public byte[] pdf(UUID planId, UUID roundId, CurrentUser user) {
        queries.round(planId, roundId, user); // the user may see the round (404 otherwise)
        Optional<Stored> sent = stored(roundId);
        if (sent.isEmpty()) {
            return renderer.pdf(html(planId, roundId, user));
        }
        UUID reportId = sent.get().id();
        return renderer.pdfOnce("followup:" + reportId,
                () -> reports.pdf(reportId),
                () -> sent.get().html(),
                pdf -> reports.savePdf(reportId, pdf));
    }

    @Transactional
    public Optional<Stored> stored(UUID roundId) {
        return reports.ofRound(roundId);
    }

    private Views.Plan planOf(UUID planId) {
        return plans.find(planId).orElseThrow();
    }

    /** The report's model (template followup/status-report). */
    Map<String, Object> model(Views.Plan plan, Views.Round round, boolean draft, Instant at) {
        Views.Overview overview = queries.overview(plan);
        Map<Evaluation, Integer> counts = new EnumMap<>(Evaluation.class);
        int missing = 0;
        int total = 0;
        List<Map<String, Object>> goals = new ArrayList<>();
        for (Views.GoalStatus goal : overview.goals()) {
            List<Map<String, Object>> criteria = new ArrayList<>();
            Map<String, Integer> lights = new LinkedHashMap<>();
            for (Views.CriterionStatus criterion : goal.criteria()) {
                Views.Task task = criterion.tasks().stream().filter(t -> t.roundId().equals(round.id())).findFirst().orElse(null);
                if (task == null) {
                    carried(criterion, round).ifPresent(criteria::add);
                    continue;
                }
                total++;
                boolean reported = "REPORTED".equals(task.state());
                if (reported) {
                    counts.merge(task.evaluation(), 1, Integer::sum);
                } else {
                    missing++;
                }
                lights.merge(reported ? task.light() : "missing", 1, Integer::sum);
                Map<String, Object> c = criterionRow(task);
                c.put("chart", chart(task, criterion.tasks(), round));
                criteria.add(c);
            }
            Map<String, Object> g = new HashMap<>();
            g.put("label", goal.goal().label());
            g.put("title", goal.goal().title());
            g.put("manager", goal.goal().managerName());
            g.put("criteria", criteria);
            g.put("lights", lights);
            goals.add(g);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("municipality", users.municipalityName(plan.municipality()));
        municipalities.dressDocument(model, plan.municipality());
        model.put("title", plan.title());
        model.put("period", plan.period());
        model.put("round", round.label());
        model.put("due", DanishFormats.date(round.dueDate()));
        model.put("compiledAt", DanishFormats.dateTime(at));
        model.put("draft", draft);
        model.put("goals", goals);
        model.put("summary", summary(total, counts, missing));
        model.put("counts", counts);
        model.put("missing", missing);
        return model;
    }

    /**
     * A criterion whose target ended before this round (not followed up in it): its last reading, carried over and
     * marked as such, not counted in the summary. Empty when the criterion was never followed up before this round.
     */
    private static Optional<Map<String, Object>> carried(Views.CriterionStatus criterion, Views.Round round) {
        List<Views.Task> before = criterion.tasks().stream().filter(t -> t.dueDate().isBefore(round.dueDate())).toList();
        if (before.isEmpty()) {
            return Optional.empty();
        }
        Views.Task last = before.stream().filter(t -> "REPORTED".equals(t.state())).reduce((a, b) -> b).orElse(before.get(before.size() - 1));
        Map<String, Object> c = criterionRow(last);
        c.put("carried", "Målets frist var " + (last.deadline() == null ? "" : last.deadline().words())
                + "; det følges ikke op længere. Seneste måling: " + last.roundLabel() + ".");
        c.put("chart", null);
        return Optional.of(c);
    }

    /** A criterion's row in the report: the target and the task's reading (or "Mangler"). */
    private static Map<String, Object> criterionRow(Views.Task task) {
        boolean reported = "REPORTED".equals(task.state());
        Map<String, Object> c = new HashMap<>();
        c.put("name", task.name());
        c.put("text", task.criterionText());
        c.put("target", task.targetDescription());
        c.put("indicator", task.indicator());
        c.put("reported", reported);
        c.put("value", reported && task.value() != null ? DanishFormats.number(task.value()) : null);
        c.put("comparisonLabel", task.comparisonLabel());
        c.put("comparison", reported && task.comparisonValue() != null ? DanishFormats.number(task.comparisonValue()) : null);
        c.put("measuredOn", reported && task.measuredOn() != null ? DanishFormats.date(task.measuredOn()) : null);
        c.put("source", reported ? task.dataSource() : task.criterionDataSource());
        c.put("evaluation", reported ? task.evaluationText() : "Mangler");
        c.put("light", reported ? task.light() : "missing");
        c.put("comment", reported ? task.comment() : null);
        // Several targets: each with its own reading and verdict (the criterion's verdict is above them).
        c.put("targets", !task.severalTargets() ? null : task.targets().stream().map(t -> {
            Map<String, Object> row = new HashMap<>();
            row.put("label", t.label());
            row.put("value", !reported ? "Mangler" : t.value() == null ? "Ingen værdi" : DanishFormats.number(t.value()));
            row.put("comparisonLabel", t.comparisonLabel());
            row.put("comparison", reported && t.comparisonValue() != null ? DanishFormats.number(t.comparisonValue()) : "–");
            row.put("evaluation", reported ? t.evaluationText() : "Mangler");
            row.put("light", reported ? t.light() : "missing");
            return row;
        }).toList());
        return c;
    }

    /** "Af 12 succeskriterier er 5 nået, 2 på vej og 3 ikke nået; 1 uden data, 1 beskrevet i ord. 0 mangler." */
    static String summary(int total, Map<Evaluation, Integer> counts, int missing) {
        StringBuilder s = new StringBuilder("Af ").append(total).append(total == 1 ? " succeskriterium er " : " succeskriterier er ")
                .append(counts.getOrDefault(Evaluation.MET, 0)).append(" nået, ")
                .append(counts.getOrDefault(Evaluation.ON_TRACK, 0)).append(" på vej og ")
                .append(counts.getOrDefault(Evaluation.NOT_MET, 0)).append(" ikke nået");
        int noData = counts.getOrDefault(Evaluation.NO_DATA, 0);
        int narrative = counts.getOrDefault(Evaluation.NARRATIVE, 0);
        if (noData + narrative > 0) {
            s.append("; ").append(noData).append(" uden data, ").append(narrative).append(" med status i ord");
        }
        s.append(". ");
        s.append(missing == 0 ? "Der er afgivet status på alle." : missing + (missing == 1 ? " mangler status." : " mangler status."));
        return s.toString();
    }

    /** The plan's own status figures (baselines), then the values of the rounds up to this one, against the comparison value. */
    private static String chart(Views.Task task, List<Views.Task> all, Views.Round round) {
        if (task.narrative()) {
            return null;
        }
        if (task.severalTargets()) {
            StringBuilder charts = new StringBuilder();
            for (Views.TargetStatus target : task.targets()) {
                String one = targetChart(task, target, all, round);
                charts.append(one == null ? "" : one);
            }
            return charts.toString();
        }
        List<StatusChart.Point> points = figures(task.baselines(), 0, task.rule());
        for (Views.Task t : all) {
            if (t.dueDate().isAfter(round.dueDate())) {
                continue;
            }
            boolean reported = "REPORTED".equals(t.state());
            points.add(new StatusChart.Point(shortLabel(t.roundLabel()), reported ? t.value() : null, reported ? t.comparisonValue() : null));
        }
        return StatusChart.svg("Udvikling for " + task.name(), points, task.comparisonLabel(), task.rule().level());
    }

    /** The plan's status figures for the target at {@code index} as the first points of its chart. */
    private static List<StatusChart.Point> figures(List<SuccessCriterion.Baseline> baselines, int index, TargetRule rule) {
        List<StatusChart.Point> points = new ArrayList<>();
        for (SuccessCriterion.Baseline b : baselines) {
            if (FollowUpReadRepository.figureFor(b, index, rule)) {
                String label = b.date() != null ? String.valueOf(b.date().getYear()) : String.valueOf(b.label());
                points.add(new StatusChart.Point(label, b.value(), FollowUpQueries.comparisonIn(b, rule)));
            }
        }
        return points;
    }

    /** One of several targets: the plan's status figures for it, then its readings in the rounds up to this one. */
    private static String targetChart(Views.Task task, Views.TargetStatus target, List<Views.Task> all, Views.Round round) {
        if (target.rule().narrative()) {
            return null;
        }
        List<StatusChart.Point> points = figures(task.baselines(), target.number(), target.rule());
        for (Views.Task t : all) {
            if (t.dueDate().isAfter(round.dueDate()) || t.targets().size() <= target.number()) {
                continue;
            }
            Views.TargetStatus reading = t.targets().get(target.number());
            boolean reported = "REPORTED".equals(t.state());
            points.add(new StatusChart.Point(shortLabel(t.roundLabel()), reported ? reading.value() : null,
                    reported ? reading.comparisonValue() : null));
        }
        return StatusChart.svg("Udvikling for " + task.name() + ", måltal " + (target.number() + 1), points, target.comparisonLabel(),
                target.rule().level());
    }

    /** "Halvårsstatus 2025" → "H1 2025", "Årlig status 2025" → "2025": the round's plan year, whatever its due date. */
    static String shortLabel(String roundLabel) {
        return roundLabel.replace("Halvårsstatus ", "H1 ").replace("Årlig status ", "");
    }

    // ---- the committee noted the report ----

    /** The committee noted the report (the message {@link OnStatusReportNoted} receives): its round is done. */
    void noted(StatusReportNoted noted, Envelope envelope) {
        Instant now = clock.instant();
        Optional<UUID> roundId = reports.noted(noted.reportId(), now, noted.decidingBody(), noted.meetingDate(), noted.remarks());
        if (roundId.isEmpty()) {
            return; // not ours, or noted before
        }
        // A round an official closed as not followed up stays closed; the noting is kept on its report all the same.
        rounds.noted(roundId.get(), now);
        // The last round of the plan period noted: follow-up on this plan is over.
        closing.closeWhenEveryRoundIsDone(planOf(noted.planId()), MessageContext.reactingTo(envelope, FollowUpModule.MODULE.name()));
    }
}
