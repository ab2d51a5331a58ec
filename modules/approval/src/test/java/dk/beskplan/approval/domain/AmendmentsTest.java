package dk.beskplan.approval.domain;

import dk.beskplan.plandocument.CriterionTarget;
import dk.beskplan.plandocument.PlanDate;
import dk.beskplan.plandocument.Goal;
import dk.beskplan.plandocument.PlanDocument;
import dk.beskplan.plandocument.SuccessCriterion;
import dk.beskplan.plandocument.Target;
import dk.beskplan.platform.domain.Result;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static dk.beskplan.approval.domain.Amendment.Operation.ADD;
import static dk.beskplan.approval.domain.Amendment.Operation.REMOVE;
import static dk.beskplan.approval.domain.Amendment.Operation.REPLACE;
import static dk.beskplan.approval.domain.Amendment.Part.CRITERION;
import static dk.beskplan.approval.domain.Amendment.Part.GOAL;
import static dk.beskplan.approval.domain.Amendment.Part.INITIATIVE;
import static dk.beskplan.approval.domain.Amendment.Part.OBJECTIVE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committee's amendments applied to the typed plan document the committee was given: addresses are the submitted
 * numbering whatever the order, the submitted document never changes, and a refusal says which amendment is wrong.
 */
class AmendmentsTest {
    private static final Target SHARE = new Target.Share(Target.Comparator.AT_LEAST, 75);
    private static final SuccessCriterion SATISFIED = new SuccessCriterion("1a", "Mindst 75 pct. er tilfredse", null,
            "Andel tilfredse", "Brugerundersøgelse", null, PlanDate.of(LocalDate.of(2026, 12, 31)), List.of(), SHARE, false);

    private static PlanDocument plan() {
        Goal first = new Goal(Goal.Kind.LOCAL, null, "Lokalt mål 1", "Flere i job", List.of(), null,
                List.of("Flere ledige i job", "Færre på offentlig forsørgelse"), null,
                List.of(new PlanDocument.Initiative("Ledetråde", List.of(new PlanDocument.Paragraph("Tæt kontakt")))),
                null, List.of(SATISFIED), List.of());
        Goal second = Goal.local("Lokalt mål 2", "Virksomhederne får hjælp");
        return new PlanDocument("316", "Holbæk Kommune", 2026, 2026, "Beskæftigelsesplan 2026", "Udvalget", null, List.of(),
                new PlanDocument.Ambition(null, List.of(), List.of()), List.of(), List.of(), List.of(first, second), List.of(),
                List.of(), PlanDocument.Layout.STANDARD);
    }

    @Test
    void addressesAreTheSubmittedNumberingWhateverTheOrder() {
        PlanDocument submitted = plan();
        PlanDocument approved = accepted(Amendments.apply(submitted, List.of(
                new Amendment(REMOVE, OBJECTIVE, 1, 1, null),
                new Amendment(REPLACE, OBJECTIVE, 1, 2, "Færre på ydelse"),
                new Amendment(ADD, OBJECTIVE, 1, null, "Flere unge i uddannelse"))));

        assertThat(approved.goals().get(0).objectives()).containsExactly("Færre på ydelse", "Flere unge i uddannelse");
        assertThat(submitted.goals().get(0).objectives()).as("the submitted text is kept as it was")
                .containsExactly("Flere ledige i job", "Færre på offentlig forsørgelse");
    }

    /** Issue 17, item 4: a plan that does not number its goals; a goal the committee adds is not numbered either. */
    @Test
    void aGoalAddedToAPlanWithoutGoalLabelsHasNoneAndTheProtocolNamesGoalsByPosition() {
        PlanDocument submitted = plan().withGoals(plan().goals().stream().map(g -> new Goal(g.kind(), g.nationalGoal(), null,
                g.title(), g.introduction(), g.objectivesHeading(), g.objectives(), g.initiativesHeading(), g.initiatives(),
                g.successCriteriaHeading(), g.successCriteria(), g.sections())).toList());
        Amendment add = new Amendment(ADD, GOAL, 0, null, "Flere unge i uddannelse");
        PlanDocument approved = accepted(Amendments.apply(submitted, List.of(add)));

        assertThat(approved.goals()).extracting(Goal::label).containsOnlyNulls();
        assertThat(approved.goals().get(2).heading()).isEqualTo("Flere unge i uddannelse");
        assertThat(Amendments.describe(submitted, add)).isEqualTo("Nyt mål tilføjes: »Flere unge i uddannelse«");
        assertThat(Amendments.describe(submitted, new Amendment(REPLACE, GOAL, 1, null, "Flere i ordinære job")))
                .isEqualTo("Mål 1 (Flere i job) får titlen: »Flere i ordinære job«");
    }

