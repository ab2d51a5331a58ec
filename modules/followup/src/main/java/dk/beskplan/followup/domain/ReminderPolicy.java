package dk.beskplan.followup.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * When a manager is reminded of a status round, and when it is escalated: reminders the configured number of days
 * before the due date (default 14 and 3) and on the day itself, then escalation to the escalation contact once the
 * round is overdue with tasks still missing.
 * <p>
 * On a given day only the latest stage reached counts. A scheduler that was down on the 14-day date and comes back
 * 2 days before the due date sends the 3-day reminder, not both: one reminder says everything the other would.
 *
 * @param daysBefore        offsets before the due date, in days (e.g. 14 and 3); the due day itself always reminds
 * @param escalateAfterDays days after the due date before escalation (1: the day after)
 */
public record ReminderPolicy(List<Integer> daysBefore, int escalateAfterDays) {
    public static final ReminderPolicy DEFAULT = new ReminderPolicy(List.of(14, 3), 1);

    public ReminderPolicy {
        if (daysBefore.stream().anyMatch(d -> d == null || d <= 0)) {
            throw new IllegalArgumentException("reminder offsets are days before the due date, > 0: " + daysBefore);
        }
        if (escalateAfterDays < 1) {
            throw new IllegalArgumentException("escalation comes after the due date: " + escalateAfterDays);
        }
        daysBefore = daysBefore.stream().distinct().sorted().toList();
    }

    /** A reminder stage; {@code key} is what the database records and claims once per recipient. */
    public sealed interface Stage {
        String key();

        /** Reminds the task owners. */
        record Before(int days) implements Stage {
            public String key() { return "BEFORE_" + days; }
        }

        record DueDay() implements Stage {
            public String key() { return "DUE_DAY"; }
        }

        /** Goes to the escalation contact. */
        record Escalation() implements Stage {
            public String key() { return "ESCALATION"; }
        }

        /** Sent with the escalation to each manager whose reports are still missing: the round is overdue. */
        record Overdue() implements Stage {
            public String key() { return "OVERDUE"; }
        }
    }

    /** The latest stage reached on {@code today} for a round due on {@code due}; empty before the first offset. */
    public Optional<Stage> stage(LocalDate due, LocalDate today) {
        if (!today.isBefore(due.plusDays(escalateAfterDays))) {
            return Optional.of(new Stage.Escalation());
        }
        if (!today.isBefore(due)) {
            return Optional.of(new Stage.DueDay());
        }
        // The smallest offset already reached is the latest stage (offsets are sorted ascending).
        for (int days : daysBefore) {
            if (!today.isBefore(due.minusDays(days))) {
                return Optional.of(new Stage.Before(days));
            }
        }
        return Optional.empty();
    }
}
