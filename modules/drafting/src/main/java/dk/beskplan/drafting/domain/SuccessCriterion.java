package dk.beskplan.drafting.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * A measurable target as the politicians approved it: the verbatim text, what is counted and where the
 * figures come from, and the structured {@link Target} that lets the system evaluate a reported value.
 * {@code continuesAfterDeadline}: the plan says the criterion is followed up after its deadline too (otherwise
 * follow-up asks for status on it in the rounds up to its deadline only).
 */
public record SuccessCriterion(String code, String text, String targetGroup, String indicator, String dataSource,
                               String updateFrequency, LocalDate deadline, List<Baseline> baselines, Target target,
                               boolean continuesAfterDeadline) {

    public SuccessCriterion {
        baselines = List.copyOf(baselines);
    }

    /** A status figure the plan gives, e.g. Frederikssund's "Status august 2022". */
    public record Baseline(String label, LocalDate date, Double value, Double nationalValue, Double regionalValue,
                           Unit unit, String text) {
    }

    /** What a value is counted in. */
    public enum Unit { PERCENT, COUNT, OTHER }
}
