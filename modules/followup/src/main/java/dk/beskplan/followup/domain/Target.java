package dk.beskplan.followup.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

/**
 * A success criterion's structured target, read from the approved plan document (docs/plan-document.md, "Target
 * kinds"), with follow-up's own rule for judging a reading against it. Follow-up owns this rule: it reads the
 * document's target data and never calls drafting.
 * <p>
 * Every numeric kind is judged by its <em>shortfall</em>: how far the reading is from meeting the target (zero or
 * less is met). An interim reading that is not met yet but has a smaller shortfall than the reading before it is
 * on track.
 */
public sealed interface Target {

    /** The document's name of the kind, e.g. {@code SHARE}. */
    String kind();

    /** What the reported comparison value is, if the kind needs one. */
    Comparison comparison();

    /** The rule in Danish, for the report form and the status report ("Mindst 75 %"). */
    String describe();

    Evaluation evaluate(Reading reading);

    /** The fixed number the target names (75 %, 500, the rank, the target value), for charts; null when relative. */
    default Double level() {
        return null;
    }

    /** The second number a manager reports, and what it means. */
    enum Comparison {
        NONE(null), NATIONAL("Landsgennemsnit"), REGIONAL("Regionalt gennemsnit"), PERIOD("Værdi i sammenligningsperioden");

        private final String label;

