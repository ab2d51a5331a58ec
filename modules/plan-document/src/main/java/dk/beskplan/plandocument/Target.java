package dk.beskplan.plandocument;

/**
 * The structured target of a success criterion: a small closed set of kinds (docs/domain.md, "What a success
 * criterion can say"; docs/plan-document.md, "Target kinds"). This is data only, as the politicians approved it: follow-up owns
 * the rule that judges a reading against it, and {@link TargetWording} says it in Danish.
 */
public sealed interface Target {

    /**
     * The document's name of the kind: the record's name in capitals, its words joined by "_" (e.g. {@code SHARE},
     * {@code NATIONAL_AVERAGE}, {@code CHANGE_FROM_BASELINE}).
     */
    default String kind() {
        String name = getClass().getSimpleName();
        StringBuilder kind = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (i > 0 && Character.isUpperCase(ch)) {
                kind.append('_');
            }
            kind.append(Character.toUpperCase(ch));
        }
        return kind.toString();
    }

    /** At least / at most. */
    enum Comparator { AT_LEAST, AT_MOST }

    /** Which way is better for the measured value. */
    enum BetterWhen { HIGHER, LOWER }

    /** Against an average. */
    enum Relation { AT_LEVEL, ABOVE, BELOW }

    /** An absolute share: "75 pct. af adspurgte borgere erklærer sig enige". */
    record Share(Comparator comparator, double percent) implements Target {
    }

    /** Relative to the national average: "på niveau med", "under", "N procentpoint over". */
    record NationalAverage(Relation relation, double percentagePoints, BetterWhen betterWhen) implements Target {
    }

    /** Relative to a regional average ({@code region} may be null), optionally "closer to it than last time". */
    record RegionalAverage(Relation relation, double percentagePoints, BetterWhen betterWhen, String region,
                           boolean closerThanLastTime) implements Target {
    }

    /** An absolute count: at least N, at most N, "brought down to N". */
    record Count(Comparator comparator, double count) implements Target {
    }

    /**
     * A trend: more than, fewer than — against the previous period, the rolling year, or one fixed year the plan names
     * ("skal stige i forhold til 2023": {@code FIXED_YEAR} with {@code referenceYear} 2023, and the value of that year
     * in {@code referenceValue} when the plan prints it). {@code referenceYear} is set exactly when
     * {@code comparedTo} is {@code FIXED_YEAR}.
     */
    record Trend(Direction direction, ComparedTo comparedTo, Integer referenceYear, Double referenceValue) implements Target {
        /** Up or down. */
        public enum Direction { INCREASE, DECREASE }

        /** What the value is compared with. */
        public enum ComparedTo { PREVIOUS_PERIOD, ROLLING_YEAR, FIXED_YEAR }

        /** Against the previous period or the rolling year. */
        public Trend(Direction direction, ComparedTo comparedTo) {
            this(direction, comparedTo, null, null);
        }
    }

    /** A rank among all municipalities: among the best X %, or the X % with the largest improvement. */
    record Rank(Scope scope, double topPercent) implements Target {
        /** Ranked by level or by improvement. */
        public enum Scope { LEVEL, IMPROVEMENT }
    }

    /** From a baseline value at a date to a target value at a later date ("halved from A to B"); dates may be null. */
    record ChangeFromBaseline(double baselineValue, PlanDate baselineDate, double targetValue, PlanDate targetDate,
                              BetterWhen betterWhen) implements Target {
    }

    /** No number: "jobcentret følger udviklingen"; status is narrative only. */
    record Narrative() implements Target {
    }
}
