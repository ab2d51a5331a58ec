package dk.beskplan.plandocument;

import java.math.BigDecimal;

/**
 * A target in Danish words, the one wording every module uses: the report form and status report ("Mindst 75 %"),
 * the comparison of two versions ("mindst 75 %" inside a sentence), the protocol of an amended target.
 */
public final class TargetWording {
    private TargetWording() {
    }

    /** The target as a sentence of its own: "Mindst 5 procentpoint over landsgennemsnittet". */
    public static String describe(Target target) {
        if (target instanceof Target.Share s) {
            return bound(s.comparator()) + " " + number(s.percent()) + " %";
        }
        if (target instanceof Target.Count c) {
            return bound(c.comparator()) + " " + number(c.count());
        }
        if (target instanceof Target.NationalAverage n) {
            return relative(n.relation(), n.percentagePoints(), n.betterWhen(), "landsgennemsnittet");
        }
        if (target instanceof Target.RegionalAverage r) {
            String yardstick = r.region() == null || r.region().isBlank() ? "regionsgennemsnittet" : "gennemsnittet for " + r.region();
            String level = relative(r.relation(), r.percentagePoints(), r.betterWhen(), yardstick);
            return r.closerThanLastTime() ? level + ", eller tættere på det end ved sidste måling" : level;
        }
        if (target instanceof Target.Trend t) {
            return (t.direction() == Target.Trend.Direction.INCREASE ? "Flere end " : "Færre end ")
                    + comparedTo(t);
        }
        if (target instanceof Target.Rank r) {
            return "Blandt de " + number(r.topPercent()) + " % af kommunerne med "
                    + (r.scope() == Target.Rank.Scope.IMPROVEMENT ? "den største forbedring" : "det bedste niveau");
        }
        if (target instanceof Target.ChangeFromBaseline c) {
            return "Fra " + number(c.baselineValue()) + month(c.baselineDate()) + " til "
                    + (c.betterWhen() == Target.BetterWhen.LOWER ? "højst " : "mindst ") + number(c.targetValue()) + month(c.targetDate());
        }
        if (target instanceof Target.Narrative) {
            return "Intet måltal: status beskrives i ord";
        }
        return "Ingen målværdi";
    }

    /**
     * One of a criterion's several targets: its words, and in brackets what it measures and its own deadline where it
     * names them: "Mindst 120 (personer i jobrotation, senest 31. december 2025)".
     */
    public static String describe(CriterionTarget target) {
        String words = describe(target.target());
        String indicator = target.indicator() == null || target.indicator().isBlank() ? null : target.indicator().strip();
        String deadline = target.deadline() == null ? null : "senest " + target.deadline().words();
        if (indicator == null && deadline == null) {
            return words;
        }
        String of = indicator == null ? deadline : deadline == null ? indicator : indicator + ", " + deadline;
        return words + " (" + Character.toLowerCase(of.charAt(0)) + of.substring(1) + ")";
    }

    /**
     * A criterion's targets as one sentence: the one target's words, or each of several in turn, separated by "; ":
     * "Mindst 120 (personer i jobrotation); mindst 40 (borgere i fleksjob)".
     */
    public static String describe(java.util.List<CriterionTarget> targets) {
        StringBuilder words = new StringBuilder();
        for (CriterionTarget t : targets) {
            String one = describe(t);
            words.append(words.length() == 0 ? one : "; " + Character.toLowerCase(one.charAt(0)) + one.substring(1));
        }
        return words.toString();
    }

    /** The same words inside a sentence: "mindst 75 %". */
    public static String inSentence(Target target) {
        String words = describe(target);
        return Character.toLowerCase(words.charAt(0)) + words.substring(1);
    }

    /** A number the Danish way, as exact as it was written: 75, 12,5, 0,25. */
    public static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString().replace('.', ',');
    }

    /** The month of a date in brackets, as this wording has always named it: " (december 2023)". */
    private static String month(PlanDate date) {
        return date == null ? "" : " (" + new PlanDate(date.day(), true).words() + ")";
    }

    private static String comparedTo(Target.Trend t) {
        return switch (t.comparedTo()) {
            case ROLLING_YEAR -> "året før (rullende år)";
            case PREVIOUS_PERIOD -> "i den foregående periode";
            case FIXED_YEAR -> "i " + t.referenceYear() + (t.referenceValue() == null ? "" : " (" + number(t.referenceValue()) + ")");
        };
    }

    private static String bound(Target.Comparator comparator) {
        return comparator == Target.Comparator.AT_MOST ? "Højst" : "Mindst";
    }

    private static String relative(Target.Relation relation, double pp, Target.BetterWhen betterWhen, String yardstick) {
        return switch (relation) {
            case AT_LEVEL -> (betterWhen == Target.BetterWhen.LOWER ? "Højst" : "Mindst") + " på niveau med " + yardstick + " (±0,5 procentpoint)";
            case ABOVE -> (pp == 0 ? "Over " : "Mindst " + number(pp) + " procentpoint over ") + yardstick;
            case BELOW -> (pp == 0 ? "Under " : "Mindst " + number(pp) + " procentpoint under ") + yardstick;
        };
    }
}
