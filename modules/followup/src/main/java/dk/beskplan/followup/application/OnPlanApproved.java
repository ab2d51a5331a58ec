package dk.beskplan.followup.application;

import dk.beskplan.contracts.drafting.PlanApproved;
import dk.beskplan.contracts.followup.FollowUpOpened;
import dk.beskplan.followup.FollowUpModule;
import dk.beskplan.followup.domain.ReportingSchedule;
import dk.beskplan.followup.domain.TargetPeriod;
import dk.beskplan.plandocument.CriterionTarget;
import dk.beskplan.plandocument.PlanDate;
import dk.beskplan.plandocument.PlanDocument;
import dk.beskplan.plandocument.SuccessCriterion;
import dk.beskplan.platform.messaging.Envelope;
import dk.beskplan.platform.messaging.MessageContext;
import dk.beskplan.platform.messaging.MessageHandler;
import dk.beskplan.platform.outbox.Outbox;
import dk.beskplan.platform.mail.MailedPlan;
import dk.beskplan.platform.persistence.PlanDocumentColumns;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.security.UserAccounts;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Opens follow-up when a plan is finally approved (the message "drafting.plan-approved" carries the approved document):
 * the plan's goals and success criteria as approved, the municipality's default manager on every goal, and the
 * reporting schedule: one annual round per plan year (and a mid-year round where the municipality has one), each
 * with one status task per success criterion owned by the goal's manager, in the rounds its target is followed up in
 * ({@link TargetPeriod}). Rounds already due when the plan opens are opened all the same: they are overdue at once.
 */
@Singleton
public class OnPlanApproved implements MessageHandler<PlanApproved> {
    /** Plan-level success criteria ("overordnede succeskriterier") are kept as goal 0, owned by the default manager. */
    static final int OVERALL = 0;

    private final FollowedPlanRepository plans;
    private final RoundRepository rounds;
    private final TaskRepository tasks;
    private final Outbox outbox;
    private final UserAccounts users;
    private final Settings settings;
    private final PlanDocumentColumns documents;
    private final ManagerMail mail;
    private final java.time.Clock clock;

    OnPlanApproved(FollowedPlanRepository plans, RoundRepository rounds, TaskRepository tasks, Outbox outbox, UserAccounts users, Settings settings, PlanDocumentColumns documents, ManagerMail mail,
                java.time.Clock clock) {
        this.plans = plans;
        this.rounds = rounds;
        this.tasks = tasks;
        this.outbox = outbox;
        this.users = users;
        this.settings = settings;
        this.documents = documents;
        this.mail = mail;
        this.clock = clock;
    }

    @Override
    public String module() {
        return FollowUpModule.MODULE.name();
    }

    @Override
    public Class<PlanApproved> messageType() {
        return PlanApproved.class;
    }

