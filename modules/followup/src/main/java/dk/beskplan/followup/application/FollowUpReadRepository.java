package dk.beskplan.followup.application;

import dk.beskplan.followup.domain.Evaluation;
import dk.beskplan.followup.domain.TargetRule;
import dk.beskplan.plandocument.CriterionTarget;
import dk.beskplan.plandocument.PlanDate;
import dk.beskplan.plandocument.SuccessCriterion;
import dk.beskplan.plandocument.Target;
import dk.beskplan.plandocument.TargetWording;
import dk.beskplan.platform.persistence.JsonColumns;
import dk.beskplan.platform.persistence.PlanDocumentColumns;
import dk.beskplan.platform.persistence.Sql;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of follow-up's read side ({@link FollowUpQueries}): rounds with their counts, goals with their current
 * manager, tasks with their round, plan, goal, criterion, imported value and the reading before, and the plans'
 * listing. No access checks: the read use cases make them.
 */
@Singleton
class FollowUpReadRepository {
    /** A goal and who answers for it now (the newest assignment). */
    record GoalWithManager(int number, String label, String title, @Nullable String manager) {
    }

    private static final String ROUND = "select r.id, r.plan_id, r.number, r.kind, r.year, r.label, r.due_date, r.owner, r.state,"
            + " r.opened_at, r.submitted_at, r.noted_at, r.closed_reason, r.closed_by, r.closed_at, (select count(*) from followup.status_task t where t.round_id = r.id) tasks,"
            + " (select count(*) from followup.status_task t where t.round_id = r.id and t.state = 'REPORTED') reported,"
            + " (select s.id from followup.status_report s where s.round_id = r.id) report_id from followup.status_round r";
    /** A task with its round, plan, goal and criterion, the imported value, and the reading before it. */
    private static final String TASK = "select t.*, r.label round_label, r.state round_state, r.due_date, p.title plan_title,"
            + " p.municipality, g.label goal_label, g.title goal_title, c.code, c.text criterion_text, c.target_group, c.indicator,"
            + " c.data_source criterion_source, c.deadline, c.deadline_written, c.target::text target, c.baselines::text baselines,"
            + " c.targets::text targets, t.readings::text target_readings, p.to_year, prevr.readings::text prev_readings,"
            + " r.due_date < coalesce(c.deadline, make_date(p.to_year, 12, 31)) interim,"
            + " iv.value iv_value, iv.national_value iv_national, iv.measured_on iv_measured_on, iv.source_line iv_line, iv.imported_by iv_by,"
            + " (select json_agg(json_build_object('index', x.target_index, 'value', x.value, 'nationalValue', x.national_value))"
            + "   from followup.indicator_value x where x.task_id = t.id) iv_targets,"
            + " prev.value prev_value, prev.comparison_value prev_comparison"
            + " from followup.status_task t join followup.status_round r on r.id = t.round_id"
            + " join followup.followed_plan p on p.plan_id = t.plan_id"
            + " join followup.goal g on g.plan_id = t.plan_id and g.number = t.goal_number"
            + " join followup.criterion c on c.plan_id = t.plan_id and c.goal_number = t.goal_number and c.number = t.criterion_number"
            // the imported row of the first target that has one: its date and line head the report's pre-fill
            + " left join lateral (select * from followup.indicator_value x where x.task_id = t.id order by x.target_index limit 1) iv on true"
            + " left join lateral (select pt.value, pt.comparison_value from followup.status_task pt"
            + "   join followup.status_round pr on pr.id = pt.round_id where pt.plan_id = t.plan_id and pt.goal_number = t.goal_number"
            + "   and pt.criterion_number = t.criterion_number and pr.number < r.number and pt.state = 'REPORTED' and pt.value is not null"
            + "   order by pr.number desc limit 1) prev on true"
            // several targets: each target's reading before is in the readings of the latest earlier report
            + " left join lateral (select pt.readings from followup.status_task pt"
            + "   join followup.status_round pr on pr.id = pt.round_id where c.targets is not null and pt.plan_id = t.plan_id"
            + "   and pt.goal_number = t.goal_number and pt.criterion_number = t.criterion_number and pr.number < r.number"
            + "   and pt.state = 'REPORTED' and pt.readings is not null order by pr.number desc limit 1) prevr on true";
    private static final String TASK_ORDER = " order by r.number, t.goal_number, t.criterion_number";

