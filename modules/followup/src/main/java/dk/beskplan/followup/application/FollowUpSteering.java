package dk.beskplan.followup.application;

import dk.beskplan.followup.domain.ReportingSchedule;
import dk.beskplan.followup.domain.TargetPeriod;
import dk.beskplan.platform.mail.MailedPlan;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.web.Conflict;
import dk.beskplan.platform.web.InvalidInput;
import dk.beskplan.platform.web.NotFound;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Steering a plan's follow-up while it runs: who answers for each goal, a mid-year round added after the plan opened,
 * and a round's due date moved. Apart from {@link Reporting} (giving status and importing values) because it changes
 * the plan's goals and rounds rather than the tasks' answers.
 */
@Singleton
public class FollowUpSteering {
    private final RoundRepository rounds;
    private final TaskRepository tasks;
    private final FollowedPlanRepository plans;
    private final FollowUpQueries queries;
    private final Settings settings;
    private final ManagerMail mail;
    private final Clock clock;

    FollowUpSteering(RoundRepository rounds, TaskRepository tasks, FollowedPlanRepository plans, FollowUpQueries queries, Settings settings, ManagerMail mail, Clock clock) {
        this.rounds = rounds;
        this.tasks = tasks;
        this.plans = plans;
        this.queries = queries;
        this.settings = settings;
        this.mail = mail;
        this.clock = clock;
    }

    /** Makes {@code manager} responsible for the goal; the goal's tasks in open rounds move to them. */
    @Transactional
    public Views.Goal assign(UUID planId, int goalNumber, @Nullable String manager, CurrentUser user) {
        Views.Plan plan = queries.openPlan(planId, user);
        Views.Goal goal = queries.goals(planId).stream().filter(g -> g.number() == goalNumber).findFirst()
                .orElseThrow(() -> new NotFound("Planen har ikke mål " + goalNumber));
        // An official gives any goal to a manager; a manager only gives away a goal they answer for (a manager takes a
        // goal over only when an official or its current manager gives it).
        if (!(user.hasRole(Roles.OFFICIAL) && user.municipality() != null) && !user.username().equals(goal.manager())) {
            throw Reporting.forbidden("Kun en embedsmand eller målets ansvarlige leder (" + (goal.managerName() == null ? "ingen" : goal.managerName())
                    + ") kan give »" + goal.label() + "« til en anden leder.");
        }
        String name = Settings.blankToNull(manager);
        if (name == null) {
            throw InvalidInput.field("manager", "vælg den leder, der skal være ansvarlig");
        }
        if (!settings.isManager(name, plan.municipality())) {
            throw InvalidInput.field("manager", "»" + name + "« er ikke leder i kommunen");
        }
        if (name.equals(goal.manager())) {
            return goal;
        }
        UUID assignment = UUID.randomUUID();
        rounds.assignGoal(assignment, planId, goalNumber, name, user.username(), clock.instant());
        tasks.giveOpenTasks(planId, goalNumber, name);
        if (!name.equals(user.username())) { // a manager taking a goal over knows it already
            mail.goalGiven(new MailedPlan(planId, plan.title(), plan.municipality(), plan.fromYear(), plan.toYear()), goal,
                    name, user.username(), assignment);
        }
        return queries.goals(planId).stream().filter(g -> g.number() == goalNumber).findFirst().orElseThrow();
    }

    /**
     * Adds a mid-year round to a plan already in follow-up (the municipality decided on it after the plan opened): a
     * task per criterion, owned by the goals' current managers, due before that year's annual round.
     */
    @Transactional
    public Views.Round addMidYearRound(UUID planId, @Nullable Integer year, @Nullable LocalDate dueDate, CurrentUser user) {
        Views.Plan plan = queries.openPlan(planId, user);
        if (year == null || year < plan.fromYear() || year > plan.toYear()) {
            throw InvalidInput.field("year", "skal være et år i planperioden " + plan.period());
        }
        List<Views.Round> planRounds = queries.rounds(planId, user);
        if (planRounds.stream().anyMatch(r -> r.year() == year && "MID_YEAR".equals(r.kind()))) {
            throw new Conflict("Planen har allerede en halvårsstatus for " + year);
        }
        Views.Round annual = planRounds.stream().filter(r -> r.year() == year && "ANNUAL".equals(r.kind())).findFirst()
                .orElseThrow(() -> new Conflict("Planen har ingen årlig status for " + year));
        if (!"OPEN".equals(annual.state())) {
            throw new Conflict("Statusrapporten for " + annual.label() + " er allerede sendt til udvalget");
        }
        LocalDate today = LocalDate.now(clock.withZone(Reporting.ZONE));
        if (dueDate == null || dueDate.getYear() != year || !dueDate.isBefore(annual.dueDate()) || dueDate.isBefore(today)) {
            throw InvalidInput.field("dueDate", "skal være en dato i " + year + " før fristen for " + annual.label()
                    + " (" + annual.dueDate() + ") og ikke før i dag");
        }
        UUID roundId = UUID.randomUUID();
        Instant now = clock.instant();
        String label = new ReportingSchedule.PlannedRound(0, ReportingSchedule.Kind.MID_YEAR, year, dueDate).label();
        rounds.insert(roundId, planId, -1, dueDate, null, now, ReportingSchedule.Kind.MID_YEAR.name(), year, label);
        List<LocalDate> dues = new ArrayList<>(planRounds.stream().map(Views.Round::dueDate).toList());
        dues.add(dueDate);
        List<Object[]> newTasks = new ArrayList<>();
        for (FollowedPlanRepository.CriterionOwner c : plans.criteriaWithManagers(planId)) {
            TargetPeriod period = new TargetPeriod(c.deadline(), c.continuesAfterDeadline());
            if (period.followedIn(dueDate, dues)) {
                newTasks.add(new Object[]{UUID.randomUUID(), roundId, planId, c.goal(), c.number(), c.manager()});
            }
        }
        tasks.insert(newTasks);
        // Rounds are numbered in due-date order: make room, then number them again.
        rounds.renumber(planId);
        return queries.round(planId, roundId, user);
    }

    /** Moves an open round's due date (e.g. when the data comes late); reminders start afresh for the new date. */
    @Transactional
    public Views.Round moveDueDate(UUID planId, UUID roundId, @Nullable LocalDate dueDate, CurrentUser user) {
        Views.Round round = queries.round(planId, roundId, user);
        if (!"OPEN".equals(round.state())) {
            throw new Conflict("Statusrapporten for " + round.label() + " er sendt til udvalget");
        }
        if (dueDate == null) {
            throw InvalidInput.field("dueDate", "skal være en dato som 2025-12-31");
        }
        for (Views.Round other : queries.rounds(planId, user)) {
            if (other.number() < round.number() && !dueDate.isAfter(other.dueDate())) {
                throw InvalidInput.field("dueDate", "skal ligge efter fristen for " + other.label() + " (" + other.dueDate() + ")");
            }
            if (other.number() > round.number() && !dueDate.isBefore(other.dueDate())) {
                throw InvalidInput.field("dueDate", "skal ligge før fristen for " + other.label() + " (" + other.dueDate() + ")");
            }
        }
        rounds.moveDueDate(roundId, dueDate, user.username());
        return queries.round(planId, roundId, user);
    }
}
