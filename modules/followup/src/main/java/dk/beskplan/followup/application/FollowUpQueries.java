package dk.beskplan.followup.application;

import dk.beskplan.followup.domain.TargetRule;
import dk.beskplan.plandocument.SuccessCriterion;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.web.Conflict;
import dk.beskplan.platform.web.NotFound;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads follow-up's state, always within the user's municipality: another municipality's plan is "not found".
 * <p>
 * The read side: its public methods are the read use cases the web layer calls (each its own transaction, each
 * checking the user's municipality) and they assemble the views (evaluations, overviews); the SQL is in
 * {@link FollowUpReadRepository} and {@link FollowedPlanRepository}.
 */
@Singleton
public class FollowUpQueries {
    private final FollowUpReadRepository reads;
    private final FollowedPlanRepository plans;
    private final UserAccounts users;

    FollowUpQueries(FollowUpReadRepository reads, FollowedPlanRepository plans, UserAccounts users) {
        this.reads = reads;
        this.plans = plans;
        this.users = users;
    }

    @Transactional
    public List<Views.Plan> plans(CurrentUser user) {
        return plans.inMunicipality(user.municipality() == null ? "" : user.municipality());
    }

    /** The plan, if the user may see it; otherwise "not found". */
    @Transactional
    public Views.Plan plan(UUID planId, CurrentUser user) {
        return plans.find(planId)
                .filter(p -> user.canSee(p.municipality()))
                .orElseThrow(() -> new NotFound("Planen er ikke i opfølgning"));
    }

    /** The plan, if the user may see it, still in follow-up: a closed follow-up is changed no more (409). */
    @Transactional
    public Views.Plan openPlan(UUID planId, CurrentUser user) {
        Views.Plan plan = plan(planId, user);
        if (!"OPEN".equals(plan.state())) {
            throw new Conflict("Opfølgningen på planen er afsluttet");
        }
        return plan;
    }

    @Transactional
    public List<Views.Round> rounds(UUID planId, CurrentUser user) {
        plan(planId, user);
        return reads.rounds(planId);
    }

    @Transactional
    public Views.Round round(UUID planId, UUID roundId, CurrentUser user) {
        plan(planId, user);
        return reads.round(planId, roundId).orElseThrow(() -> new NotFound("Statusrunden findes ikke"));
    }

    Optional<Views.Round> round(UUID roundId) {
        return reads.round(roundId);
    }

    @Transactional
    public List<Views.Goal> goals(UUID planId, CurrentUser user) {
        plan(planId, user);
        return goals(planId);
    }

    /** The plan's goals, each with its current manager and the manager's name. */
    List<Views.Goal> goals(UUID planId) {
        return reads.goals(planId).stream().map(g -> new Views.Goal(g.number(), g.label(), g.title(), g.manager(),
                g.manager() == null ? null : users.find(g.manager()).map(UserAccounts.User::displayName).orElse(g.manager())))
                .toList();
    }

    /**
     * The user's missing reports, soonest due first, so overdue rounds come first: in open rounds, and in rounds whose
     * report went to the committee with them marked missing (they can still be reported, late). A round past its due
     * date stays here however late the plan was approved, until it is reported, noted or closed as not followed up.
     */
    @Transactional
    public List<Views.Task> openTasks(CurrentUser user) {
        return reads.openTasks(user.username());
    }

    /** The user's tasks already reported in rounds not yet submitted (they can still be corrected). */
    @Transactional
    public List<Views.Task> reportedTasks(CurrentUser user) {
        return reads.reportedTasks(user.username());
    }

    /**
     * Rounds gone by in which the user answers for criteria (report sent, noted, or closed as not followed up), newest
     * first, each with the user's own tasks in it: where earlier reports are found again.
     */
    @Transactional
    public List<Views.PastRound> pastRounds(CurrentUser user) {
        Map<UUID, List<Views.Task>> mine = new LinkedHashMap<>();
        reads.pastTasks(user.username(), user.municipality() == null ? "" : user.municipality())
                .forEach(t -> mine.computeIfAbsent(t.roundId(), k -> new ArrayList<>()).add(t));
        List<Views.PastRound> past = new ArrayList<>();
        mine.forEach((roundId, tasks) -> round(roundId).ifPresent(r -> past.add(new Views.PastRound(r, tasks.get(0).planTitle(), tasks))));
        return past;
    }

    /** The municipality's plans in follow-up, newest period first, with what each still waits for on {@code today}. */
    @Transactional
    public List<Views.PlanListing> listing(CurrentUser user, LocalDate today) {
        return reads.listing(user.municipality() == null ? "" : user.municipality(), today);
    }

    @Transactional
    public Views.Task task(UUID taskId, CurrentUser user) {
        return task(taskId).filter(t -> user.canSee(t.municipality())).orElseThrow(() -> new NotFound("Opgaven findes ikke"));
    }

    Optional<Views.Task> task(UUID taskId) {
        return reads.task(taskId);
    }

    List<Views.Task> tasksOfRound(UUID roundId) {
        return reads.tasksOfRound(roundId);
    }

    List<Views.Task> tasksOfPlan(UUID planId) {
        return reads.tasksOfPlan(planId);
    }

    /** Goals with their criteria, each with its task in every round. */
    @Transactional
    public Views.Overview overview(UUID planId, CurrentUser user) {
        Views.Plan plan = plan(planId, user);
        return overview(plan);
    }

    Views.Overview overview(Views.Plan plan) {
        List<Views.Round> rounds = reads.rounds(plan.planId());
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

    /** A status figure's comparison value for the target: the national or regional one, or none. */
    static Double comparisonIn(SuccessCriterion.Baseline baseline, TargetRule rule) {
        return switch (rule.comparison()) {
            case NATIONAL -> baseline.nationalValue();
            case REGIONAL -> baseline.regionalValue();
            default -> null;
        };
    }
}
