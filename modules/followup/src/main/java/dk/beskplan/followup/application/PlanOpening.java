package dk.beskplan.followup.application;

import dk.beskplan.contracts.drafting.PlanApproved;
import dk.beskplan.contracts.followup.FollowUpOpened;
import dk.beskplan.followup.FollowUpModule;
import dk.beskplan.followup.domain.ReportingSchedule;
import dk.beskplan.platform.messaging.Envelope;
import dk.beskplan.platform.messaging.MessageContext;
import dk.beskplan.platform.messaging.MessageHandler;
import dk.beskplan.platform.outbox.Outbox;
import dk.beskplan.platform.mail.MailedPlan;
import dk.beskplan.platform.persistence.Sql;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.security.UserAccounts;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Opens follow-up when a plan is finally approved (the message "drafting.plan-approved" carries the approved document):
 * the plan's goals and success criteria as approved, the municipality's default manager on every goal, and the
 * reporting schedule: one annual round per plan year (and a mid-year round where the municipality has one), each
 * with one status task per success criterion owned by the goal's manager.
 */
@Singleton
public class PlanOpening implements MessageHandler<PlanApproved> {
    /** Plan-level success criteria ("overordnede succeskriterier") are kept as goal 0, owned by the default manager. */
    static final int OVERALL = 0;

    private final Sql sql;
    private final Outbox outbox;
    private final UserAccounts users;
    private final Settings settings;
    private final JsonColumns json;
    private final ManagerMail mail;
    private final java.time.Clock clock;

    PlanOpening(Sql sql, Outbox outbox, UserAccounts users, Settings settings, JsonColumns json, ManagerMail mail,
                java.time.Clock clock) {
        this.sql = sql;
        this.outbox = outbox;
        this.users = users;
        this.settings = settings;
        this.json = json;
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
        int fresh = sql.update("insert into followup.followed_plan (plan_id, municipality, title, from_year, to_year,"
                        + " approved_revision, opened_at, document, content_hash) values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)"
                        + " on conflict do nothing",
                approved.planId(), municipality, approved.title(), approved.fromYear(), approved.toYear(),
                approved.approvedRevision(), now, json.write(approved.document()), approved.contentHash());
        if (fresh == 0) {
            return; // follow-up already opened for this plan
        }
        Settings.View municipalitySettings = settings.of(municipality);
        String defaultManager = municipalitySettings.defaultManager() != null ? municipalitySettings.defaultManager()
                : users.withRole(municipality, Roles.MANAGER).stream().map(UserAccounts.User::username).findFirst().orElse(null);
        String actor = "system:" + module();

        List<int[]> criteria = new ArrayList<>(); // (goal, criterion)
        List<Object[]> criterionRows = new ArrayList<>();
        List<Goal> goals = goals(approved.document());
        for (Goal goal : goals) {
            sql.update("insert into followup.goal (plan_id, number, label, title) values (?, ?, ?, ?)",
                    approved.planId(), goal.number(), goal.label(), goal.title());
            if (defaultManager != null) {
                sql.update("insert into followup.goal_assignment (id, plan_id, goal_number, manager, assigned_by, assigned_at)"
                        + " values (?, ?, ?, ?, ?, ?)", UUID.randomUUID(), approved.planId(), goal.number(), defaultManager, actor, now);
            }
            int n = 0;
            for (Map<String, Object> c : goal.criteria()) {
                n++;
                criterionRows.add(new Object[]{approved.planId(), goal.number(), n, c.get("code"), String.valueOf(c.getOrDefault("text", "")),
                        c.get("targetGroup"), c.get("indicator"), c.get("dataSource"), date(c.get("deadline")),
                        json.write(c.getOrDefault("target", Map.of("kind", "NARRATIVE"))), json.write(c.getOrDefault("baselines", List.of()))});
                criteria.add(new int[]{goal.number(), n});
            }
        }
        // A plan has tens of criteria and a task for each per round: one round trip per table, not per row.
        sql.batch("insert into followup.criterion (plan_id, goal_number, number, code, text, target_group, indicator,"
                + " data_source, deadline, target, baselines) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)", criterionRows);

        UUID firstRound = null;
        LocalDate firstDue = null;
        for (ReportingSchedule.PlannedRound round : municipalitySettings.schedule().rounds(approved.fromYear(), approved.toYear())) {
            UUID roundId = UUID.randomUUID();
            sql.update("insert into followup.status_round (id, plan_id, number, due_date, owner, state, opened_at, kind, year, label)"
                            + " values (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?)", roundId, approved.planId(), round.number(), round.dueDate(),
                    defaultManager, now, round.kind().name(), round.year(), round.label());
            List<Object[]> tasks = new ArrayList<>();
            for (int[] c : criteria) {
                tasks.add(new Object[]{UUID.randomUUID(), roundId, approved.planId(), c[0], c[1], defaultManager});
            }
            sql.batch("insert into followup.status_task (id, round_id, plan_id, goal_number, criterion_number, owner)"
                    + " values (?, ?, ?, ?, ?, ?)", tasks);
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

    record Goal(int number, String label, String title, List<Map<String, Object>> criteria) {
    }

    /** The document's goals numbered from 1, with the plan-level criteria as goal 0 when there are any. */
    @SuppressWarnings("unchecked")
    static List<Goal> goals(Map<String, Object> document) {
        List<Goal> goals = new ArrayList<>();
        List<Map<String, Object>> overall = (List<Map<String, Object>>) document.getOrDefault("overallSuccessCriteria", List.of());
        if (overall != null && !overall.isEmpty()) {
            goals.add(new Goal(OVERALL, "Overordnet", "Overordnede succeskriterier", overall));
        }
        List<Map<String, Object>> listed = (List<Map<String, Object>>) document.getOrDefault("goals", List.of());
        int number = 0;
        for (Map<String, Object> g : listed == null ? List.<Map<String, Object>>of() : listed) {
            number++;
            Map<String, Object> goal = new HashMap<>(g);
            List<Map<String, Object>> criteria = (List<Map<String, Object>>) goal.getOrDefault("successCriteria", List.of());
            goals.add(new Goal(number, String.valueOf(goal.getOrDefault("label", "Mål " + number)),
                    String.valueOf(goal.getOrDefault("title", "")), criteria == null ? List.of() : criteria));
        }
        return goals;
    }

    private static LocalDate date(Object value) {
        try {
            return value == null ? null : LocalDate.parse(value.toString());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
