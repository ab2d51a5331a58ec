package dk.beskplan.drafting.domain;

import dk.beskplan.drafting.domain.Target.Evaluation;
import dk.beskplan.drafting.domain.Target.Report;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static dk.beskplan.drafting.domain.Target.BetterWhen.HIGHER;
import static dk.beskplan.drafting.domain.Target.BetterWhen.LOWER;
import static dk.beskplan.drafting.domain.Target.Comparator.AT_LEAST;
import static dk.beskplan.drafting.domain.Target.Comparator.AT_MOST;
import static dk.beskplan.drafting.domain.Target.Relation.ABOVE;
import static dk.beskplan.drafting.domain.Target.Relation.AT_LEVEL;
import static dk.beskplan.drafting.domain.Target.Relation.BELOW;
import static org.assertj.core.api.Assertions.assertThat;

/** One evaluation rule per target kind: met, not met, the edge value, and missing data. */
class TargetTest {

    @Test
    void share() {
        Target t = new Target.Share(AT_LEAST, 75);
        assertThat(t.evaluate(Report.of(75.0, null))).isEqualTo(Evaluation.MET);
        assertThat(t.evaluate(Report.of(74.9, null))).isEqualTo(Evaluation.NOT_MET);
        assertThat(t.evaluate(Report.of(null, null))).isEqualTo(Evaluation.NO_DATA);
        assertThat(new Target.Share(AT_MOST, 10).evaluate(Report.of(10.0, null))).isEqualTo(Evaluation.MET);
    }

    @Test
    void nationalAverage() {
        // "på niveau med landsgennemsnittet" where lower is better (omgjorte klager)
        Target atLevelLower = new Target.NationalAverage(AT_LEVEL, 0, LOWER);
        assertThat(atLevelLower.evaluate(Report.of(12.4, 12.0))).isEqualTo(Evaluation.MET);
        assertThat(atLevelLower.evaluate(Report.of(12.6, 12.0))).isEqualTo(Evaluation.NOT_MET);
        // "mindst på niveau" where higher is better
        Target atLevelHigher = new Target.NationalAverage(AT_LEVEL, 0, HIGHER);
        assertThat(atLevelHigher.evaluate(Report.of(40.0, 40.5))).isEqualTo(Evaluation.MET);
        assertThat(atLevelHigher.evaluate(Report.of(39.4, 40.0))).isEqualTo(Evaluation.NOT_MET);
        // "5 procentpoint over landsgennemsnittet"
        Target above = new Target.NationalAverage(ABOVE, 5, HIGHER);
        assertThat(above.evaluate(Report.of(45.0, 40.0))).isEqualTo(Evaluation.MET);
        assertThat(above.evaluate(Report.of(44.9, 40.0))).isEqualTo(Evaluation.NOT_MET);
        assertThat(new Target.NationalAverage(BELOW, 0, LOWER).evaluate(Report.of(15.4, 16.6))).isEqualTo(Evaluation.MET);
        assertThat(above.evaluate(Report.of(45.0, null))).isEqualTo(Evaluation.NO_DATA);
    }

    @Test
    void regionalAverageCloserThanLastTime() {
        Target t = new Target.RegionalAverage(AT_LEVEL, 0, LOWER, "Sjælland", true);
        assertThat(t.evaluate(new Report(3.0, 2.0, 3.5, 2.0, null))).isEqualTo(Evaluation.MET);
        assertThat(t.evaluate(new Report(3.6, 2.0, 3.5, 2.0, null))).isEqualTo(Evaluation.NOT_MET);
        assertThat(t.evaluate(new Report(1.9, 2.0, 1.8, 2.0, null))).as("at or below the region is met").isEqualTo(Evaluation.MET);
        assertThat(t.evaluate(new Report(3.0, 2.0, null, null, null))).isEqualTo(Evaluation.NO_DATA);
    }

    @Test
    void count() {
        Target down = new Target.Count(AT_MOST, 120);
        assertThat(down.evaluate(Report.of(120.0, null))).isEqualTo(Evaluation.MET);
        assertThat(down.evaluate(Report.of(121.0, null))).isEqualTo(Evaluation.NOT_MET);
        assertThat(new Target.Count(AT_LEAST, 50).evaluate(Report.of(49.0, null))).isEqualTo(Evaluation.NOT_MET);
    }

    @Test
    void trend() {
        Target fewer = new Target.Trend(Target.Trend.Direction.DECREASE, Target.Trend.ComparedTo.ROLLING_YEAR);
        assertThat(fewer.evaluate(new Report(90.0, null, 100.0, null, null))).isEqualTo(Evaluation.MET);
        assertThat(fewer.evaluate(new Report(100.0, null, 100.0, null, null))).isEqualTo(Evaluation.NOT_MET);
        assertThat(fewer.evaluate(Report.of(90.0, null))).isEqualTo(Evaluation.NO_DATA);
    }

    @Test
    void rank() {
        Target top = new Target.Rank(Target.Rank.Scope.IMPROVEMENT, 25);
        assertThat(top.evaluate(new Report(null, null, null, null, 25.0))).isEqualTo(Evaluation.MET);
        assertThat(top.evaluate(new Report(null, null, null, null, 26.0))).isEqualTo(Evaluation.NOT_MET);
        assertThat(top.evaluate(Report.of(1.0, null))).isEqualTo(Evaluation.NO_DATA);
    }

    @Test
    void changeFromBaseline() {
        // "fra 20 pct. i januar 2024 til højst 16 pct. i december 2025"
        Target t = new Target.ChangeFromBaseline(20, LocalDate.of(2024, 1, 31), 16, LocalDate.of(2025, 12, 31), LOWER);
        assertThat(t.evaluate(Report.of(16.0, null))).isEqualTo(Evaluation.MET);
        assertThat(t.evaluate(Report.of(16.1, null))).isEqualTo(Evaluation.NOT_MET);
        assertThat(t.evaluate(Report.of(null, null))).isEqualTo(Evaluation.NO_DATA);
    }

    @Test
    void narrativeHasNoNumber() {
        assertThat(new Target.Narrative().evaluate(Report.of(1.0, 2.0))).isEqualTo(Evaluation.NARRATIVE);
    }
}
