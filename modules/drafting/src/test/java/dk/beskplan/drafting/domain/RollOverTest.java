package dk.beskplan.drafting.domain;

import dk.beskplan.plandocument.Goal;
import dk.beskplan.plandocument.PlanDate;
import dk.beskplan.plandocument.PlanDocument;
import dk.beskplan.plandocument.SuccessCriterion;
import dk.beskplan.plandocument.Target;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A two-year plan carried over: its years and every date move by two years; old years in its texts are listed. */
class RollOverTest {
    private static PlanDate day(int year, int month, int dayOfMonth) {
        return PlanDate.of(LocalDate.of(year, month, dayOfMonth));
    }

    private static PlanDocument plan(int from, int to, String title, String objective, PlanDate deadline) {
        SuccessCriterion criterion = new SuccessCriterion("1a", "Ledigheden skal falde", null, null, null, null, deadline,
                List.of(new SuccessCriterion.Baseline("Status 2024", day(2023, 8, 31), 4.1, null, null,
                        SuccessCriterion.Unit.PERCENT, null)),
                new Target.ChangeFromBaseline(4.1, day(2023, 8, 31), 3.5, day(2024, 2, 29), Target.BetterWhen.LOWER),
                false);
        Goal goal = new Goal(Goal.Kind.LOCAL, null, null, "Flere i job", List.of(), null, List.of(objective), null, List.of(), null,
                List.of(criterion), List.of());
        return new PlanDocument("316", "Holbæk Kommune", from, to, title, null, null, List.of(), new PlanDocument.Ambition(null,
                List.of(), List.of()), List.of(), List.of(), List.of(goal), List.of(), List.of(), PlanDocument.Layout.STANDARD);
    }

    @Test
    void theYearsOfTheTitleAndEveryDateMoveByThePeriod() {
        PlanDocument next = RollOver.next(plan(2024, 2025, "Beskæftigelsesplan 2024–2025 (efter reformen i 2019)",
                "I 2024 og 2025 skal flere i job", day(2025, 12, 31)));
        assertThat(next.fromYear()).isEqualTo(2026);
        assertThat(next.toYear()).isEqualTo(2027);
        assertThat(next.title()).isEqualTo("Beskæftigelsesplan 2026–2027 (efter reformen i 2019)");
        SuccessCriterion c = next.goals().get(0).successCriteria().get(0);
        assertThat(c.deadline()).isEqualTo(day(2027, 12, 31));
        assertThat(c.baselines().get(0).date()).isEqualTo(day(2025, 8, 31));
        Target.ChangeFromBaseline t = (Target.ChangeFromBaseline) c.target();
        assertThat(t.baselineDate()).isEqualTo(day(2025, 8, 31));
        assertThat(t.targetDate()).isEqualTo(day(2026, 2, 28)); // 29 February 2024 has no twin in 2026

        List<PlanWarnings.Warning> review = PlanWarnings.of(next, true);
        assertThat(review).extracting(PlanWarnings.Warning::path)
                .containsExactly("goals[0].objectives[0]", "goals[0].successCriteria[0].baselines[0].label");
        assertThat(review.get(0).message()).isEqualTo("Teksten nævner 2024, men planen gælder 2026–2027: »I 2024 og 2025 skal flere i job«");
        assertThat(PlanWarnings.of(next, false)).as("only a plan carried over is checked for old years").isEmpty();
    }

    /** Issue 17: each of several targets keeps its own deadline, moved with the period; one before the period is warned of. */
    @Test
    void everyTargetsOwnDeadlineMovesToo() {
        PlanDocument plan = plan(2024, 2025, "Plan 2024–2025", "Flere i job", day(2025, 12, 31));
        SuccessCriterion c = plan.goals().get(0).successCriteria().get(0);
        SuccessCriterion two = c.withTargets(List.of(dk.beskplan.plandocument.CriterionTarget.of(c.target()),
                new dk.beskplan.plandocument.CriterionTarget(new Target.Count(Target.Comparator.AT_LEAST, 40), "Borgere i fleksjob",
                        PlanDate.parse("2025-06"))));
        PlanDocument withTwo = plan.withGoals(List.of(plan.goals().get(0).withParts(plan.goals().get(0).objectives(),
                plan.goals().get(0).initiatives(), List.of(two))));

        SuccessCriterion moved = RollOver.next(withTwo).goals().get(0).successCriteria().get(0);

        assertThat(moved.targets().get(1).deadline()).hasToString("2027-06");
        assertThat(((Target.ChangeFromBaseline) moved.targets().get(0).target()).targetDate()).isEqualTo(day(2026, 2, 28));
        assertThat(PlanWarnings.of(withTwo, false)).isEmpty();
        PlanDocument late = new PlanDocument("316", "Holbæk Kommune", 2026, 2027, "Plan 2026–2027", null, null, List.of(),
                withTwo.ambition(), List.of(), List.of(), withTwo.goals(), List.of(), List.of(), PlanDocument.Layout.STANDARD);
        assertThat(PlanWarnings.of(late, false)).extracting(PlanWarnings.Warning::path).contains(
                "goals[0].successCriteria[0].targets[1].deadline", "goals[0].successCriteria[0].targets[0].targetDate");
    }

    @Test
    void aMonthMovesAsAMonth() {
        PlanDocument next = RollOver.next(plan(2024, 2025, "Plan 2024–2025", "Flere i job", PlanDate.parse("2025-12")));
        SuccessCriterion c = next.goals().get(0).successCriteria().get(0);
        assertThat(c.deadline()).hasToString("2027-12");
        assertThat(c.deadline().words()).isEqualTo("december 2027");
    }

    @Test
    void aDeadlineOrTargetDateBeforeThePeriodIsWarnedOf() {
        List<PlanWarnings.Warning> warnings = PlanWarnings.of(plan(2025, 2025, "Plan 2025", "Flere i job", day(2024, 12, 31)), false);
        assertThat(warnings).extracting(w -> w.path() + " " + w.kind()).containsExactly(
                "goals[0].successCriteria[0].deadline DATE_BEFORE_PERIOD", "goals[0].successCriteria[0].target.targetDate DATE_BEFORE_PERIOD");
        assertThat(warnings.get(0).message()).isEqualTo("Succeskriterium 1a har fristen 31. december 2024, før planens periode (2025).");
    }
}
