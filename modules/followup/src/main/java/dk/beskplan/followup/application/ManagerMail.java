package dk.beskplan.followup.application;

import dk.beskplan.followup.FollowUpModule;
import dk.beskplan.platform.mail.Mail;
import dk.beskplan.platform.mail.MailedPlan;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.text.DanishFormats;
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
    private final RoundRepository rounds;
    private final FollowedPlanRepository plans;

    ManagerMail(Mail mail, UserAccounts users, RoundRepository rounds, FollowedPlanRepository plans) {
        this.mail = mail;
        this.users = users;
        this.rounds = rounds;
        this.plans = plans;
    }

    /** Follow-up opened with {@code manager} responsible for every goal of the plan. */
    void followUpOpened(MailedPlan plan, String manager, @Nullable LocalDate firstDue) {
        UserAccounts.User user = addressable(manager, "the opening of " + plan.planId());
        if (user == null) {
            return;
        }
        String municipality = users.municipalityName(plan.municipality());
        String subject = mail.text("mail.opened.subject", plan.title(), municipality, plan.period());
        String due = firstDue == null ? "" : mail.text("mail.firstDue", DanishFormats.date(firstDue));
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
        LocalDate nextDue = rounds.nextOpenDue(plan.planId()).orElse(null);
        String due = nextDue == null ? "" : mail.text("mail.nextDue", DanishFormats.date(nextDue));
        String body = mail.text("mail.assigned.body", user.displayName(),
                users.find(assignedBy).map(UserAccounts.User::displayName).orElse(assignedBy), plan.title(), municipality,
                plan.period(), goals(plan.planId(), goal.number()), due, mail.link("/followup/planer/" + plan.planId()),
                mail.link("/followup/opgaver"));
        mail.queue(FollowUpModule.MODULE, user.email(), subject, body, "assigned:" + assignmentId);
    }

    /** "- Lokalt mål 1: Flere i job" with its success criteria below it; every goal, or only {@code onlyGoal}. */
    private String goals(UUID planId, @Nullable Integer onlyGoal) {
        List<FollowedPlanRepository.GoalLine> lines = plans.goalLines(planId, onlyGoal);
        StringBuilder text = new StringBuilder();
        int current = -1;
        for (FollowedPlanRepository.GoalLine line : lines) {
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
