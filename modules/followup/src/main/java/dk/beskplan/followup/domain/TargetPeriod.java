package dk.beskplan.followup.domain;

import java.time.LocalDate;
import java.util.Collection;

/**
 * Which status rounds follow up a success criterion. A target that ends (its deadline) is followed up in the rounds up
 * to that deadline: every round due before it, and the first round due on or after it, which reads the final result.
 * Later rounds carry its last reading instead of asking for a new one. A criterion without a deadline, or one the plan
 * says continues after it, is followed up in every round.
 *
 * @param deadline              the target's deadline, or null
 * @param continuesAfterDeadline the plan says the criterion is followed up after its deadline too
 */
public record TargetPeriod(LocalDate deadline, boolean continuesAfterDeadline) {

    /** The due date of the last round that follows the criterion up, or null when every round does. */
    public LocalDate lastRoundDue(Collection<LocalDate> roundDues) {
        if (deadline == null || continuesAfterDeadline) {
            return null;
        }
        return roundDues.stream().filter(due -> !due.isBefore(deadline)).min(LocalDate::compareTo).orElse(null);
    }

    /** Whether the round due on {@code roundDue}, one of the plan's rounds due on {@code roundDues}, follows it up. */
    public boolean followedIn(LocalDate roundDue, Collection<LocalDate> roundDues) {
        LocalDate last = lastRoundDue(roundDues);
        return last == null || !roundDue.isAfter(last);
    }
}
