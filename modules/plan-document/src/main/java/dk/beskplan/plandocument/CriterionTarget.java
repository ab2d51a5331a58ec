package dk.beskplan.plandocument;

/**
 * One of a success criterion's targets (docs/plan-document.md, "Several targets"): the structured {@link Target}, and,
 * where the plan sets several targets on one criterion, what this one measures ({@code indicator}, e.g. "Personer i
 * jobrotation") and its own deadline. Both may be null: the criterion's indicator and deadline then apply. The data
 * source, target group and status figures stay the criterion's.
 */
public record CriterionTarget(Target target, String indicator, PlanDate deadline) {

    public CriterionTarget {
        target = target == null ? new Target.Narrative() : target;
    }

    /** A target with nothing of its own beside it: the criterion's indicator and deadline apply. */
    public static CriterionTarget of(Target target) {
        return new CriterionTarget(target, null, null);
    }

    /** Whether it carries nothing but its target (so a criterion with this one target is written the old way). */
    public boolean plain() {
        return (indicator == null || indicator.isBlank()) && deadline == null;
    }

    /** This target with another one in its place; its indicator and deadline stay. */
    public CriterionTarget with(Target newTarget) {
        return new CriterionTarget(newTarget, indicator, deadline);
    }
}
