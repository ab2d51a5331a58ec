package dk.beskplan.followup.application;

import dk.beskplan.followup.domain.Evaluation;
import dk.beskplan.followup.domain.Target;
import dk.beskplan.platform.persistence.Sql;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.web.NotFound;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads follow-up's state, always within the user's municipality: another municipality's plan is "not found".
 */
@Singleton
public class FollowUpQueries {
    private static final String PLAN = "select plan_id, municipality, title, from_year, to_year, state, opened_at, closed_at"
            + " from followup.followed_plan";
    private static final String ROUND = "select r.id, r.plan_id, r.number, r.kind, r.year, r.label, r.due_date, r.owner, r.state,"
            + " r.opened_at, r.submitted_at, r.noted_at, r.closed_reason, r.closed_by, r.closed_at, (select count(*) from followup.status_task t where t.round_id = r.id) tasks,"
            + " (select count(*) from followup.status_task t where t.round_id = r.id and t.state = 'REPORTED') reported,"
            + " (select s.id from followup.status_report s where s.round_id = r.id) report_id from followup.status_round r";
    /** A task with its round, plan, goal and criterion, the imported value, and the reading before it. */
    private static final String TASK = "select t.*, r.label round_label, r.state round_state, r.due_date, p.title plan_title,"
            + " p.municipality, g.label goal_label, g.title goal_title, c.code, c.text criterion_text, c.target_group, c.indicator,"
            + " c.data_source criterion_source, c.deadline, c.target::text target, c.baselines::text baselines,"
            + " r.due_date < coalesce(c.deadline, make_date(p.to_year, 12, 31)) interim,"
            + " iv.value iv_value, iv.national_value iv_national, iv.measured_on iv_measured_on, iv.source_line iv_line, iv.imported_by iv_by,"
            + " prev.value prev_value, prev.comparison_value prev_comparison"
            + " from followup.status_task t join followup.status_round r on r.id = t.round_id"
            + " join followup.followed_plan p on p.plan_id = t.plan_id"
            + " join followup.goal g on g.plan_id = t.plan_id and g.number = t.goal_number"
            + " join followup.criterion c on c.plan_id = t.plan_id and c.goal_number = t.goal_number and c.number = t.criterion_number"
            + " left join followup.indicator_value iv on iv.task_id = t.id"
            + " left join lateral (select pt.value, pt.comparison_value from followup.status_task pt"
            + "   join followup.status_round pr on pr.id = pt.round_id where pt.plan_id = t.plan_id and pt.goal_number = t.goal_number"
            + "   and pt.criterion_number = t.criterion_number and pr.number < r.number and pt.state = 'REPORTED' and pt.value is not null"
            + "   order by pr.number desc limit 1) prev on true";
    private static final String TASK_ORDER = " order by r.number, t.goal_number, t.criterion_number";

    private final Sql sql;
    private final JsonColumns json;
    private final UserAccounts users;

    FollowUpQueries(Sql sql, JsonColumns json, UserAccounts users) {
        this.sql = sql;
        this.json = json;
        this.users = users;
    }

    @Transactional
    public List<Views.Plan> plans(CurrentUser user) {
        return sql.query(PLAN + " where municipality = ? order by from_year desc, title", FollowUpQueries::plan,
                user.municipality() == null ? "" : user.municipality());
    }

    /** The plan, if the user may see it; otherwise "not found". */
    @Transactional
    public Views.Plan plan(UUID planId, CurrentUser user) {
        return sql.queryOne(PLAN + " where plan_id = ?", FollowUpQueries::plan, planId)
                .filter(p -> user.canSee(p.municipality()))
                .orElseThrow(() -> new NotFound("Planen er ikke i opfølgning"));
    }

    @Transactional
    public List<Views.Round> rounds(UUID planId, CurrentUser user) {
        plan(planId, user);
        return sql.query(ROUND + " where r.plan_id = ? order by r.number", FollowUpQueries::round, planId);
    }

    @Transactional
    public Views.Round round(UUID planId, UUID roundId, CurrentUser user) {
        plan(planId, user);
        return sql.queryOne(ROUND + " where r.plan_id = ? and r.id = ?", FollowUpQueries::round, planId, roundId)
                .orElseThrow(() -> new NotFound("Statusrunden findes ikke"));
    }

    Optional<Views.Round> round(UUID roundId) {
        return sql.queryOne(ROUND + " where r.id = ?", FollowUpQueries::round, roundId);
    }

    @Transactional
    public List<Views.Goal> goals(UUID planId, CurrentUser user) {
        plan(planId, user);
        return goals(planId);
    }