    @Test
    void aCriterionsNewWordsKeepItsTargetAndAnAddedCriterionHasNone() {
        PlanDocument approved = accepted(Amendments.apply(plan(), List.of(
                new Amendment(REPLACE, CRITERION, 1, 1, "Mindst 80 pct. er tilfredse"),
                new Amendment(ADD, CRITERION, 2, null, "Flere virksomhedsbesøg"))));

        SuccessCriterion amended = approved.goals().get(0).successCriteria().get(0);
        assertThat(amended.text()).isEqualTo("Mindst 80 pct. er tilfredse");
        assertThat(amended.target()).isEqualTo(SHARE);
        assertThat(amended.deadline()).isEqualTo(PlanDate.of(LocalDate.of(2026, 12, 31)));
        assertThat(approved.goals().get(1).successCriteria()).singleElement()
                .satisfies(c -> assertThat(c.target()).isInstanceOf(Target.Narrative.class));
    }

    /**
     * The case from issue 17: "at the level of the national average" amended to "2 percentage points above it". The
     * approved document carries the new target, so follow-up evaluates what the committee decided.
     */
    @Test
    void aCriterionAmendedWithANewTargetCarriesItIntoTheApprovedText() {
        Target level = new Target.NationalAverage(Target.Relation.AT_LEVEL, 0, Target.BetterWhen.HIGHER);
        Target above = new Target.NationalAverage(Target.Relation.ABOVE, 2, Target.BetterWhen.HIGHER);
        PlanDocument submitted = withCriterion(new SuccessCriterion("2a", "Jobandelen skal være på niveau med landsgennemsnittet",
                null, "Andel i job", "Jobindsats.dk", null, PlanDate.of(LocalDate.of(2026, 12, 31)), List.of(), level, false));
        Amendment amendment = new Amendment(REPLACE, CRITERION, 1, 1,
                "Jobandelen skal være 2 procentpoint over landsgennemsnittet",
                new Amendment.Measure(above, LocalDate.of(2027, 6, 30), null, null));

        SuccessCriterion approved = accepted(Amendments.apply(submitted, List.of(amendment))).goals().get(0).successCriteria().get(0);

        assertThat(approved.text()).isEqualTo("Jobandelen skal være 2 procentpoint over landsgennemsnittet");
        assertThat(approved.target()).isEqualTo(above);
        assertThat(approved.deadline()).isEqualTo(PlanDate.of(LocalDate.of(2027, 6, 30)));
        assertThat(approved.indicator()).as("a field the amendment leaves out is kept").isEqualTo("Andel i job");
        assertThat(Amendments.describe(submitted, amendment)).isEqualTo("Lokalt mål 1 (Flere i job), succeskriterium 2a ændres til: "
                + "»Jobandelen skal være 2 procentpoint over landsgennemsnittet«; måltal: mindst 2 procentpoint over landsgennemsnittet; "
                + "frist: 30. juni 2027");
    }

