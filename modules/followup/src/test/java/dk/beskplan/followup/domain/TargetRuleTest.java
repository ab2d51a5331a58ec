package dk.beskplan.followup.domain;

import dk.beskplan.plandocument.PlanDocumentReader;
import dk.beskplan.plandocument.SuccessCriterion;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static dk.beskplan.followup.domain.Evaluation.MET;
import static dk.beskplan.followup.domain.Evaluation.NARRATIVE;
import static dk.beskplan.followup.domain.Evaluation.NOT_MET;
import static dk.beskplan.followup.domain.Evaluation.NO_DATA;
import static dk.beskplan.followup.domain.Evaluation.ON_TRACK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Follow-up's own evaluation of every target kind, read from the document's target data as drafting writes it:
 * met, not met, the edge value, missing data, and "on track" for interim readings.
 */
class TargetRuleTest {
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final LocalDate MID_YEAR = LocalDate.of(2025, 6, 30);

    private static TargetRule target(Object... fields) {
        Map<String, Object> t = new HashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            t.put((String) fields[i], fields[i + 1]);
        }
        try {
            return new TargetRule(PlanDocumentReader.readTarget(JSON.writeValueToTree(t)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Evaluation eval(TargetRule t, Double value, Double comparison) {
        return t.evaluate(Reading.of(value, comparison));
    }

    @Test
    void shareAtLeastAndAtMost() {
        TargetRule t = target("kind", "SHARE", "comparator", "AT_LEAST", "percent", 75);
        assertThat(t.describe()).isEqualTo("Mindst 75 %");
        assertThat(eval(t, 75.0, null)).as("the edge value is met").isEqualTo(MET);
        assertThat(eval(t, 74.9, null)).isEqualTo(NOT_MET);
        assertThat(eval(t, null, null)).isEqualTo(NO_DATA);
        TargetRule atMost = target("kind", "SHARE", "comparator", "AT_MOST", "percent", 10.5);
        assertThat(eval(atMost, 10.5, null)).isEqualTo(MET);
        assertThat(eval(atMost, 10.6, null)).isEqualTo(NOT_MET);
        assertThat(atMost.describe()).isEqualTo("Højst 10,5 %");
    }

    /** A status figure in percent is no reading before of a count, nor a count of a share; no unit or another fits any kind. */
    @Test
    void aStatusFigureFitsATargetWhoseKindMeasuresItsUnit() {
        TargetRule share = target("kind", "SHARE", "comparator", "AT_LEAST", "percent", 12);
        TargetRule count = target("kind", "COUNT", "comparator", "AT_LEAST", "count", 40);
        TargetRule national = target("kind", "NATIONAL_AVERAGE", "relation", "AT_LEVEL", "percentagePoints", 0, "betterWhen", "HIGHER");
        for (SuccessCriterion.Unit unit : new SuccessCriterion.Unit[]{null, SuccessCriterion.Unit.OTHER}) {
            assertThat(share.fits(figure(unit))).isTrue();
            assertThat(count.fits(figure(unit))).isTrue();
        }
        assertThat(share.fits(figure(SuccessCriterion.Unit.PERCENT))).isTrue();
        assertThat(share.fits(figure(SuccessCriterion.Unit.COUNT))).isFalse();
        assertThat(count.fits(figure(SuccessCriterion.Unit.COUNT))).isTrue();
        assertThat(count.fits(figure(SuccessCriterion.Unit.PERCENT))).isFalse();
        assertThat(national.fits(figure(SuccessCriterion.Unit.PERCENT))).isTrue();
    }

    private static SuccessCriterion.Baseline figure(SuccessCriterion.Unit unit) {
        return new SuccessCriterion.Baseline("Status 2024", null, 31.0, null, null, unit, null);
    }

    @Test
    void anInterimReadingCloserToTheTargetThanBeforeIsOnTrack() {
        TargetRule t = target("kind", "SHARE", "comparator", "AT_LEAST", "percent", 75);
        Reading before = Reading.of(68.0, null);
        assertThat(t.evaluate(Reading.interim(72.0, null, MID_YEAR, before))).isEqualTo(ON_TRACK);
        assertThat(t.evaluate(Reading.interim(67.0, null, MID_YEAR, before))).as("moving away").isEqualTo(NOT_MET);
        assertThat(t.evaluate(Reading.interim(72.0, null, MID_YEAR, null))).as("nothing to compare with").isEqualTo(NOT_MET);
        assertThat(t.evaluate(Reading.of(72.0, null).after(before))).as("a final reading is met or not").isEqualTo(NOT_MET);
    }

    @Test
    void nationalAverageAtLevelAboveAndBelow() {
        // "på niveau med landsgennemsnittet", fewer overturned complaints is better
        TargetRule lower = target("kind", "NATIONAL_AVERAGE", "relation", "AT_LEVEL", "percentagePoints", 0, "betterWhen", "LOWER");
        assertThat(eval(lower, 12.5, 12.0)).as("within half a percentage point").isEqualTo(MET);
        assertThat(eval(lower, 12.6, 12.0)).isEqualTo(NOT_MET);
        assertThat(eval(lower, 9.0, 12.0)).isEqualTo(MET);
        TargetRule higher = target("kind", "NATIONAL_AVERAGE", "relation", "AT_LEVEL", "percentagePoints", 0, "betterWhen", "HIGHER");
        assertThat(eval(higher, 39.5, 40.0)).isEqualTo(MET);
        assertThat(eval(higher, 39.4, 40.0)).isEqualTo(NOT_MET);
        // "5 procentpoint over landsgennemsnittet"
        TargetRule above = target("kind", "NATIONAL_AVERAGE", "relation", "ABOVE", "percentagePoints", 5, "betterWhen", "HIGHER");
        assertThat(above.describe()).isEqualTo("Mindst 5 procentpoint over landsgennemsnittet");
        assertThat(eval(above, 45.0, 40.0)).isEqualTo(MET);
        assertThat(eval(above, 44.9, 40.0)).isEqualTo(NOT_MET);
        assertThat(eval(above, 45.0, null)).as("the national value is needed").isEqualTo(NO_DATA);
        TargetRule below = target("kind", "NATIONAL_AVERAGE", "relation", "BELOW", "percentagePoints", 2, "betterWhen", "LOWER");
        assertThat(eval(below, 14.0, 16.0)).isEqualTo(MET);
        assertThat(eval(below, 14.1, 16.0)).isEqualTo(NOT_MET);
        assertThat(above.comparison()).isEqualTo(TargetRule.Comparison.NATIONAL);
    }

    @Test
    void regionalAverageCloserThanLastTime() {
        TargetRule t = target("kind", "REGIONAL_AVERAGE", "relation", "AT_LEVEL", "percentagePoints", 0, "betterWhen", "LOWER",
                "region", "Sjælland", "closerThanLastTime", true);
        assertThat(t.describe()).contains("gennemsnittet for Sjælland").contains("tættere på");
        Reading lastTime = Reading.of(3.5, 2.0);
        assertThat(t.evaluate(Reading.of(3.0, 2.0).after(lastTime))).as("closer: 1.0 < 1.5").isEqualTo(MET);
        assertThat(t.evaluate(Reading.of(3.6, 2.0).after(lastTime))).as("further away").isEqualTo(NOT_MET);
        assertThat(t.evaluate(Reading.of(3.5, 2.0).after(lastTime))).as("just as far is not closer").isEqualTo(NOT_MET);
        assertThat(t.evaluate(Reading.of(2.4, 2.0))).as("at the regional level is met without last time").isEqualTo(MET);
        assertThat(t.evaluate(Reading.of(3.0, 2.0))).as("no last time to compare with").isEqualTo(NO_DATA);
        assertThat(t.evaluate(Reading.of(3.0, null).after(lastTime))).isEqualTo(NO_DATA);
        TargetRule plain = target("kind", "REGIONAL_AVERAGE", "relation", "ABOVE", "percentagePoints", 1, "betterWhen", "HIGHER", "region", "RAR Sjælland");
        assertThat(eval(plain, 31.0, 30.0)).isEqualTo(MET);
        assertThat(eval(plain, 30.9, 30.0)).isEqualTo(NOT_MET);
    }

    @Test
    void countAtLeastAndBroughtDownTo() {
        TargetRule down = target("kind", "COUNT", "comparator", "AT_MOST", "count", 120);
        assertThat(eval(down, 120.0, null)).isEqualTo(MET);
        assertThat(eval(down, 121.0, null)).isEqualTo(NOT_MET);
        assertThat(down.describe()).isEqualTo("Højst 120");
        TargetRule up = target("kind", "COUNT", "comparator", "AT_LEAST", "count", 50);
        assertThat(eval(up, 50.0, null)).isEqualTo(MET);
        assertThat(eval(up, 49.0, null)).isEqualTo(NOT_MET);
        assertThat(eval(up, null, null)).isEqualTo(NO_DATA);
    }

    @Test
    void trendAgainstTheComparedPeriod() {
        TargetRule more = target("kind", "TREND", "direction", "INCREASE", "comparedTo", "ROLLING_YEAR");
        assertThat(more.comparison()).isEqualTo(TargetRule.Comparison.PERIOD);
        assertThat(eval(more, 131.0, 120.0)).isEqualTo(MET);
        assertThat(eval(more, 120.0, 120.0)).as("the same number is no increase").isEqualTo(NOT_MET);
        assertThat(eval(more, 119.0, 120.0)).isEqualTo(NOT_MET);
        assertThat(eval(more, 131.0, null)).isEqualTo(NO_DATA);
        assertThat(more.evaluate(Reading.of(131.0, null).after(Reading.of(100.0, null)))).as("the previous round as comparison")
                .isEqualTo(MET);
        TargetRule fewer = target("kind", "TREND", "direction", "DECREASE", "comparedTo", "PREVIOUS_PERIOD");
        assertThat(eval(fewer, 80.0, 90.0)).isEqualTo(MET);
        assertThat(eval(fewer, 90.0, 90.0)).isEqualTo(NOT_MET);
    }

    @Test
    void aTrendAgainstAFixedYearComparesWithThatYearNotWithTheYearBefore() {
        // "skal stige i forhold til 2023" in a two-year plan: in its second year the reading before is 2025's, not 2023's.
        TargetRule t = target("kind", "TREND", "direction", "INCREASE", "comparedTo", "FIXED_YEAR", "referenceYear", 2023,
                "referenceValue", 400);
        assertThat(t.describe()).isEqualTo("Flere end i 2023 (400)");
        assertThat(t.comparisonLabel()).isEqualTo("Værdi i 2023");
        Reading year2025 = Reading.of(450.0, null);
        assertThat(t.evaluate(Reading.of(420.0, null).after(year2025))).as("fewer than in 2025, more than in 2023")
                .isEqualTo(MET);
        assertThat(t.evaluate(Reading.of(390.0, null).after(Reading.of(300.0, null)))).as("more than the year before, fewer than 2023")
                .isEqualTo(NOT_MET);
        assertThat(eval(t, 420.0, 430.0)).as("a reported 2023 value is used").isEqualTo(NOT_MET);
        TargetRule unknown = target("kind", "TREND", "direction", "INCREASE", "comparedTo", "FIXED_YEAR", "referenceYear", 2023);
        assertThat(unknown.evaluate(Reading.of(420.0, null).after(year2025))).as("2023's value neither printed nor reported")
                .isEqualTo(NO_DATA);
        assertThat(unknown.describe()).isEqualTo("Flere end i 2023");
    }

    @Test
    void monthsCountAsTheirLastDayOnThePathOfAChange() {
        TargetRule t = target("kind", "CHANGE_FROM_BASELINE", "baselineValue", 20, "baselineDate", "2024-12",
                "targetValue", 16, "targetDate", "2025-12", "betterWhen", "LOWER");
        assertThat(t.describe()).isEqualTo("Fra 20 (december 2024) til højst 16 (december 2025)");
        assertThat(t.evaluate(Reading.interim(17.9, null, MID_YEAR, null))).isEqualTo(ON_TRACK);
        assertThat(t.evaluate(Reading.interim(18.5, null, MID_YEAR, null))).isEqualTo(NOT_MET);
    }

    @Test
    void rankAmongTheBestMunicipalities() {
        TargetRule t = target("kind", "RANK", "scope", "IMPROVEMENT", "topPercent", 25);
        assertThat(eval(t, 25.0, null)).isEqualTo(MET);
        assertThat(eval(t, 25.1, null)).isEqualTo(NOT_MET);
        assertThat(eval(t, 3.0, null)).isEqualTo(MET);
        assertThat(eval(t, null, null)).isEqualTo(NO_DATA);
        assertThat(t.describe()).isEqualTo("Blandt de 25 % af kommunerne med den største forbedring");
    }

    @Test
    void changeFromBaselineIsOnTrackOnTheStraightLine() {
        // "fra 20 pct. i januar 2025 til højst 16 pct. i december 2025"
        TargetRule t = target("kind", "CHANGE_FROM_BASELINE", "baselineValue", 20, "baselineDate", "2025-01-01",
                "targetValue", 16, "targetDate", "2025-12-31", "betterWhen", "LOWER");
        assertThat(t.describe()).isEqualTo("Fra 20 (januar 2025) til højst 16 (december 2025)");
        assertThat(eval(t, 16.0, null)).isEqualTo(MET);
        assertThat(eval(t, 16.1, null)).isEqualTo(NOT_MET);
        assertThat(eval(t, null, null)).isEqualTo(NO_DATA);
        // Half-way through the year the line is at about 18.
        assertThat(t.evaluate(Reading.interim(17.9, null, MID_YEAR, null))).isEqualTo(ON_TRACK);
        assertThat(t.evaluate(Reading.interim(18.5, null, MID_YEAR, null))).isEqualTo(NOT_MET);
        TargetRule halved = target("kind", "CHANGE_FROM_BASELINE", "baselineValue", 100, "baselineDate", "2023-12-31",
                "targetValue", 50, "targetDate", "2025-12-31", "betterWhen", "LOWER");
        assertThat(eval(halved, 50.0, null)).isEqualTo(MET);
        TargetRule up = target("kind", "CHANGE_FROM_BASELINE", "baselineValue", 40, "targetValue", 50, "betterWhen", "HIGHER");
        assertThat(eval(up, 50.0, null)).isEqualTo(MET);
        assertThat(eval(up, 49.0, null)).isEqualTo(NOT_MET);
    }

    @Test
    void narrativeAndMissingTargetsAreNarrative() {
        assertThat(eval(target("kind", "NARRATIVE"), 12.0, null)).isEqualTo(NARRATIVE);
        assertThat(new TargetRule(null).narrative()).as("no target stored").isTrue();
        assertThat(eval(new TargetRule(null), 12.0, null)).isEqualTo(NARRATIVE);
    }
    // ---- a criterion with several targets: "mindst 120 i jobrotation; desuden 40 i fleksjob" ----
    private final TargetRule rotation = target("kind", "COUNT", "comparator", "AT_LEAST", "count", 120);
    private final TargetRule flex = target("kind", "COUNT", "comparator", "AT_LEAST", "count", 40);

    @Test
    void severalTargetsAreMetWhenEveryTargetIsMet() {

        assertThat(TargetRule.all(java.util.List.of(rotation.evaluate(Reading.of(125.0, null)), flex.evaluate(Reading.of(40.0, null)))))
                .isEqualTo(MET);
    }

    @Test
    void severalTargetsAreNotMetWhenOneTargetIsNotMet() {

        assertThat(TargetRule.all(java.util.List.of(rotation.evaluate(Reading.of(125.0, null)), flex.evaluate(Reading.of(39.0, null)))))
                .isEqualTo(NOT_MET);
        assertThat(TargetRule.all(java.util.List.of(ON_TRACK, NOT_MET, MET))).isEqualTo(NOT_MET);
    }

    @Test
    void severalTargetsAreOnTrackWhenNoneIsMissedButOneIsPending() {
        Reading flexInterim = Reading.interim(30.0, null, MID_YEAR, Reading.of(20.0, null)); // closer than before: on track

        assertThat(flex.evaluate(flexInterim)).isEqualTo(ON_TRACK);
        assertThat(TargetRule.all(java.util.List.of(rotation.evaluate(Reading.of(125.0, null)), flex.evaluate(flexInterim))))
                .isEqualTo(ON_TRACK);
        assertThat(TargetRule.all(java.util.List.of(MET, NO_DATA))).isEqualTo(ON_TRACK);
        assertThat(TargetRule.all(java.util.List.of(NO_DATA, NO_DATA))).isEqualTo(NO_DATA);
        assertThat(TargetRule.all(java.util.List.of(MET, NARRATIVE))).isEqualTo(MET);
        assertThat(TargetRule.all(java.util.List.of(NARRATIVE, NARRATIVE))).isEqualTo(NARRATIVE);
    }
}