        Comparison(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** "På niveau med": half a percentage point either way (docs/plan-document.md). */
    double AT_LEVEL_TOLERANCE = 0.5;

    /** A numeric kind: judged by its shortfall, on track when the shortfall shrinks at an interim reading. */
    sealed interface Numeric extends Target {
        /** How far the reading is from the target (≤ 0: met); null when a needed value is missing. */
        Double shortfall(Double value, Double comparison);

        default Evaluation evaluate(Reading r) {
            Double now = shortfall(r.value(), r.comparisonValue());
            if (now == null) {
                return Evaluation.NO_DATA;
            }
            if (now <= 0) {
                return Evaluation.MET;
            }
            Reading before = r.previous();
            if (r.interim() && before != null) {
                Double then = shortfall(before.value(), before.comparisonValue() != null ? before.comparisonValue() : r.comparisonValue());
                if (then != null && now < then) {
                    return Evaluation.ON_TRACK;
                }
            }
            return Evaluation.NOT_MET;
        }
    }

    enum Comparator { AT_LEAST, AT_MOST }

    enum BetterWhen { HIGHER, LOWER }

    enum Relation { AT_LEVEL, ABOVE, BELOW }

    /** An absolute share: "75 pct. af adspurgte borgere erklærer sig enige". */
    record Share(Comparator comparator, double percent) implements Numeric {
        public String kind() { return "SHARE"; }
        public Comparison comparison() { return Comparison.NONE; }
        public String describe() { return (comparator == Comparator.AT_LEAST ? "Mindst " : "Højst ") + number(percent) + " %"; }
        @Override public Double level() { return percent; }
        public Double shortfall(Double value, Double comparison) {
            return value == null ? null : limit(value, comparator, percent);
        }
    }

    /** An absolute count: at least N, at most N, "brought down to N". */
    record Count(Comparator comparator, double count) implements Numeric {
        public String kind() { return "COUNT"; }
        public Comparison comparison() { return Comparison.NONE; }
        public String describe() { return (comparator == Comparator.AT_LEAST ? "Mindst " : "Højst ") + number(count); }
        @Override public Double level() { return count; }
        public Double shortfall(Double value, Double comparison) {
            return value == null ? null : limit(value, comparator, count);
        }
    }

    /** Relative to the national average: "på niveau med", "under", "N procentpoint over". */
    record NationalAverage(Relation relation, double percentagePoints, BetterWhen betterWhen) implements Numeric {
        public String kind() { return "NATIONAL_AVERAGE"; }
        public Comparison comparison() { return Comparison.NATIONAL; }
        public String describe() { return relative(relation, percentagePoints, betterWhen, "landsgennemsnittet"); }
        public Double shortfall(Double value, Double average) {
            return relativeShortfall(value, average, relation, percentagePoints, betterWhen);
        }
    }

    /**
     * Relative to a regional average; with {@code closerThanLastTime} also met when the distance to the region shrank
     * since the reading before ("tættere på gennemsnittet for Sjælland").
     */
    record RegionalAverage(Relation relation, double percentagePoints, BetterWhen betterWhen, String region,
                           boolean closerThanLastTime) implements Numeric {
        public String kind() { return "REGIONAL_AVERAGE"; }
        public Comparison comparison() { return Comparison.REGIONAL; }
        public String describe() {
            String level = relative(relation, percentagePoints, betterWhen, "gennemsnittet for " + region);
            return closerThanLastTime ? level + ", eller tættere på det end ved sidste måling" : level;
        }
        public Double shortfall(Double value, Double average) {
            return relativeShortfall(value, average, relation, percentagePoints, betterWhen);
        }
        @Override
        public Evaluation evaluate(Reading r) {
            Evaluation level = Numeric.super.evaluate(r);
            if (!closerThanLastTime || level == Evaluation.MET || level == Evaluation.NO_DATA) {
                return level;
            }
            Reading before = r.previous();
            if (before == null || before.value() == null || before.comparisonValue() == null) {
                return Evaluation.NO_DATA; // "closer than last time" needs last time
            }
            boolean closer = Math.abs(r.value() - r.comparisonValue()) < Math.abs(before.value() - before.comparisonValue());
            return closer ? Evaluation.MET : Evaluation.NOT_MET;
        }
    }

    /** A trend against the previous period or the rolling year: the comparison value is that period's value. */
    record Trend(Direction direction, ComparedTo comparedTo) implements Target {
        public enum Direction { INCREASE, DECREASE }

        public enum ComparedTo { PREVIOUS_PERIOD, ROLLING_YEAR }

        public String kind() { return "TREND"; }
        public Comparison comparison() { return Comparison.PERIOD; }
        public String describe() {
            return (direction == Direction.INCREASE ? "Flere end " : "Færre end ")
                    + (comparedTo == ComparedTo.PREVIOUS_PERIOD ? "i den foregående periode" : "året før (rullende år)");
        }
        /** Strictly more (or fewer): the same number is no increase. No "on track": a trend is judged as it is. */
        public Evaluation evaluate(Reading r) {
            Double before = r.comparisonValue() != null ? r.comparisonValue() : r.previous() == null ? null : r.previous().value();
            if (r.value() == null || before == null) {
                return Evaluation.NO_DATA;
            }
            boolean met = direction == Direction.INCREASE ? r.value() > before : r.value() < before;
            return met ? Evaluation.MET : Evaluation.NOT_MET;
        }
    }

    /** A rank among all municipalities; the reported value is the percentile (0 = the best municipality). */
    record Rank(Scope scope, double topPercent) implements Numeric {
        public enum Scope { LEVEL, IMPROVEMENT }

        public String kind() { return "RANK"; }
        @Override public Double level() { return topPercent; }
        public Comparison comparison() { return Comparison.NONE; }
        public String describe() {
            return "Blandt de " + number(topPercent) + " % af kommunerne med " + (scope == Scope.LEVEL ? "det bedste niveau" : "den største forbedring");
        }
        public Double shortfall(Double percentile, Double comparison) {
            return percentile == null ? null : percentile - topPercent;
        }
    }

    /**
     * From a baseline value at a date to a target value at a later date ("fra 20 % i marts til højst 16 %"). An interim
     * reading is on track when it is at or better than the straight line from baseline to target at its date.
     */
    record ChangeFromBaseline(double baselineValue, LocalDate baselineDate, double targetValue, LocalDate targetDate,
                              BetterWhen betterWhen) implements Numeric {
        public String kind() { return "CHANGE_FROM_BASELINE"; }
        @Override public Double level() { return targetValue; }
        public Comparison comparison() { return Comparison.NONE; }
        public String describe() {
            return "Fra " + number(baselineValue) + (baselineDate == null ? "" : " (" + MONTH.format(baselineDate) + ")")
                    + " til " + (betterWhen == BetterWhen.LOWER ? "højst " : "mindst ") + number(targetValue)
                    + (targetDate == null ? "" : " (" + MONTH.format(targetDate) + ")");
        }
        public Double shortfall(Double value, Double comparison) {
            return value == null ? null : betterWhen == BetterWhen.LOWER ? value - targetValue : targetValue - value;
        }
        @Override
        public Evaluation evaluate(Reading r) {
            Evaluation plain = Numeric.super.evaluate(r.after(null));
            if (plain != Evaluation.NOT_MET || !r.interim() || r.measuredOn() == null || baselineDate == null || targetDate == null
                    || !r.measuredOn().isBefore(targetDate) || !targetDate.isAfter(baselineDate)) {
                return plain;
            }
            double share = Math.max(0, ChronoUnit.DAYS.between(baselineDate, r.measuredOn())) / (double) ChronoUnit.DAYS.between(baselineDate, targetDate);
            double path = baselineValue + (targetValue - baselineValue) * Math.min(1, share);
            boolean onPath = betterWhen == BetterWhen.LOWER ? r.value() <= path : r.value() >= path;
            return onPath ? Evaluation.ON_TRACK : Evaluation.NOT_MET;
        }
    }

    /** No number: "jobcentret følger udviklingen"; the status is narrative only. */
    record Narrative() implements Target {
        public String kind() { return "NARRATIVE"; }
        public Comparison comparison() { return Comparison.NONE; }
        public String describe() { return "Intet måltal: status beskrives i ord"; }
        public Evaluation evaluate(Reading r) { return Evaluation.NARRATIVE; }
    }

    DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.forLanguageTag("da-DK"));