    @Test
    void aCriterionMayKeepItsWordsAndChangeOnlyItsTarget() {
        Target eighty = new Target.Share(Target.Comparator.AT_LEAST, 80);
        Amendment amendment = new Amendment(REPLACE, CRITERION, 1, 1, null, new Amendment.Measure(eighty, null, null, "Ny måling"));

        SuccessCriterion approved = accepted(Amendments.apply(plan(), List.of(amendment))).goals().get(0).successCriteria().get(0);

        assertThat(approved.text()).isEqualTo(SATISFIED.text());
        assertThat(approved.target()).isEqualTo(eighty);
        assertThat(approved.dataSource()).isEqualTo("Ny måling");
        assertThat(Amendments.describe(plan(), amendment)).isEqualTo("Lokalt mål 1 (Flere i job), succeskriterium 1a "
                + "»Mindst 75 pct. er tilfredse« måles nu sådan: måltal: mindst 80 %; datakilde: Ny måling");
    }

    @Test
    void onlyACriterionGetsANewMeasure() {
        Amendment.Measure measure = new Amendment.Measure(SHARE, null, null, null);
        assertThat(refusal(Amendments.apply(plan(), List.of(new Amendment(REPLACE, OBJECTIVE, 1, 1, "x", measure)))))
                .isEqualTo("Ændring 1: kun et succeskriterium, der ændres eller tilføjes, kan få nyt måltal, frist, indikator eller datakilde");
        assertThat(refusal(Amendments.apply(plan(), List.of(new Amendment(REMOVE, CRITERION, 1, 1, null, measure)))))
                .startsWith("Ændring 1: kun et succeskriterium");
        assertThat(refusal(Amendments.apply(plan(), List.of(new Amendment(REPLACE, CRITERION, 1, 1, " ")))))
                .as("without a new measure the words are what changes").isEqualTo("Ændring 1: skriv den nye tekst");
    }

    @Test
    void anAddedCriterionMayComeWithItsTarget() {
        Target count = new Target.Count(Target.Comparator.AT_LEAST, 40);
        PlanDocument approved = accepted(Amendments.apply(plan(), List.of(new Amendment(ADD, CRITERION, 2, null,
                "Mindst 40 virksomhedsbesøg", new Amendment.Measure(count, LocalDate.of(2026, 12, 31), "Antal besøg", null)))));

        assertThat(approved.goals().get(1).successCriteria()).singleElement().satisfies(c -> {
            assertThat(c.target()).isEqualTo(count);
            assertThat(c.indicator()).isEqualTo("Antal besøg");
            assertThat(c.deadline()).isEqualTo(PlanDate.of(LocalDate.of(2026, 12, 31)));
        });
    }

    private static PlanDocument withCriterion(SuccessCriterion criterion) {
        PlanDocument plan = plan();
        Goal first = plan.goals().get(0);
        return plan.withGoals(List.of(first.withParts(first.objectives(), first.initiatives(), List.of(criterion)), plan.goals().get(1)));
    }

