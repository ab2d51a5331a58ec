package dk.beskplan.drafting.domain;

import java.time.LocalDate;

/**
 * The structured target of a success criterion: a small closed set of kinds (DOMAIN.md, "What a success
 * criterion can say"), each with one evaluation rule. Follow-up evaluates reported values with these.
 */
public sealed interface Target {

    /** The wire name of the kind. */
    String kind();

    /** Whether a reported value meets the target; {@link Evaluation#NO_DATA} when a needed value is missing. */
    Evaluation evaluate(Report report);

    /** The outcome of an evaluation. */
    enum Evaluation { MET, NOT_MET, NO_DATA, NARRATIVE }

    /** At least / at most. */
    enum Comparator { AT_LEAST, AT_MOST }

    /** Which way is better for the measured value. */
    enum BetterWhen { HIGHER, LOWER }

    /** Against an average. */
    enum Relation { AT_LEVEL, ABOVE, BELOW }

    /**
     * What a manager reports for a criterion: the measured value and, where the kind needs them, the
     * comparison value (national or regional), the previous value, or the rank percentile.
     */
    record Report(Double value, Double comparisonValue, Double previousValue, Double previousComparisonValue,
                  Double rankPercentile) {
        public static Report of(Double value, Double comparisonValue) {
            return new Report(value, comparisonValue, null, null, null);
        }
    }

    /** Tolerance for "på niveau med": half a percentage point. */
    double AT_LEVEL_TOLERANCE = 0.5;

    /** An absolute share: "75 pct. af adspurgte borgere erklærer sig enige". */
    record Share(Comparator comparator, double percent) implements Target {
        public String kind() {
            return "SHARE";
        }

        public Evaluation evaluate(Report r) {
            if (r.value() == null) {
                return Evaluation.NO_DATA;
            }
            return compare(r.value(), comparator, percent);
        }
    }

    /** Relative to the national average: "på niveau med", "under", "N procentpoint over". */
    record NationalAverage(Relation relation, double percentagePoints, BetterWhen betterWhen) implements Target {
        public String kind() {
            return "NATIONAL_AVERAGE";
        }

        public Evaluation evaluate(Report r) {
            return relative(r.value(), r.comparisonValue(), relation, percentagePoints, betterWhen);
        }
    }

    /** Relative to a regional average, optionally "closer to it than last time". */
    record RegionalAverage(Relation relation, double percentagePoints, BetterWhen betterWhen, String region,
                           boolean closerThanLastTime) implements Target {
        public String kind() {
            return "REGIONAL_AVERAGE";
        }

        public Evaluation evaluate(Report r) {
            if (closerThanLastTime) {
                if (r.value() == null || r.comparisonValue() == null || r.previousValue() == null || r.previousComparisonValue() == null) {
                    return Evaluation.NO_DATA;
                }
                double now = Math.abs(r.value() - r.comparisonValue());
                double before = Math.abs(r.previousValue() - r.previousComparisonValue());
                // Already at or better than the region counts as met too.
                Evaluation level = relative(r.value(), r.comparisonValue(), relation, percentagePoints, betterWhen);
                return now < before || level == Evaluation.MET ? Evaluation.MET : Evaluation.NOT_MET;
            }
            return relative(r.value(), r.comparisonValue(), relation, percentagePoints, betterWhen);
        }
    }

    /** An absolute count: at least N, at most N, "brought down to N". */
    record Count(Comparator comparator, double count) implements Target {
        public String kind() {
            return "COUNT";
        }

        public Evaluation evaluate(Report r) {
            return r.value() == null ? Evaluation.NO_DATA : compare(r.value(), comparator, count);
        }
    }

    /** A trend against the previous period or the rolling year: more than, fewer than. */
    record Trend(Direction direction, ComparedTo comparedTo) implements Target {
        /** Up or down. */
        public enum Direction { INCREASE, DECREASE }

        /** What the value is compared with. */
        public enum ComparedTo { PREVIOUS_PERIOD, ROLLING_YEAR }

        public String kind() {
            return "TREND";
        }

        public Evaluation evaluate(Report r) {
            if (r.value() == null || r.previousValue() == null) {
                return Evaluation.NO_DATA;
            }
            boolean met = direction == Direction.INCREASE ? r.value() > r.previousValue() : r.value() < r.previousValue();
            return met ? Evaluation.MET : Evaluation.NOT_MET;
        }
    }

    /** A rank among all municipalities: among the best X %, or the X % with the largest improvement. */
    record Rank(Scope scope, double topPercent) implements Target {
        /** Ranked by level or by improvement. */
        public enum Scope { LEVEL, IMPROVEMENT }

        public String kind() {
            return "RANK";
        }

        /** The reported rank percentile: 0 is the very best municipality, 100 the last. */
        public Evaluation evaluate(Report r) {
            if (r.rankPercentile() == null) {
                return Evaluation.NO_DATA;
            }
            return r.rankPercentile() <= topPercent ? Evaluation.MET : Evaluation.NOT_MET;
        }
    }

    /** From a baseline value at a date to a target value at a later date ("halved from A to B"). */
    record ChangeFromBaseline(double baselineValue, LocalDate baselineDate, double targetValue, LocalDate targetDate,
                              BetterWhen betterWhen) implements Target {
        public String kind() {
            return "CHANGE_FROM_BASELINE";
        }

        public Evaluation evaluate(Report r) {
            if (r.value() == null) {
                return Evaluation.NO_DATA;
            }
            return compare(r.value(), betterWhen == BetterWhen.LOWER ? Comparator.AT_MOST : Comparator.AT_LEAST, targetValue);
        }
    }

    /** No number: "jobcentret følger udviklingen"; status is narrative only. */
    record Narrative() implements Target {
        public String kind() {
            return "NARRATIVE";
        }

        public Evaluation evaluate(Report r) {
            return Evaluation.NARRATIVE;
        }
    }

    private static Evaluation compare(double value, Comparator comparator, double limit) {
        boolean met = comparator == Comparator.AT_LEAST ? value >= limit : value <= limit;
        return met ? Evaluation.MET : Evaluation.NOT_MET;
    }

    private static Evaluation relative(Double value, Double average, Relation relation, double pp, BetterWhen betterWhen) {
        if (value == null || average == null) {
            return Evaluation.NO_DATA;
        }
        boolean met = switch (relation) {
            case AT_LEVEL -> betterWhen == BetterWhen.HIGHER ? value >= average - AT_LEVEL_TOLERANCE : value <= average + AT_LEVEL_TOLERANCE;
            case ABOVE -> value >= average + pp;
            case BELOW -> value <= average - pp;
        };
        return met ? Evaluation.MET : Evaluation.NOT_MET;
    }
}