    private final Sql sql;
    private final PlanDocumentColumns documents;
    private final JsonColumns json;

    FollowUpReadRepository(Sql sql, PlanDocumentColumns documents, JsonColumns json) {
        this.sql = sql;
        this.documents = documents;
        this.json = json;
    }

    List<Views.Round> rounds(UUID planId) {
        return sql.query(ROUND + " where r.plan_id = ? order by r.number", FollowUpReadRepository::round, planId);
    }

    Optional<Views.Round> round(UUID planId, UUID roundId) {
        return sql.queryOne(ROUND + " where r.plan_id = ? and r.id = ?", FollowUpReadRepository::round, planId, roundId);
    }

    Optional<Views.Round> round(UUID roundId) {
        return sql.queryOne(ROUND + " where r.id = ?", FollowUpReadRepository::round, roundId);
    }

    List<GoalWithManager> goals(UUID planId) {
        return sql.query("select g.number, g.label, g.title, (select a.manager from followup.goal_assignment a where a.plan_id = g.plan_id"
                        + " and a.goal_number = g.number order by a.assigned_at desc, a.id limit 1) manager from followup.goal g"
                        + " where g.plan_id = ? order by g.number",
                rs -> new GoalWithManager(rs.getInt("number"), rs.getString("label"), rs.getString("title"), rs.getString("manager")),
                planId);
    }

    /** The owner's missing reports in open rounds and in rounds sent with them missing, soonest due first. */
    List<Views.Task> openTasks(String owner) {
        return sql.query(TASK + " where t.owner = ? and t.state = 'OPEN' and r.state in ('OPEN', 'SUBMITTED') and p.state = 'OPEN'"
                        + " order by r.due_date, p.title, t.goal_number, t.criterion_number",
                this::task, owner);
    }

    /** The owner's tasks already reported in rounds not yet submitted. */
    List<Views.Task> reportedTasks(String owner) {
        return sql.query(TASK + " where t.owner = ? and t.state = 'REPORTED' and r.state = 'OPEN' and p.state = 'OPEN'"
                + " order by r.due_date, p.title, t.goal_number, t.criterion_number", this::task, owner);
    }

    /** The owner's tasks in the municipality's rounds gone by, newest round first, each round's tasks together. */
    List<Views.Task> pastTasks(String owner, String municipality) {
        return sql.query(TASK + " where t.owner = ? and r.state <> 'OPEN' and p.municipality = ?"
                        + " order by r.due_date desc, p.title, r.id, t.goal_number, t.criterion_number", this::task,
                owner, municipality);
    }

    /** The municipality's plans in follow-up, newest period first, with what each still waits for on {@code today}. */
    List<Views.PlanListing> listing(String municipality, LocalDate today) {
        return sql.query("select p.plan_id, p.municipality, p.title, p.from_year, p.to_year, p.state, p.opened_at, p.closed_at,"
                        + " p.closed_reason, make_date(p.to_year, 12, 31) < ? period_over,"
                        + " (select count(*) from followup.status_round r where r.plan_id = p.plan_id and r.state = 'OPEN') open_rounds,"
                        + " (select count(*) from followup.status_round r where r.plan_id = p.plan_id and r.state in ('OPEN', 'SUBMITTED')"
                        + "   and r.due_date < ? and exists (select 1 from followup.status_task t where t.round_id = r.id and t.state = 'OPEN'))"
                        + "   overdue_rounds,"
                        + " (select count(*) from followup.status_round r where r.plan_id = p.plan_id and r.state = 'SUBMITTED') with_committee,"
                        + " (select min(r.due_date) from followup.status_round r where r.plan_id = p.plan_id and r.state = 'OPEN'"
                        + "   and r.due_date >= ?) next_due"
                        + " from followup.followed_plan p where p.municipality = ? order by p.from_year desc, p.title",
                rs -> new Views.PlanListing(rs.getObject("plan_id", UUID.class), rs.getString("municipality"), rs.getString("title"),
                        rs.getInt("from_year"), rs.getInt("to_year"), rs.getString("state"), Sql.instant(rs, "opened_at"),
                        Sql.instant(rs, "closed_at"), rs.getString("closed_reason"), rs.getBoolean("period_over"),
                        "OPEN".equals(rs.getString("state")) && rs.getBoolean("period_over"), rs.getInt("open_rounds"),
                        rs.getInt("overdue_rounds"), rs.getInt("with_committee"), rs.getObject("next_due", LocalDate.class)),
                today, today, today, municipality);
    }