    @Test
    void goalsAreRenamedRemovedAndAddedWithTheNextLabel() {
        PlanDocument approved = accepted(Amendments.apply(plan(), List.of(
                new Amendment(REPLACE, GOAL, 1, null, "Flere i ordinære job"),
                new Amendment(REMOVE, GOAL, 2, null, null),
                new Amendment(ADD, GOAL, 0, null, "Flere unge i uddannelse"),
                new Amendment(REPLACE, INITIATIVE, 1, 1, "Samarbejde: Fælles indsats med virksomhederne"))));

        assertThat(approved.goals()).extracting(Goal::label, Goal::title).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Lokalt mål 1", "Flere i ordinære job"),
                org.assertj.core.groups.Tuple.tuple("Lokalt mål 2", "Flere unge i uddannelse"));
        assertThat(approved.goals().get(0).initiatives()).singleElement().satisfies(i -> {
            assertThat(i.title()).isEqualTo("Samarbejde");
            assertThat(i.blocks()).containsExactly(new PlanDocument.Paragraph("Fælles indsats med virksomhederne"));
        });
    }

    @Test
    void theProtocolNamesThePartByThePlansOwnLabelAndCode() {
        PlanDocument submitted = plan();
        assertThat(Amendments.describe(submitted, new Amendment(REPLACE, CRITERION, 1, 1, "Mindst 80 pct. er tilfredse")))
                .isEqualTo("Lokalt mål 1 (Flere i job), succeskriterium 1a ændres til: »Mindst 80 pct. er tilfredse«");
        assertThat(Amendments.describe(submitted, new Amendment(REMOVE, INITIATIVE, 1, 1, null)))
                .isEqualTo("Lokalt mål 1 (Flere i job), indsats 1 udgår: »Ledetråde: Tæt kontakt«");
        assertThat(Amendments.describe(submitted, new Amendment(ADD, GOAL, 0, null, "Flere unge i uddannelse")))
                .isEqualTo("Nyt mål tilføjes (Lokalt mål 3): »Flere unge i uddannelse«");
    }

    @Test
    void wrongAddressesAndContradictionsAreRefusedNamingTheAmendment() {
        assertThat(refusal(Amendments.apply(plan(), List.of(new Amendment(REPLACE, OBJECTIVE, 3, 1, "x")))))
                .isEqualTo("Ændring 1: den indsendte plan har ikke mål 3 (den har 2 mål)");
        assertThat(refusal(Amendments.apply(plan(), List.of(new Amendment(REPLACE, OBJECTIVE, 1, 1, "x"),
                new Amendment(REMOVE, OBJECTIVE, 1, 5, null)))))
                .isEqualTo("Ændring 2: mål 1 har ikke målsætning 5 (det har 2)");
        assertThat(refusal(Amendments.apply(plan(), List.of(new Amendment(REMOVE, GOAL, 2, null, null),
                new Amendment(ADD, OBJECTIVE, 2, null, "y")))))
                .isEqualTo("Mål 2 udgår og kan ikke samtidig ændres");
        assertThat(refusal(Amendments.apply(plan(), List.of()))).isEqualTo("Der er ingen ændringer");
    }

    /** Issue 17, item 2: a criterion with several targets; the committee changes one of them, the others stay. */
    @Test
    void anAmendmentReplacesTheNamedTargetOfSeveralAndKeepsTheOthers() {
        Target rotation = new Target.Count(Target.Comparator.AT_LEAST, 120);
        Target flex = new Target.Count(Target.Comparator.AT_LEAST, 40);
        SuccessCriterion two = SATISFIED.withTargets(List.of(new CriterionTarget(rotation, "Personer i jobrotation", null),
                new CriterionTarget(flex, "Borgere i fleksjob", null)));
        PlanDocument submitted = plan().withGoals(List.of(plan().goals().get(0).withParts(plan().goals().get(0).objectives(),
                plan().goals().get(0).initiatives(), List.of(two)), plan().goals().get(1)));
        Target fifty = new Target.Count(Target.Comparator.AT_LEAST, 50);
        Amendment amendment = new Amendment(REPLACE, CRITERION, 1, 1, null,
                new Amendment.Measure(fifty, LocalDate.of(2026, 6, 30), null, null, 2));

        SuccessCriterion approved = accepted(Amendments.apply(submitted, List.of(amendment))).goals().get(0).successCriteria().get(0);

        assertThat(approved.targets()).containsExactly(new CriterionTarget(rotation, "Personer i jobrotation", null),
                new CriterionTarget(fifty, "Borgere i fleksjob", PlanDate.of(LocalDate.of(2026, 6, 30))));
        assertThat(approved.deadline()).as("the criterion's deadline stays; the new one is the target's own").isEqualTo(SATISFIED.deadline());
        assertThat(Amendments.describe(submitted, amendment)).contains("måles nu sådan: måltal 2: mindst 50");
        assertThat(refusal(Amendments.apply(submitted, List.of(new Amendment(REPLACE, CRITERION, 1, 1, null,
                new Amendment.Measure(fifty, null, null, null, 3)))))).isEqualTo("Ændring 1: succeskriterium 1 under mål 1 har ikke måltal 3 (det har 2)");
    }

    private static PlanDocument accepted(Result<PlanDocument> result) {
        assertThat(result).isInstanceOf(Result.Accepted.class);
        return ((Result.Accepted<PlanDocument>) result).value();
    }

    private static String refusal(Result<PlanDocument> result) {
        assertThat(result).isInstanceOf(Result.Rejected.class);
        return ((Result.Rejected<PlanDocument>) result).reason();
    }
}