    @Override
    public void handle(PlanApproved approved, Envelope envelope) {
        Instant now = clock.instant();
        String municipality = envelope.municipality();
        boolean fresh = plans.open(approved.planId(), municipality, approved.title(), approved.fromYear(), approved.toYear(),
                approved.approvedRevision(), now, documents.write(approved.document()), approved.contentHash());
        if (!fresh) {
            return; // follow-up already opened for this plan
        }
        Settings.View municipalitySettings = settings.of(municipality);
        String defaultManager = municipalitySettings.defaultManager() != null ? municipalitySettings.defaultManager()
                : users.withRole(municipality, Roles.MANAGER).stream().map(UserAccounts.User::username).findFirst().orElse(null);
        String actor = "system:" + module();

        List<OpenedCriterion> criteria = new ArrayList<>();
        List<Object[]> criterionRows = new ArrayList<>();
        List<Goal> goals = goals(approved.document());
        for (Goal goal : goals) {
            plans.insertGoal(approved.planId(), goal.number(), goal.label(), goal.title());
            if (defaultManager != null) {
                rounds.assignGoal(UUID.randomUUID(), approved.planId(), goal.number(), defaultManager, actor, now);
            }
            int n = 0;
            for (SuccessCriterion c : goal.criteria()) {
                n++;
                // Several targets are followed up to the last of their deadlines, each kept with its own deadline.
                PlanDate last = c.lastDeadline();
                TargetPeriod period = new TargetPeriod(last == null ? null : last.asDay(), c.continuesAfterDeadline());
                String several = c.severalTargets() ? documents.writeTargets(c.targets().stream()
                        .map(t -> new CriterionTarget(t.target(), c.indicatorOf(t), c.deadlineOf(t))).toList()) : null;
                criterionRows.add(new Object[]{approved.planId(), goal.number(), n, c.code(), c.text(), c.targetGroup(),
                        c.indicator(), c.dataSource(), period.deadline(), documents.writeTarget(c.target()),
                        documents.writeBaselines(c.baselines()), period.continuesAfterDeadline(), several,
                        last == null ? null : last.toString()});
                criteria.add(new OpenedCriterion(goal.number(), n, period));
            }
        }
        // A plan has tens of criteria and a task for each per round: one round trip per table, not per row.
        plans.insertCriteria(criterionRows);

        UUID firstRound = null;
        LocalDate firstDue = null;
        List<ReportingSchedule.PlannedRound> planned = municipalitySettings.schedule().rounds(approved.fromYear(), approved.toYear());
        List<LocalDate> dues = planned.stream().map(ReportingSchedule.PlannedRound::dueDate).toList();
        for (ReportingSchedule.PlannedRound round : planned) {
            UUID roundId = UUID.randomUUID();
            rounds.insert(roundId, approved.planId(), round.number(), round.dueDate(), defaultManager, now, round.kind().name(),
                    round.year(), round.label());
            List<Object[]> roundTasks = new ArrayList<>();
            for (OpenedCriterion c : criteria) {
                if (c.period().followedIn(round.dueDate(), dues)) {
                    roundTasks.add(new Object[]{UUID.randomUUID(), roundId, approved.planId(), c.goal(), c.number(), defaultManager});
                }
            }
            tasks.insert(roundTasks);
            if (firstRound == null) {
                firstRound = roundId;
                firstDue = round.dueDate();
            }
        }
        outbox.append(FollowUpModule.MODULE, new FollowUpOpened(approved.planId(), firstRound, firstDue, defaultManager),
                MessageContext.reactingTo(envelope, module()));
        if (defaultManager != null && !goals.isEmpty()) {
            // Rounds already due when follow-up opened remind no one; neither does this mail name a passed due date.
            LocalDate today = LocalDate.now(clock.withZone(Reporting.ZONE));
            mail.followUpOpened(new MailedPlan(approved.planId(), approved.title(), municipality, approved.fromYear(),
                    approved.toYear()), defaultManager, firstDue != null && !firstDue.isBefore(today) ? firstDue : null);
        }
    }

    /** A goal as follow-up numbers it, with its criteria as approved. */
    record Goal(int number, String label, String title, List<SuccessCriterion> criteria) {
    }

    /** A criterion as opened: which goal, its number, and the rounds its target is followed up in. */
    private record OpenedCriterion(int goal, int number, TargetPeriod period) {
    }

    /** The document's goals numbered from 1, with the plan-level criteria as goal 0 when there are any. */
    static List<Goal> goals(PlanDocument document) {
        List<Goal> goals = new ArrayList<>();
        if (!document.overallSuccessCriteria().isEmpty()) {
            goals.add(new Goal(OVERALL, "Overordnet", "Overordnede succeskriterier", document.overallSuccessCriteria()));
        }
        int number = 0;
        for (dk.beskplan.plandocument.Goal goal : document.goals()) {
            number++;
            goals.add(new Goal(number, goal.label() == null ? "Mål " + number : goal.label(), goal.title(), goal.successCriteria()));
        }
        return goals;
    }
}