    Optional<Views.Task> task(UUID taskId) {
        return sql.queryOne(TASK + " where t.id = ?", this::task, taskId);
    }

    List<Views.Task> tasksOfRound(UUID roundId) {
        return sql.query(TASK + " where t.round_id = ?" + TASK_ORDER, this::task, roundId);
    }

    List<Views.Task> tasksOfPlan(UUID planId) {
        return sql.query(TASK + " where t.plan_id = ?" + TASK_ORDER, this::task, planId);
    }

    private Views.Task task(ResultSet rs) throws SQLException {
        Target target = documents.readTarget(rs.getString("target"));
        TargetRule rule = new TargetRule(target);
        List<SuccessCriterion.Baseline> baselines = documents.readBaselines(rs.getString("baselines"));
        Double prevValue = (Double) rs.getObject("prev_value");
        Double prevComparison = (Double) rs.getObject("prev_comparison");
        if (prevValue == null) {
            // No earlier round reported: the plan's own latest status figure is the reading before.
            SuccessCriterion.Baseline baseline = latestFigure(baselines, 0, rule);
            if (baseline != null) {
                prevValue = baseline.value();
                prevComparison = FollowUpQueries.comparisonIn(baseline, rule);
            }
        }
        Object ivValue = rs.getObject("iv_value");
        Views.Prefill prefill = ivValue == null ? null : new Views.Prefill(((Number) ivValue).doubleValue(),
                (Double) rs.getObject("iv_national"), rs.getObject("iv_measured_on", LocalDate.class), rs.getInt("iv_line"),
                rs.getString("iv_by"));
        String evaluation = rs.getString("evaluation");
        List<Views.TargetStatus> targets = targets(rs, target, rule, prevValue, prevComparison, baselines);
        String description = targets.size() == 1 ? rule.describe() : TargetWording.describe(targets.stream()
                .map(t -> new CriterionTarget(t.target(), t.indicator(), null)).toList());
        return new Views.Task(rs.getObject("id", UUID.class), rs.getObject("round_id", UUID.class), rs.getObject("plan_id", UUID.class),
                rs.getString("municipality"), rs.getString("plan_title"), rs.getString("round_label"), rs.getString("round_state"),
                rs.getObject("due_date", LocalDate.class), rs.getInt("goal_number"), rs.getString("goal_label"), rs.getString("goal_title"),
                rs.getInt("criterion_number"), rs.getString("code"), rs.getString("criterion_text"), rs.getString("target_group"),
                rs.getString("indicator"), rs.getString("criterion_source"), deadline(rs), target,
                description, rule.comparisonLabel(), rs.getString("owner"), rs.getString("state"), rs.getInt("version"),
                (Double) rs.getObject("value"), (Double) rs.getObject("comparison_value"), rs.getObject("measured_on", LocalDate.class),
                rs.getString("data_source"), rs.getString("comment"), evaluation == null ? null : Evaluation.valueOf(evaluation),
                rs.getString("reported_by"), Sql.instant(rs, "reported_at"), prefill, prevValue, prevComparison, rs.getBoolean("interim"), baselines,
                targets);
    }

