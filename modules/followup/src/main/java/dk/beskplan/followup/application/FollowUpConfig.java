package dk.beskplan.followup.application;

import dk.beskplan.followup.domain.ReminderPolicy;
import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * {@code beskplan.followup.*}: when reminders go (days before the due date; the due day always reminds), when an
 * overdue round is escalated, and how often the reminder scheduler looks. Due dates, the mid-year round and the
 * escalation contact are set per municipality (follow-up settings). Dates are Danish ({@link Reporting#ZONE}), not a
 * setting: a municipality's deadlines are its own days.
 */
@ConfigurationProperties("beskplan.followup")
public class FollowUpConfig {
    private List<Integer> reminderDaysBefore = List.of(14, 3);
    private int escalateAfterDays = 1;
    private boolean schedulerEnabled = true;
    private Duration schedulerInterval = Duration.ofMinutes(5);

    public ReminderPolicy policy() {
        return new ReminderPolicy(reminderDaysBefore, escalateAfterDays);
    }

    public List<Integer> getReminderDaysBefore() { return reminderDaysBefore; }
    public void setReminderDaysBefore(List<Integer> reminderDaysBefore) { this.reminderDaysBefore = reminderDaysBefore; }
    public int getEscalateAfterDays() { return escalateAfterDays; }
    public void setEscalateAfterDays(int escalateAfterDays) { this.escalateAfterDays = escalateAfterDays; }
    public boolean isSchedulerEnabled() { return schedulerEnabled; }
    public void setSchedulerEnabled(boolean schedulerEnabled) { this.schedulerEnabled = schedulerEnabled; }
    public Duration getSchedulerInterval() { return schedulerInterval; }
    public void setSchedulerInterval(Duration schedulerInterval) { this.schedulerInterval = schedulerInterval; }
}
