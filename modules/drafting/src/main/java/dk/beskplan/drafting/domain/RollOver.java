package dk.beskplan.drafting.domain;

import dk.beskplan.plandocument.Goal;
import dk.beskplan.plandocument.CriterionTarget;
import dk.beskplan.plandocument.PlanDate;
import dk.beskplan.plandocument.PlanDocument;
import dk.beskplan.plandocument.PlanDate;
import dk.beskplan.plandocument.SuccessCriterion;
import dk.beskplan.plandocument.Target;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plan carried over to the next period ("videreført"): the same text for the period that follows, with every date of
 * the document (criteria's deadlines, status figures' dates, a target's baseline and target dates) moved by the
 * period's length and the years in the title moved with them. Texts that still name the old years are left as they
 * are, for the officials to review ({@link PlanWarnings#oldYears}): only they know whether "I 2025 …" is history or
 * the plan.
 */
public final class RollOver {
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(\\d{4})(?!\\d)");

    private RollOver() {
    }

    /** The plan for the period right after {@code old}'s, as long as it. */
    public static PlanDocument next(PlanDocument old) {
        int years = old.toYear() - old.fromYear() + 1;
        return new PlanDocument(old.municipality(), old.municipalityName(), old.fromYear() + years, old.toYear() + years,
                title(old, years), old.committeeName(), old.foreword(), old.introduction(), old.ambition(),
                old.overallSuccessCriteria().stream().map(c -> moved(c, years)).toList(), old.goalsIntroduction(),
                old.goals().stream().map(g -> moved(g, years)).toList(), old.sections(), old.overviewIntroduction(),
                old.layout());
    }

    /** "Beskæftigelsesplan 2024–2025" becomes "Beskæftigelsesplan 2026–2027": each of the plan's years moves. */
    static String title(PlanDocument old, int years) {
        Matcher m = YEAR.matcher(old.title());
        StringBuilder title = new StringBuilder();
        while (m.find()) {
            int year = Integer.parseInt(m.group(1));
            boolean ofThePlan = year >= old.fromYear() && year <= old.toYear();
            m.appendReplacement(title, Integer.toString(ofThePlan ? year + years : year));
        }
        m.appendTail(title);
        return title.toString();
    }

    private static Goal moved(Goal g, int years) {
        return g.withParts(g.objectives(), g.initiatives(), g.successCriteria().stream().map(c -> moved(c, years)).toList());
    }

    private static SuccessCriterion moved(SuccessCriterion c, int years) {
        List<SuccessCriterion.Baseline> baselines = c.baselines().stream().map(b -> b.withDate(moved(b.date(), years))).toList();
        // Every target's dates move: its own deadline and a change's baseline and target dates.
        List<CriterionTarget> targets = c.targets().stream().map(t -> new CriterionTarget(moved(t.target(), years), t.indicator(),
                moved(t.deadline(), years))).toList();
        return new SuccessCriterion(c.code(), c.text(), c.targetGroup(), c.indicator(), c.dataSource(), c.updateFrequency(),
                moved(c.deadline(), years), baselines, targets, c.continuesAfterDeadline());
    }

    private static Target moved(Target target, int years) {
        if (target instanceof Target.ChangeFromBaseline t) {
            return new Target.ChangeFromBaseline(t.baselineValue(), moved(t.baselineDate(), years), t.targetValue(),
                    moved(t.targetDate(), years), t.betterWhen());
        }
        return target;
    }

    private static PlanDate moved(PlanDate date, int years) {
        return date == null ? null : date.plusYears(years);
    }
}