    List<Views.Goal> goals(UUID planId) {
        return sql.query("select g.number, g.label, g.title, (select a.manager from followup.goal_assignment a where a.plan_id = g.plan_id"
                        + " and a.goal_number = g.number order by a.assigned_at desc, a.id limit 1) manager from followup.goal g"
                        + " where g.plan_id = ? order by g.number",
                rs -> {
                    String manager = rs.getString("manager");
                    return new Views.Goal(rs.getInt("number"), rs.getString("label"), rs.getString("title"), manager,
                            manager == null ? null : users.find(manager).map(UserAccounts.User::displayName).orElse(manager));
                }, planId);
    }

    /**
     * The user's missing reports, soonest due first, so overdue rounds come first: in open rounds, and in rounds whose
     * report went to the committee with them marked missing (they can still be reported, late). A round past its due
     * date stays here however late the plan was approved, until it is reported, noted or closed as not followed up.
     */
    @Transactional
    public List<Views.Task> openTasks(CurrentUser user) {
        return sql.query(TASK + " where t.owner = ? and t.state = 'OPEN' and r.state in ('OPEN', 'SUBMITTED') and p.state = 'OPEN'"
                        + " order by r.due_date, p.title, t.goal_number, t.criterion_number",
                this::task, user.username());
    }

    /** The user's tasks already reported in rounds not yet submitted (they can still be corrected). */
    @Transactional
    public List<Views.Task> reportedTasks(CurrentUser user) {
        return sql.query(TASK + " where t.owner = ? and t.state = 'REPORTED' and r.state = 'OPEN' and p.state = 'OPEN'"
                + " order by r.due_date, p.title, t.goal_number, t.criterion_number", this::task, user.username());
    }

    /**
     * Rounds gone by in which the user answers for criteria (report sent, noted, or closed as not followed up), newest
     * first, each with the user's own tasks in it: where earlier reports are found again.
     */
    @Transactional
    public List<Views.PastRound> pastRounds(CurrentUser user) {
        Map<UUID, List<Views.Task>> mine = new LinkedHashMap<>();
        sql.query(TASK + " where t.owner = ? and r.state <> 'OPEN' and p.municipality = ?"
                        + " order by r.due_date desc, p.title, r.id, t.goal_number, t.criterion_number", this::task,
                user.username(), user.municipality() == null ? "" : user.municipality())
                .forEach(t -> mine.computeIfAbsent(t.roundId(), k -> new ArrayList<>()).add(t));
        List<Views.PastRound> past = new ArrayList<>();
        mine.forEach((roundId, tasks) -> round(roundId).ifPresent(r -> past.add(new Views.PastRound(r, tasks.get(0).planTitle(), tasks))));
        return past;
    }

