package dk.beskplan.plandocument;

import java.util.List;

/**
 * A measurable target as the politicians approved it: the verbatim text, what is counted and where the
 * figures come from, and the structured {@link Target}s that let the system evaluate reported values: one, or several
 * where the plan sets several ("mindst 120 personer i jobrotation; desuden 40 borgere i fleksjob"), each a
 * {@link CriterionTarget} that may name its own indicator and deadline.
 * {@code continuesAfterDeadline}: the plan says the criterion is followed up after its deadline too (otherwise
 * follow-up asks for status on it in the rounds up to its deadline only).
 */
public record SuccessCriterion(String code, String text, String targetGroup, String indicator, String dataSource,
                               String updateFrequency, PlanDate deadline, List<Baseline> baselines, List<CriterionTarget> targets,
                               boolean continuesAfterDeadline) {

    /** Targets one criterion may set. */
    public static final int MAX_TARGETS = 10;

    public SuccessCriterion {
        baselines = List.copyOf(baselines);
        targets = targets == null || targets.isEmpty() ? List.of(CriterionTarget.of(new Target.Narrative())) : List.copyOf(targets);
    }

    /** A criterion with one target, as most plans set. */
    public SuccessCriterion(String code, String text, String targetGroup, String indicator, String dataSource,
                            String updateFrequency, PlanDate deadline, List<Baseline> baselines, Target target,
                            boolean continuesAfterDeadline) {
        this(code, text, targetGroup, indicator, dataSource, updateFrequency, deadline, baselines,
                List.of(CriterionTarget.of(target)), continuesAfterDeadline);
    }

    /** The first target: the criterion's only one, or the first of several (the others are in {@link #targets()}). */
    public Target target() {
        return targets.get(0).target();
    }

    /** Whether the plan sets several targets on it. */
    public boolean severalTargets() {
        return targets.size() > 1;
    }

    /** The deadline of one of its targets: the target's own, else the criterion's. */
    public PlanDate deadlineOf(CriterionTarget t) {
        return t.deadline() != null ? t.deadline() : deadline;
    }

    /** The latest of its targets' deadlines (what follow-up asks up to); null when one of them has none. */
    public PlanDate lastDeadline() {
        PlanDate last = null;
        for (CriterionTarget t : targets) {
            PlanDate d = deadlineOf(t);
            if (d == null) {
                return null;
            }
            last = last == null || d.compareTo(last) > 0 ? d : last;
        }
        return last;
    }

    /** What one of its targets measures: the target's own indicator, else the criterion's. */
    public String indicatorOf(CriterionTarget t) {
        return t.indicator() != null && !t.indicator().isBlank() ? t.indicator() : indicator;
    }

    /** This criterion with other targets; its text, indicator and figures stay. */
    public SuccessCriterion withTargets(List<CriterionTarget> newTargets) {
        return new SuccessCriterion(code, text, targetGroup, indicator, dataSource, updateFrequency, deadline, baselines,
                newTargets, continuesAfterDeadline);
    }

    /** This criterion with another text; its target, indicator and figures stay. */
    public SuccessCriterion withText(String newText) {
        return new SuccessCriterion(code, newText, targetGroup, indicator, dataSource, updateFrequency, deadline, baselines,
                targets, continuesAfterDeadline);
    }

    /**
     * This criterion measured another way, as a committee amended it; a null argument keeps what it had. A new target
     * replaces the first one (its only one, for most criteria); the others stay. The plan's status figures stay whatever
     * the new target: they describe where the municipality started.
     */
    public SuccessCriterion measuredBy(Target newTarget, PlanDate newDeadline, String newIndicator, String newDataSource) {
        return measuredBy(0, newTarget, newDeadline, newIndicator, newDataSource);
    }

    /**
     * As {@link #measuredBy(Target, PlanDate, String, String)}, with the new target in place of the target at
     * {@code targetIndex} (0 is the first); the other targets stay as approved. On a criterion with several targets a new
     * deadline or indicator is that target's own.
     */
    public SuccessCriterion measuredBy(int targetIndex, Target newTarget, PlanDate newDeadline, String newIndicator, String newDataSource) {
        if (targetIndex < 0 || targetIndex >= targets.size()) {
            throw new IndexOutOfBoundsException("criterion has " + targets.size() + " target(s); no target " + targetIndex);
        }
        List<CriterionTarget> amended = new java.util.ArrayList<>(targets);
        CriterionTarget was = targets.get(targetIndex);
        if (severalTargets()) {
            // With several targets, a new deadline or indicator is the amended target's own; the others keep theirs.
            amended.set(targetIndex, new CriterionTarget(newTarget == null ? was.target() : newTarget,
                    blank(newIndicator) ? was.indicator() : newIndicator, newDeadline == null ? was.deadline() : newDeadline));
            return new SuccessCriterion(code, text, targetGroup, indicator, blank(newDataSource) ? dataSource : newDataSource,
                    updateFrequency, deadline, baselines, amended, continuesAfterDeadline);
        }
        if (newTarget != null) {
            amended.set(targetIndex, was.with(newTarget));
        }
        return new SuccessCriterion(code, text, targetGroup, blank(newIndicator) ? indicator : newIndicator,
                blank(newDataSource) ? dataSource : newDataSource, updateFrequency, newDeadline == null ? deadline : newDeadline,
                baselines, amended, continuesAfterDeadline);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A criterion with a text only and nothing to measure, as a committee adds one. */
    public static SuccessCriterion narrative(String text) {
        return new SuccessCriterion(null, text, null, null, null, null, null, List.of(), new Target.Narrative(), false);
    }

    /**
     * A status figure the plan gives, e.g. Frederikssund's "Status august 2022". {@code targetNumber} says which of the
     * criterion's several targets it measures (1 for the first); null means the criterion's only or first target.
     */
    public record Baseline(String label, PlanDate date, Double value, Double nationalValue, Double regionalValue,
                           Unit unit, String text, Integer targetNumber) {

        public Baseline(String label, PlanDate date, Double value, Double nationalValue, Double regionalValue, Unit unit, String text) {
            this(label, date, value, nationalValue, regionalValue, unit, text, null);
        }

        /** Whether this figure measures the criterion's target at {@code index} (0 for the first). */
        public boolean measures(int index) {
            return targetNumber == null ? index == 0 : targetNumber == index + 1;
        }

        public Baseline withDate(PlanDate newDate) {
            return new Baseline(label, newDate, value, nationalValue, regionalValue, unit, text, targetNumber);
        }
    }

    /** What a value is counted in. */
    public enum Unit { PERCENT, COUNT, OTHER }
}
