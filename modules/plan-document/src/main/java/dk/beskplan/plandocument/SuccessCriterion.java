package dk.beskplan.plandocument;

import java.util.List;

/**
 * A measurable target as the politicians approved it: the verbatim text, what is counted and where the
 * figures come from, and the structured {@link Target} that lets the system evaluate a reported value.
 * {@code continuesAfterDeadline}: the plan says the criterion is followed up after its deadline too (otherwise
 * follow-up asks for status on it in the rounds up to its deadline only).
 */
public record SuccessCriterion(String code, String text, String targetGroup, String indicator, String dataSource,
                               String updateFrequency, PlanDate deadline, List<Baseline> baselines, Target target,
                               boolean continuesAfterDeadline) {

    public SuccessCriterion {
        baselines = List.copyOf(baselines);
    }

    /** This criterion with another text; its target, indicator and figures stay. */
    public SuccessCriterion withText(String newText) {
        return new SuccessCriterion(code, newText, targetGroup, indicator, dataSource, updateFrequency, deadline, baselines,
                target, continuesAfterDeadline);
    }

    /**
     * This criterion measured another way, as a committee amended it; a null argument keeps what it had. The plan's
     * status figures stay whatever the new target: they describe where the municipality started.
     */
    public SuccessCriterion measuredBy(Target newTarget, PlanDate newDeadline, String newIndicator, String newDataSource) {
        return new SuccessCriterion(code, text, targetGroup, blank(newIndicator) ? indicator : newIndicator,
                blank(newDataSource) ? dataSource : newDataSource, updateFrequency, newDeadline == null ? deadline : newDeadline,
                baselines, newTarget == null ? target : newTarget, continuesAfterDeadline);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A criterion with a text only and nothing to measure, as a committee adds one. */
    public static SuccessCriterion narrative(String text) {
        return new SuccessCriterion(null, text, null, null, null, null, null, List.of(), new Target.Narrative(), false);
    }

    /** A status figure the plan gives, e.g. Frederikssund's "Status august 2022". */
    public record Baseline(String label, PlanDate date, Double value, Double nationalValue, Double regionalValue,
                           Unit unit, String text) {
    }

    /** What a value is counted in. */
    public enum Unit { PERCENT, COUNT, OTHER }
}