    /**
     * The criterion's targets with their readings in the task: its one target with the task's values, or each of its
     * several with its own reading, deadline and reading before (an earlier round's, else the plan's latest status figure
     * for that target, {@link SuccessCriterion.Baseline#measures}).
     */
    private List<Views.TargetStatus> targets(ResultSet rs, Target first, TargetRule rule, Double prevValue, Double prevComparison,
            List<SuccessCriterion.Baseline> baselines) throws SQLException {
        String evaluation = rs.getString("evaluation");
        List<CriterionTarget> several = documents.readTargets(rs.getString("targets"));
        if (several.isEmpty()) {
            return List.of(new Views.TargetStatus(0, first, rule.describe(), rs.getString("indicator"), deadline(rs),
                    rule.comparisonLabel(), rs.getBoolean("interim"), (Double) rs.getObject("value"), (Double) rs.getObject("comparison_value"),
                    evaluation == null ? null : Evaluation.valueOf(evaluation), prevValue, prevComparison, null, null));
        }
        List<Map<String, Object>> readings = json.list(rs.getString("target_readings"));
        List<Map<String, Object>> imported = json.list(rs.getString("iv_targets"));
        List<Map<String, Object>> before = json.list(rs.getString("prev_readings"));
        LocalDate due = rs.getObject("due_date", LocalDate.class);
        LocalDate periodEnds = LocalDate.of(rs.getInt("to_year"), 12, 31);
        List<Views.TargetStatus> targets = new ArrayList<>();
        for (int i = 0; i < several.size(); i++) {
            CriterionTarget t = several.get(i);
            TargetRule own = new TargetRule(t.target());
            PlanDate deadline = t.deadline();
            Map<String, Object> reading = i < readings.size() ? readings.get(i) : Map.of();
            Map<String, Object> earlier = i < before.size() ? before.get(i) : Map.of();
            Double earlierValue = number(earlier.get("value"));
            Double earlierComparison = number(earlier.get("comparisonValue"));
            if (earlierValue == null && i == 0) {
                earlierValue = prevValue;
                earlierComparison = prevComparison;
            } else if (earlierValue == null) {
                SuccessCriterion.Baseline figure = latestFigure(baselines, i, own);
                if (figure != null) {
                    earlierValue = figure.value();
                    earlierComparison = FollowUpQueries.comparisonIn(figure, own);
                }
            }
            Object judged = reading.get("evaluation");
            int index = i;
            Map<String, Object> fromCsv = imported.stream().filter(v -> number(v.get("index")).intValue() == index).findFirst()
                    .orElse(Map.of());
            targets.add(new Views.TargetStatus(i, t.target(), TargetWording.describe(t.target()), t.indicator(), deadline,
                    own.comparisonLabel(), due.isBefore(deadline == null ? periodEnds : deadline.asDay()), number(reading.get("value")),
                    number(reading.get("comparisonValue")), judged == null ? null : Evaluation.valueOf(judged.toString()),
                    earlierValue, earlierComparison, number(fromCsv.get("value")), number(fromCsv.get("nationalValue"))));
        }
        return targets;
    }

    /** The plan's latest status figure with a value for the target at {@code index} under {@code rule}, or null. */
    static SuccessCriterion.Baseline latestFigure(List<SuccessCriterion.Baseline> baselines, int index, TargetRule rule) {
        return baselines.stream().filter(b -> figureFor(b, index, rule)).reduce((a, b) -> b).orElse(null);
    }

    /**
     * Whether a status figure gives the target at {@code index} a value to start from: it measures that target, has a
     * value, and its unit fits the target's kind ({@link TargetRule#fits}).
     */
    static boolean figureFor(SuccessCriterion.Baseline figure, int index, TargetRule rule) {
        return figure.value() != null && figure.measures(index) && rule.fits(figure);
    }

    /**
     * The criterion's deadline as the plan writes it: a day, or a month (kept as written since V8); a criterion opened
     * before that has only the day the rules use.
     */
    private static PlanDate deadline(ResultSet rs) throws SQLException {
        String written = rs.getString("deadline_written");
        return written != null ? PlanDate.parse(written) : PlanDate.of(rs.getObject("deadline", LocalDate.class));
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static Views.Round round(ResultSet rs) throws SQLException {
        return new Views.Round(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class), rs.getInt("number"),
                rs.getString("kind"), rs.getInt("year"), rs.getString("label"), rs.getObject("due_date", LocalDate.class),
                rs.getString("owner"), rs.getString("state"), Sql.instant(rs, "opened_at"), rs.getInt("tasks"), rs.getInt("reported"),
                rs.getObject("report_id", UUID.class), Sql.instant(rs, "submitted_at"), Sql.instant(rs, "noted_at"),
                rs.getString("closed_reason"), rs.getString("closed_by"), Sql.instant(rs, "closed_at"));
    }
}
