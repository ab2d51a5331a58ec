package dk.beskplan.followup.domain;

import dk.beskplan.plandocument.SuccessCriterion;
import dk.beskplan.plandocument.Target;
import dk.beskplan.plandocument.TargetWording;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Follow-up's rule for judging a reading against a success criterion's approved {@link Target} (the plan document's
 * typed target; docs/plan-document.md, "Target kinds"). Follow-up owns this rule; the target itself is the plan's.
 * <p>
 * Every numeric kind is judged by its <em>shortfall</em>: how far the reading is from meeting the target (zero or
 * less is met). An interim reading that is not met yet but has a smaller shortfall than the reading before it is
 * on track.
 */
public record TargetRule(Target target) {

    /** "På niveau med": half a percentage point either way (docs/plan-document.md). */
    public static final double AT_LEVEL_TOLERANCE = 0.5;

    /** The second number a manager reports, and what it means. */
    public enum Comparison {
        NONE(null), NATIONAL("Landsgennemsnit"), REGIONAL("Regionalt gennemsnit"), PERIOD("Værdi i sammenligningsperioden");

        private final String label;

        Comparison(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public TargetRule {
        target = target == null ? new Target.Narrative() : target;
    }

    /** The rule in Danish, for the report form and the status report ("Mindst 75 %"). */
    public String describe() {
        return TargetWording.describe(target);
    }

    /** True when there is no number to judge: status is reported in words. */
    public boolean narrative() {
        return target instanceof Target.Narrative;
    }

    /** What the reported comparison value is, if the kind needs one. */
    public Comparison comparison() {
        if (target instanceof Target.NationalAverage) {
            return Comparison.NATIONAL;
        }
        if (target instanceof Target.RegionalAverage) {
            return Comparison.REGIONAL;
        }
        return target instanceof Target.Trend ? Comparison.PERIOD : Comparison.NONE;
    }

    /** What the comparison value is called on the form: the region by name where the plan names it. */
    public String comparisonLabel() {
        if (target instanceof Target.RegionalAverage r && r.region() != null && !r.region().isBlank()) {
            return "Gennemsnit for " + r.region();
        }
        if (target instanceof Target.Trend t && t.comparedTo() == Target.Trend.ComparedTo.FIXED_YEAR) {
            return "Værdi i " + t.referenceYear();
        }
        return comparison().label();
    }

    /** The fixed number the target names (75 %, 500, the rank, the target value), for charts; null when relative. */
    public Double level() {
        if (target instanceof Target.Share s) {
            return s.percent();
        }
        if (target instanceof Target.Count c) {
            return c.count();
        }
        if (target instanceof Target.Rank r) {
            return r.topPercent();
        }
        return target instanceof Target.ChangeFromBaseline c ? c.targetValue() : null;
    }

    /**
     * Whether a status figure of the plan can be this target's reading before and the first point of its chart: a
     * figure in percent does not measure a count, nor a count a share (a committee may have changed the target's kind
     * after the plan gave the figure). A figure without a unit, or in another unit, is taken as it is.
     */
    public boolean fits(SuccessCriterion.Baseline figure) {
        SuccessCriterion.Unit unit = figure.unit();
        if (unit == null || unit == SuccessCriterion.Unit.OTHER) {
            return true;
        }
        if (target instanceof Target.Share) {
            return unit == SuccessCriterion.Unit.PERCENT;
        }
        return !(target instanceof Target.Count) || unit == SuccessCriterion.Unit.COUNT;
    }

    /**
     * The verdict on a criterion with several targets (docs/plan-document.md, "Several targets"), from each target's
     * own evaluation: met when every target is met; not met when any target is not met; on track ("på vej") when none
     * is missed and some are not met yet (on track, or with no value yet); no data when none has a value. A target
     * without a number says nothing here (its status is words); a criterion whose targets all are so is narrative.
     */
    public static Evaluation all(java.util.List<Evaluation> targets) {
        java.util.List<Evaluation> judged = targets.stream().filter(e -> e != Evaluation.NARRATIVE).toList();
        if (judged.isEmpty()) {
            return Evaluation.NARRATIVE;
        }
        if (judged.contains(Evaluation.NOT_MET)) {
            return Evaluation.NOT_MET;
        }
        if (judged.stream().allMatch(e -> e == Evaluation.MET)) {
            return Evaluation.MET;
        }
        return judged.stream().allMatch(e -> e == Evaluation.NO_DATA) ? Evaluation.NO_DATA : Evaluation.ON_TRACK;
    }

    public Evaluation evaluate(Reading r) {
        if (target instanceof Target.Narrative) {
            return Evaluation.NARRATIVE;
        }
        if (target instanceof Target.Trend t) {
            return trend(t, r);
        }
        Evaluation plain = byShortfall(target instanceof Target.ChangeFromBaseline ? r.after(null) : r);
        if (target instanceof Target.RegionalAverage regional) {
            return closerThanLastTime(regional, r, plain);
        }
        if (target instanceof Target.ChangeFromBaseline change) {
            return onThePath(change, r, plain);
        }
        return plain;
    }

    /** How far the reading is from the target (≤ 0: met); null when a needed value is missing. */
    Double shortfall(Double value, Double comparison) {
        if (value == null) {
            return null;
        }
        if (target instanceof Target.Share s) {
            return limit(value, s.comparator(), s.percent());
        }
        if (target instanceof Target.Count c) {
            return limit(value, c.comparator(), c.count());
        }
        if (target instanceof Target.NationalAverage n) {
            return relative(value, comparison, n.relation(), n.percentagePoints(), n.betterWhen());
        }
        if (target instanceof Target.RegionalAverage g) {
            return relative(value, comparison, g.relation(), g.percentagePoints(), g.betterWhen());
        }
        if (target instanceof Target.Rank rank) {
            return value - rank.topPercent(); // the reported value is the percentile: 0 is the best municipality
        }
        if (target instanceof Target.ChangeFromBaseline c) {
            return c.betterWhen() == Target.BetterWhen.LOWER ? value - c.targetValue() : c.targetValue() - value;
        }
        return null;
    }

    private Evaluation byShortfall(Reading r) {
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

    /**
     * Strictly more (or fewer): the same number is no increase. No "on track": a trend is judged as it is. Against a
     * fixed year the value compared with is that year's — reported, or as the plan printed it — never the reading
     * before (in a plan's second year that would be the wrong year).
     */
    private static Evaluation trend(Target.Trend t, Reading r) {
        Double before;
        if (r.comparisonValue() != null) {
            before = r.comparisonValue();
        } else if (t.comparedTo() == Target.Trend.ComparedTo.FIXED_YEAR) {
            before = t.referenceValue();
        } else {
            before = r.previous() == null ? null : r.previous().value();
        }
        if (r.value() == null || before == null) {
            return Evaluation.NO_DATA;
        }
        boolean met = t.direction() == Target.Trend.Direction.INCREASE ? r.value() > before : r.value() < before;
        return met ? Evaluation.MET : Evaluation.NOT_MET;
    }

    /** "Tættere på gennemsnittet for Sjælland": also met when the distance to the region shrank since the reading before. */
    private static Evaluation closerThanLastTime(Target.RegionalAverage t, Reading r, Evaluation level) {
        if (!t.closerThanLastTime() || level == Evaluation.MET || level == Evaluation.NO_DATA) {
            return level;
        }
        Reading before = r.previous();
        if (before == null || before.value() == null || before.comparisonValue() == null) {
            return Evaluation.NO_DATA; // "closer than last time" needs last time
        }
        boolean closer = Math.abs(r.value() - r.comparisonValue()) < Math.abs(before.value() - before.comparisonValue());
        return closer ? Evaluation.MET : Evaluation.NOT_MET;
    }

    /** An interim reading is on track when it is at or better than the straight line from baseline to target at its date. */
    private static Evaluation onThePath(Target.ChangeFromBaseline t, Reading r, Evaluation plain) {
        if (plain != Evaluation.NOT_MET || !r.interim() || r.measuredOn() == null || t.baselineDate() == null || t.targetDate() == null) {
            return plain;
        }
        // A month counts as its last day (PlanDate.asDay): "december 2023" is the end of December.
        LocalDate from = t.baselineDate().asDay();
        LocalDate to = t.targetDate().asDay();
        if (!r.measuredOn().isBefore(to) || !to.isAfter(from)) {
            return plain;
        }
        double share = Math.max(0, ChronoUnit.DAYS.between(from, r.measuredOn())) / (double) ChronoUnit.DAYS.between(from, to);
        double path = t.baselineValue() + (t.targetValue() - t.baselineValue()) * Math.min(1, share);
        boolean onPath = t.betterWhen() == Target.BetterWhen.LOWER ? r.value() <= path : r.value() >= path;
        return onPath ? Evaluation.ON_TRACK : Evaluation.NOT_MET;
    }

    private static double limit(double value, Target.Comparator comparator, double limit) {
        return comparator == Target.Comparator.AT_LEAST ? limit - value : value - limit;
    }

    private static Double relative(double value, Double average, Target.Relation relation, double pp, Target.BetterWhen betterWhen) {
        if (average == null) {
            return null;
        }
        return switch (relation) {
            case AT_LEVEL -> betterWhen == Target.BetterWhen.HIGHER ? (average - AT_LEVEL_TOLERANCE) - value : value - (average + AT_LEVEL_TOLERANCE);
            case ABOVE -> (average + pp) - value;
            case BELOW -> value - (average - pp);
        };
    }
}
