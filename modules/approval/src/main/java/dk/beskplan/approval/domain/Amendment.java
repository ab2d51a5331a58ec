package dk.beskplan.approval.domain;

/**
 * One change the committee made to a named part of the plan text it was given: replace the text of a goal (its
 * title), an objective, an initiative or a success criterion; add one; or remove one. {@code goal} is the 1-based
 * position of the goal, {@code item} the 1-based position of the objective, initiative or criterion within it (null
 * for a goal, and for an addition, which comes last). {@code text} is the new text (null when a part is removed).
 */
public record Amendment(Operation operation, Part part, int goal, Integer item, String text) {

    /** What happens to the part. */
    public enum Operation { REPLACE, ADD, REMOVE }

    /** Which part of the plan. */
    public enum Part { GOAL, OBJECTIVE, INITIATIVE, CRITERION }
}
