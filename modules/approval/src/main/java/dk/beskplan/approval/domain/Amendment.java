package dk.beskplan.approval.domain;

import dk.beskplan.plandocument.Target;

import java.time.LocalDate;

/**
 * One change the committee made to a named part of the plan text it was given: replace the text of a goal (its
 * title), an objective, an initiative or a success criterion; add one; or remove one. {@code goal} is the 1-based
 * position of the goal, {@code item} the 1-based position of the objective, initiative or criterion within it (null
 * for a goal, and for an addition, which comes last). {@code text} is the new text (null when a part is removed, and
 * when a criterion keeps its words but gets a new {@code measure}).
 * <p>
 * A committee that changes a criterion's words often changes what it measures too ("at the level of the national
 * average" becomes "2 percentage points above it"): {@code measure} carries the new target, deadline, indicator and
 * data source, so follow-up evaluates what the politicians decided and not the submitted target.
 */
public record Amendment(Operation operation, Part part, int goal, Integer item, String text, Measure measure) {

    /** A change of words only: the criterion (if it is one) keeps how it is measured. */
    public Amendment(Operation operation, Part part, int goal, Integer item, String text) {
        this(operation, part, goal, item, text, null);
    }

    /** What happens to the part. */
    public enum Operation { REPLACE, ADD, REMOVE }

    /** Which part of the plan. */
    public enum Part { GOAL, OBJECTIVE, INITIATIVE, CRITERION }

    /** How an amended criterion is measured; a null field keeps what the criterion had. */
    public record Measure(Target target, LocalDate deadline, String indicator, String dataSource, Integer targetNumber) {

        /** A measure of a criterion's first (for most criteria its only) target. */
        public Measure(Target target, LocalDate deadline, String indicator, String dataSource) {
            this(target, deadline, indicator, dataSource, null);
        }

        /**
         * Which of a criterion's several targets the new target, deadline and indicator are for, from 1 in the plan's
         * order (null: the first); the criterion's other targets stay as submitted.
         */
        public int targetIndex() {
            return targetNumber == null ? 0 : targetNumber - 1;
        }

        public boolean isEmpty() {
            return target == null && deadline == null && blank(indicator) && blank(dataSource);
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    /** True when this amendment changes how a criterion is measured. */
    public boolean changesMeasure() {
        return measure != null && !measure.isEmpty();
    }
}