    /** The municipality's plans in follow-up, newest period first, with what each still waits for on {@code today}. */
    @Transactional
    public List<Views.PlanListing> listing(CurrentUser user, LocalDate today) {
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
                today, today, today, user.municipality() == null ? "" : user.municipality());
    }

    @Transactional
    public Views.Task task(UUID taskId, CurrentUser user) {
        return task(taskId).filter(t -> user.canSee(t.municipality())).orElseThrow(() -> new NotFound("Opgaven findes ikke"));
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

    /** Goals with their criteria, each with its task in every round. */
    @Transactional
    public Views.Overview overview(UUID planId, CurrentUser user) {
        Views.Plan plan = plan(planId, user);
        return overview(plan);
    }

    Views.Overview overview(Views.Plan plan) {
        List<Views.Round> rounds = sql.query(ROUND + " where r.plan_id = ? order by r.number", FollowUpQueries::round, plan.planId());
        Map<String, List<Views.Task>> byCriterion = new LinkedHashMap<>();
        for (Views.Task task : tasksOfPlan(plan.planId())) {
            byCriterion.computeIfAbsent(task.goalNumber() + "/" + task.criterionNumber(), k -> new ArrayList<>()).add(task);
        }
        List<Views.GoalStatus> goals = new ArrayList<>();
        for (Views.Goal goal : goals(plan.planId())) {
            List<Views.CriterionStatus> criteria = new ArrayList<>();
            byCriterion.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(goal.number() + "/"))
                    .sorted(java.util.Comparator.comparingInt(e -> Integer.parseInt(e.getKey().substring(e.getKey().indexOf('/') + 1))))
                    .forEach(e -> {
                        Views.Task first = e.getValue().get(0);
                        criteria.add(new Views.CriterionStatus(first.criterionNumber(), first.name(), first.criterionText(),
                                first.targetDescription(), e.getValue(), cells(rounds, e.getValue())));
                    });
            goals.add(new Views.GoalStatus(goal, criteria));
        }
        return new Views.Overview(plan, rounds, goals);
    }

    /** A cell per round: the criterion's task in it, or after its target's deadline the last reading carried over. */
    static List<Views.Cell> cells(List<Views.Round> rounds, List<Views.Task> tasks) {
        List<Views.Cell> cells = new ArrayList<>();
        Views.Task last = null;
        for (Views.Round round : rounds) {
            Views.Task task = tasks.stream().filter(t -> t.roundId().equals(round.id())).findFirst().orElse(null);
            if (task != null && "REPORTED".equals(task.state())) {
                last = task;
            }
            cells.add(new Views.Cell(round.id(), round.label(), task, task == null ? last : null));
        }
        return cells;
    }

    private Views.Task task(ResultSet rs) throws SQLException {
        Map<String, Object> target = json.map(rs.getString("target"));
        Target rule = Target.fromDocument(target);
        String comparisonLabel = rule instanceof Target.RegionalAverage r ? "Gennemsnit for " + r.region() : rule.comparison().label();
        List<Map<String, Object>> baselines = json.list(rs.getString("baselines"));
        Double prevValue = (Double) rs.getObject("prev_value");
        Double prevComparison = (Double) rs.getObject("prev_comparison");
        if (prevValue == null) {
            // No earlier round reported: the plan's own latest status figure is the reading before.
            Map<String, Object> baseline = baselines.stream()
                    .filter(b -> b.get("value") instanceof Number).reduce((a, b) -> b).orElse(null);
            if (baseline != null) {
                prevValue = ((Number) baseline.get("value")).doubleValue();
                Object comparison = switch (rule.comparison()) {
                    case NATIONAL -> baseline.get("nationalValue");
                    case REGIONAL -> baseline.get("regionalValue");
                    default -> null;
                };
                prevComparison = comparison instanceof Number n ? n.doubleValue() : null;
            }
        }
        Object ivValue = rs.getObject("iv_value");
        Views.Prefill prefill = ivValue == null ? null : new Views.Prefill(((Number) ivValue).doubleValue(),
                (Double) rs.getObject("iv_national"), rs.getObject("iv_measured_on", LocalDate.class), rs.getInt("iv_line"),
                rs.getString("iv_by"));
        String evaluation = rs.getString("evaluation");
        return new Views.Task(rs.getObject("id", UUID.class), rs.getObject("round_id", UUID.class), rs.getObject("plan_id", UUID.class),
                rs.getString("municipality"), rs.getString("plan_title"), rs.getString("round_label"), rs.getString("round_state"),
                rs.getObject("due_date", LocalDate.class), rs.getInt("goal_number"), rs.getString("goal_label"), rs.getString("goal_title"),
                rs.getInt("criterion_number"), rs.getString("code"), rs.getString("criterion_text"), rs.getString("target_group"),
                rs.getString("indicator"), rs.getString("criterion_source"), rs.getObject("deadline", LocalDate.class), target,
                rule.describe(), comparisonLabel, rs.getString("owner"), rs.getString("state"), rs.getInt("version"),
                (Double) rs.getObject("value"), (Double) rs.getObject("comparison_value"), rs.getObject("measured_on", LocalDate.class),
                rs.getString("data_source"), rs.getString("comment"), evaluation == null ? null : Evaluation.valueOf(evaluation),
                rs.getString("reported_by"), Sql.instant(rs, "reported_at"), prefill, prevValue, prevComparison, rs.getBoolean("interim"), baselines);
    }

    private static Views.Plan plan(ResultSet rs) throws SQLException {
        return new Views.Plan(rs.getObject("plan_id", UUID.class), rs.getString("municipality"), rs.getString("title"),
                rs.getInt("from_year"), rs.getInt("to_year"), rs.getString("state"), Sql.instant(rs, "opened_at"), Sql.instant(rs, "closed_at"));
    }

    private static Views.Round round(ResultSet rs) throws SQLException {
        return new Views.Round(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class), rs.getInt("number"),
                rs.getString("kind"), rs.getInt("year"), rs.getString("label"), rs.getObject("due_date", LocalDate.class),
                rs.getString("owner"), rs.getString("state"), Sql.instant(rs, "opened_at"), rs.getInt("tasks"), rs.getInt("reported"),
                rs.getObject("report_id", UUID.class), Sql.instant(rs, "submitted_at"), Sql.instant(rs, "noted_at"),
                rs.getString("closed_reason"), rs.getString("closed_by"), Sql.instant(rs, "closed_at"));
    }
}
