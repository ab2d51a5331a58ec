package dk.beskplan.followup.application;

import dk.beskplan.followup.FollowUpModule;
import dk.beskplan.platform.mail.Mail;
import dk.beskplan.platform.mail.MailedPlan;
import dk.beskplan.platform.persistence.Sql;
import dk.beskplan.platform.security.UserAccounts;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A manager hears when goals are given to them: all of a plan's goals when follow-up opens with them as the
 * municipality's default manager, or one goal when an official or manager makes them responsible for it. Queued in
 * the transaction that records the assignment; the cause (the plan's opening, the assignment's id) keeps it to one mail.
 */
@Singleton
class ManagerMail {
    private static final Logger LOG = LoggerFactory.getLogger(ManagerMail.class);

    private final Mail mail;
    private final UserAccounts users;
    private final Sql sql;

    ManagerMail(Mail mail, UserAccounts users, Sql sql) {
        this.mail = mail;
        this.users = users;
        this.sql = sql;
    }

    /** Follow-up opened with {@code manager} responsible for every goal of the plan. */
    void followUpOpened(MailedPlan plan, String manager, @Nullable LocalDate firstDue) {
        UserAccounts.User user = addressable(manager, "the opening of " + plan.planId());
        if (user == null) {
            return;
        }
        String municipality = users.municipalityName(plan.municipality());
        String subject = mail.text("mail.opened.subject", plan.title(), municipality, plan.period());
        String due = firstDue == null ? "" : mail.text("mail.firstDue", StatusReports.DAY.format(firstDue));
        String body = mail.text("mail.opened.body", user.displayName(), plan.title(), municipality, plan.period(),
                goals(plan.planId(), null), due, mail.link("/followup/planer/" + plan.planId()), mail.link("/followup/opgaver"));
        mail.queue(FollowUpModule.MODULE, user.email(), subject, body, "opened:" + plan.planId());
    }

    /** {@code manager} was made responsible for one goal by {@code assignedBy}. */
    void goalGiven(MailedPlan plan, Views.Goal goal, String manager, String assignedBy, UUID assignmentId) {
        UserAccounts.User user = addressable(manager, "assignment " + assignmentId);
        if (user == null) {
            return;
        }
        String municipality = users.municipalityName(plan.municipality());
        String subject = mail.text("mail.assigned.subject", goal.label(), goal.title(), plan.title(), municipality, plan.period());
        LocalDate nextDue = sql.queryOne("select min(due_date) from followup.status_round where plan_id = ? and state = 'OPEN'",
                rs -> rs.getObject(1, LocalDate.class), plan.planId()).orElse(null);
        String due = nextDue == null ? "" : mail.text("mail.nextDue", StatusReports.DAY.format(nextDue));
        String body = mail.text("mail.assigned.body", user.displayName(),
                users.find(assignedBy).map(UserAccounts.User::displayName).orElse(assignedBy), plan.title(), municipality,
                plan.period(), goals(plan.planId(), goal.number()), due, mail.link("/followup/planer/" + plan.planId()),
                mail.link("/followup/opgaver"));
        mail.queue(FollowUpModule.MODULE, user.email(), subject, body, "assigned:" + assignmentId);
    }

    /** "- Lokalt mål 1: Flere i job" with its success criteria below it; every goal, or only {@code onlyGoal}. */
    private String goals(UUID planId, @Nullable Integer onlyGoal) {
        record Line(int goal, String label, String title, String criterion) {
        }
        List<Line> lines = sql.query("select g.number, g.label, g.title, coalesce(c.code || ': ', '') || c.text"
                        + " from followup.goal g join followup.criterion c on c.plan_id = g.plan_id and c.goal_number = g.number"
                        + " where g.plan_id = ? and (cast(? as integer) is null or g.number = ?) order by g.number, c.number",
                rs -> new Line(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)), planId, onlyGoal, onlyGoal);
        StringBuilder text = new StringBuilder();
        int current = -1;
        for (Line line : lines) {
            if (line.goal() != current) {
                current = line.goal();
                text.append("\n- ").append(line.label()).append(": ").append(line.title()).append('\n');
            }
            text.append("    · ").append(line.criterion()).append('\n');
        }
        return text.toString();
    }

    private UserAccounts.User addressable(String username, String what) {
        UserAccounts.User user = users.find(username).orElse(null);
        if (user == null || user.email() == null || user.email().isBlank()) {
            LOG.warn("Manager {} has no e-mail address: not told of {}", username, what);
            return null;
        }
        return user;
    }
}