    /**
     * Reads the document's {@code target} object. A kind this version does not know, or one with its numbers missing,
     * becomes narrative: a status can still be reported in words, and nothing is evaluated wrongly.
     */
    static Target fromDocument(Map<String, Object> t) {
        if (t == null) {
            return new Narrative();
        }
        try {
            return switch (String.valueOf(t.get("kind"))) {
                case "SHARE" -> new Share(Comparator.valueOf(text(t, "comparator")), num(t, "percent"));
                case "COUNT" -> new Count(Comparator.valueOf(text(t, "comparator")), num(t, "count"));
                case "NATIONAL_AVERAGE" -> new NationalAverage(Relation.valueOf(text(t, "relation")), optNum(t, "percentagePoints"),
                        BetterWhen.valueOf(text(t, "betterWhen")));
                case "REGIONAL_AVERAGE" -> new RegionalAverage(Relation.valueOf(text(t, "relation")), optNum(t, "percentagePoints"),
                        BetterWhen.valueOf(text(t, "betterWhen")), t.get("region") == null ? "regionen" : text(t, "region"),
                        Boolean.TRUE.equals(t.get("closerThanLastTime")));
                case "TREND" -> new Trend(Trend.Direction.valueOf(text(t, "direction")),
                        t.get("comparedTo") == null ? Trend.ComparedTo.PREVIOUS_PERIOD : Trend.ComparedTo.valueOf(text(t, "comparedTo")));
                case "RANK" -> new Rank(t.get("scope") == null ? Rank.Scope.LEVEL : Rank.Scope.valueOf(text(t, "scope")), num(t, "topPercent"));
                case "CHANGE_FROM_BASELINE" -> new ChangeFromBaseline(num(t, "baselineValue"), date(t, "baselineDate"),
                        num(t, "targetValue"), date(t, "targetDate"), BetterWhen.valueOf(text(t, "betterWhen")));
                default -> new Narrative();
            };
        } catch (RuntimeException unreadable) {
            return new Narrative();
        }
    }

    /** A number the Danish way: 75, 12,5. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e12) {
            return Long.toString((long) value);
        }
        return String.format(Locale.forLanguageTag("da-DK"), "%.1f", value);
    }

    private static String text(Map<String, Object> t, String field) {
        Object v = t.get(field);
        if (v == null) {
            throw new IllegalArgumentException(field + " missing");
        }
        return v.toString();
    }

    private static double num(Map<String, Object> t, String field) {
        Object v = t.get(field);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        return Double.parseDouble(text(t, field));
    }

    private static double optNum(Map<String, Object> t, String field) {
        return t.get(field) == null ? 0 : num(t, field);
    }

    private static LocalDate date(Map<String, Object> t, String field) {
        Object v = t.get(field);
        return v == null ? null : LocalDate.parse(v.toString());
    }

    private static double limit(double value, Comparator comparator, double limit) {
        return comparator == Comparator.AT_LEAST ? limit - value : value - limit;
    }

    private static Double relativeShortfall(Double value, Double average, Relation relation, double pp, BetterWhen betterWhen) {
        if (value == null || average == null) {
            return null;
        }
        return switch (relation) {
            case AT_LEVEL -> betterWhen == BetterWhen.HIGHER ? (average - AT_LEVEL_TOLERANCE) - value : value - (average + AT_LEVEL_TOLERANCE);
            case ABOVE -> (average + pp) - value;
            case BELOW -> value - (average - pp);
        };
    }

    private static String relative(Relation relation, double pp, BetterWhen betterWhen, String yardstick) {
        return switch (relation) {
            case AT_LEVEL -> (betterWhen == BetterWhen.HIGHER ? "Mindst" : "Højst") + " på niveau med " + yardstick + " (±0,5 procentpoint)";
            case ABOVE -> (pp == 0 ? "Over " : "Mindst " + number(pp) + " procentpoint over ") + yardstick;
            case BELOW -> (pp == 0 ? "Under " : "Mindst " + number(pp) + " procentpoint under ") + yardstick;
        };
    }
}
