package dk.beskplan.drafting.domain;

import dk.beskplan.plandocument.PlanDate;
import dk.beskplan.plandocument.PlanDocument;
import dk.beskplan.plandocument.Goal;
import dk.beskplan.plandocument.SuccessCriterion;
import dk.beskplan.plandocument.Target;
import dk.beskplan.plandocument.PlanDocumentReader;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dk.beskplan.drafting.domain.PlanComparison.Change;
import dk.beskplan.drafting.domain.PlanComparison.ChangeKind;
import dk.beskplan.drafting.domain.PlanComparison.Comparison;
import dk.beskplan.drafting.domain.PlanComparison.Element;
import dk.beskplan.drafting.domain.PlanComparison.Op;
import dk.beskplan.drafting.domain.PlanComparison.Segment;
import dk.beskplan.plandocument.PlanDocument.Ambition;
import dk.beskplan.plandocument.PlanDocument.Initiative;
import dk.beskplan.plandocument.PlanDocument.Paragraph;
import dk.beskplan.plandocument.PlanDocument.Placement;
import dk.beskplan.plandocument.PlanDocument.Section;
import io.micronaut.jackson.core.tree.JsonNodeTreeCodec;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dk.beskplan.plandocument.Target.BetterWhen.HIGHER;
import static dk.beskplan.plandocument.Target.BetterWhen.LOWER;
import static dk.beskplan.plandocument.Target.Comparator.AT_LEAST;
import static dk.beskplan.plandocument.Target.Comparator.AT_MOST;
import static dk.beskplan.plandocument.Target.Relation.ABOVE;
import static dk.beskplan.plandocument.Target.Relation.AT_LEVEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Comparing two versions of a plan: matching, moves, word diffs, and the two Holbæk plans side by side. */
class PlanComparisonTest {
    private static final String COMMITTEE = "Udvalget for Beskæftigelse, Uddannelse og Erhverv";
    private static final PlanDate END_2025 = PlanDate.of(LocalDate.of(2025, 12, 31));

    // ---------------------------------------------------------------------------------------------------
    // Goals

    @Test
    void identicalPlansHaveNoChanges() {
        assertThat(PlanComparison.compare(plan(fiveGoals()), plan(fiveGoals())).isEmpty()).isTrue();
        PlanDocument p = plan(fiveGoals(), List.of(criterion(null, "Borgerne skal klare sig bedre end forventet.", new Target.Narrative())),
                List.of(section("Bilag 2: Status", Placement.APPENDIX, "Status for 2024.")));
        assertThat(PlanComparison.compare(p, p).changes()).isEmpty();
    }

    @Test
    void anInsertedGoalIsOneAdditionAndMovesNothing() {
        List<Goal> after = new ArrayList<>(fiveGoals());
        after.add(2, goal(Goal.Kind.LOCAL, null, "Lokalt mål 6", "Flere unge skal i gang med en kompetencegivende uddannelse eller i job"));

        Comparison c = PlanComparison.compare(plan(fiveGoals()), plan(after));

        assertThat(c.changes()).hasSize(1);
        Change added = c.changes().get(0);
        assertThat(added.kind()).isEqualTo(ChangeKind.ADDED);
        assertThat(added.element()).isEqualTo(Element.GOAL);
        assertThat(added.where()).isEqualTo("Lokalt mål 6: Flere unge skal i gang med en kompetencegivende uddannelse…");
        assertThat(added.after()).isEqualTo("Lokalt mål 6: Flere unge skal i gang med en kompetencegivende uddannelse eller i job");
        assertThat(added.before()).isNull();
    }

    @Test
    void aRemovedGoalIsReportedWhereItStood() {
        List<Goal> before = fiveGoals();
        List<Goal> after = new ArrayList<>(before);
        after.remove(2);
        Goal fourth = after.get(2);
        after.set(2, withTitle(fourth, fourth.title() + " og fastholdes"));
        after.add(goal(Goal.Kind.LOCAL, null, "Lokalt mål 6", "Flere unge skal i uddannelse"));

        Comparison c = PlanComparison.compare(plan(before), plan(after));

        assertThat(c.changes()).extracting(Change::kind, Change::element, Change::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ChangeKind.REMOVED, Element.GOAL, null),
                org.assertj.core.groups.Tuple.tuple(ChangeKind.CHANGED, Element.GOAL, "Titel"),
                org.assertj.core.groups.Tuple.tuple(ChangeKind.ADDED, Element.GOAL, null));
        assertThat(c.changes().get(0).before()).isEqualTo("Beskæftigelsesmål 3: Flere flygtninge og familiesammenførte skal være selvforsørgende");
        assertThat(c.count(ChangeKind.MOVED)).isZero();
    }

    @Test
    void movingOneGoalReportsExactlyOneMove() {
        List<Goal> before = fiveGoals();
        List<Goal> firstToLast = new ArrayList<>(before.subList(1, 5));
        firstToLast.add(before.get(0));

        Comparison c = PlanComparison.compare(plan(before), plan(firstToLast));

        assertThat(c.changes()).hasSize(1);
        Change moved = c.changes().get(0);
        assertThat(moved.kind()).isEqualTo(ChangeKind.MOVED);
        assertThat(moved.where()).startsWith("Beskæftigelsesmål 1: Alle ledige");
        assertThat(moved.fromPosition()).isEqualTo(1);
        assertThat(moved.toPosition()).isEqualTo(5);

        List<Goal> lastToFirst = new ArrayList<>(before.subList(0, 4));
        lastToFirst.add(0, before.get(4));
        Comparison back = PlanComparison.compare(plan(before), plan(lastToFirst));
        assertThat(back.changes()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(ChangeKind.MOVED);
            assertThat(m.where()).startsWith("Beskæftigelsesmål 5:");
            assertThat(m.fromPosition()).isEqualTo(5);
            assertThat(m.toPosition()).isEqualTo(1);
        });
    }

    @Test
    void aRenumberedAndRetitledGoalIsKnownByItsNationalGoal() {
        List<Goal> after = new ArrayList<>(fiveGoals());
        Goal first = after.get(0);
        after.set(0, new Goal(first.kind(), first.nationalGoal(), "Ministermål 1", "Alle borgere skal mødes med respekt",
                first.introduction(), first.objectivesHeading(), first.objectives(), first.initiativesHeading(), first.initiatives(),
                first.successCriteriaHeading(), first.successCriteria(), first.sections()));

        Comparison c = PlanComparison.compare(plan(fiveGoals()), plan(after));

        assertThat(c.changes()).extracting(Change::field).containsExactly("Nummer", "Titel");
        assertThat(c.changes()).allSatisfy(ch -> assertThat(ch.where()).isEqualTo("Ministermål 1: Alle borgere skal mødes med respekt"));
        assertThat(c.changes().get(0).before()).isEqualTo("Beskæftigelsesmål 1");
    }

    // ---------------------------------------------------------------------------------------------------
    // A goal's children

    @Test
    void aChangedCriterionTextComesWithAWordDiff() {
        String before = "Ved udgangen af 2025 vil 75 pct. af adspurgte borgere erklære sig enige.";
        String after = "I 2025 vil 80 pct. af adspurgte borgere erklære sig enige eller meget enige.";
        Target target = new Target.Share(AT_LEAST, 75);

        Comparison c = PlanComparison.compare(plan(goalsWith(g -> withCriteria(g, criterion(null, before, target)))),
                plan(goalsWith(g -> withCriteria(g, criterion(null, after, target)))));

        assertThat(c.changes()).singleElement().satisfies(ch -> {
            assertThat(ch.kind()).isEqualTo(ChangeKind.CHANGED);
            assertThat(ch.element()).isEqualTo(Element.SUCCESS_CRITERION);
            assertThat(ch.field()).isEqualTo("Tekst");
            assertThat(ch.where()).isEqualTo("Beskæftigelsesmål 1: Alle ledige skal have en værdig sagsbehandling · Succeskriterium 1");
            assertThat(ch.before()).isEqualTo(before);
            assertThat(ch.after()).isEqualTo(after);
            assertThat(join(ch.wordDiff(), Op.REMOVED)).isEqualTo(before);
            assertThat(join(ch.wordDiff(), Op.ADDED)).isEqualTo(after);
            assertThat(ch.wordDiff()).contains(new Segment(Op.REMOVED, "75"), new Segment(Op.ADDED, "80"),
                    new Segment(Op.SAME, " pct. af adspurgte borgere erklære sig"));
        });
    }

    @Test
    void aNewTargetIsReportedAsMaalvaerdi() {
        String text = "I 2025 vil 75 pct. af adspurgte borgere erklære sig enige.";
        Comparison c = PlanComparison.compare(
                plan(goalsWith(g -> withCriteria(g, criterion("1a", text, new Target.Share(AT_LEAST, 75))))),
                plan(goalsWith(g -> withCriteria(g, criterion("1a", text, new Target.Share(AT_LEAST, 80.5))))));

        assertThat(c.changes()).singleElement().satisfies(ch -> {
            assertThat(ch.field()).isEqualTo("Målværdi");
            assertThat(ch.where()).endsWith(" · Succeskriterium 1a");
            assertThat(ch.before()).isEqualTo("mindst 75 %");
            assertThat(ch.after()).isEqualTo("mindst 80,5 %");
            assertThat(ch.wordDiff()).isEmpty();
        });
    }

    /** Issue 17: a criterion that gets a second target is reported with every target in words, before and after. */
    @Test
    void aSecondTargetIsReportedWithEveryTargetInWords() {
        SuccessCriterion one = criterion("2a", "Mindst 120 personer i jobrotation; desuden 40 borgere i fleksjob",
                new Target.Count(Target.Comparator.AT_LEAST, 120));
        SuccessCriterion two = one.withTargets(List.of(new dk.beskplan.plandocument.CriterionTarget(one.target(), "Personer i jobrotation", null),
                new dk.beskplan.plandocument.CriterionTarget(new Target.Count(Target.Comparator.AT_LEAST, 40), "Borgere i fleksjob",
                        PlanDate.of(java.time.YearMonth.of(2025, 6)))));

        Comparison c = PlanComparison.compare(plan(goalsWith(g -> withCriteria(g, one))), plan(goalsWith(g -> withCriteria(g, two))));

        assertThat(c.changes()).singleElement().satisfies(ch -> {
            assertThat(ch.field()).isEqualTo("Målværdi");
            assertThat(ch.before()).isEqualTo("mindst 120");
            assertThat(ch.after()).isEqualTo("mindst 120 (personer i jobrotation); mindst 40 (borgere i fleksjob, senest juni 2025)");
        });
    }

    @Test
    void aCriterionKeepsItsIdentityByCodeAndReportsItsDeadline() {
        SuccessCriterion old = criterion("2b", "Ledigheden skal falde.", new Target.Trend(Target.Trend.Direction.DECREASE, Target.Trend.ComparedTo.ROLLING_YEAR));
        SuccessCriterion renewed = new SuccessCriterion("2b", "Noget helt andet om virksomhederne.", null, null, "Jobindsats.dk", "Halvårligt",
                PlanDate.of(LocalDate.of(2026, 6, 30)), List.of(), old.target(), false);

        Comparison c = PlanComparison.compare(plan(goalsWith(g -> withCriteria(g, old))), plan(goalsWith(g -> withCriteria(g, renewed))));

        assertThat(c.count(ChangeKind.ADDED) + c.count(ChangeKind.REMOVED)).isZero();
        assertThat(c.changes()).extracting(Change::field).containsExactly("Tekst", "Frist");
        assertThat(c.changes().get(1).before()).isEqualTo("31. december 2025");
        assertThat(c.changes().get(1).after()).isEqualTo("30. juni 2026");
    }

    @Test
    void aSlightlyRewordedObjectiveIsChangedNotReplaced() {
        UnaryOperator<Goal> before = g -> withObjectives(g, "Flere ledige skal opkvalificeres mod et realistisk arbejdsmarked og direkte ansættelse.",
                "Holbæk Kommune vil have fokus på mangelområder.");
        UnaryOperator<Goal> after = g -> withObjectives(g, "Flere ledige skal opkvalificeres mod arbejdsmarkedets behov og direkte ansættelse.",
                "Alle virksomheder skal kunne rekruttere.");

        Comparison c = PlanComparison.compare(plan(goalsWith(before)), plan(goalsWith(after)));

        List<Change> objectives = c.ofElement(Element.OBJECTIVE);
        assertThat(objectives).extracting(Change::kind).containsExactly(ChangeKind.CHANGED, ChangeKind.REMOVED, ChangeKind.ADDED);
        assertThat(objectives.get(0).where()).endsWith(" · Målsætning 1");
        assertThat(objectives.get(0).wordDiff()).contains(new Segment(Op.REMOVED, "et realistisk arbejdsmarked"),
                new Segment(Op.ADDED, "arbejdsmarkedets behov"));
        assertThat(objectives.get(1).before()).isEqualTo("Holbæk Kommune vil have fokus på mangelområder.");
        assertThat(objectives.get(2).after()).isEqualTo("Alle virksomheder skal kunne rekruttere.");
    }

    @Test
    void initiativesAreMatchedByTitleEvenWhenTitlesRepeat() {
        UnaryOperator<Goal> before = g -> withInitiatives(g, initiative("Samarbejde", "Med skolerne."),
                initiative("Sprog", "Danskundervisning."), initiative("Samarbejde", "Med virksomhederne."));
        UnaryOperator<Goal> after = g -> withInitiatives(g, initiative("Samarbejde", "Med skolerne."),
                initiative("Samarbejde", "Med virksomhederne og fagforeningerne."));

        Comparison c = PlanComparison.compare(plan(goalsWith(before)), plan(goalsWith(after)));

        assertThat(c.changes()).extracting(Change::kind, Change::field, Change::where).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ChangeKind.REMOVED, null, "Beskæftigelsesmål 1: Alle ledige skal have en værdig sagsbehandling · Indsats «Sprog»"),
                org.assertj.core.groups.Tuple.tuple(ChangeKind.CHANGED, "Tekst", "Beskæftigelsesmål 1: Alle ledige skal have en værdig sagsbehandling · Indsats «Samarbejde»"));
    }

    // ---------------------------------------------------------------------------------------------------
    // Plan level

    @Test
    void planFieldsComeFirstAndOverallCriteriaAndSectionsAreCompared() {
        PlanDocument before = plan(fiveGoals(), List.of(criterion(null, "Holbæk skal klare sig bedre end forventet.", new Target.Narrative())),
                List.of(section("Bilag 2: Status", Placement.APPENDIX, "Status for 2024."),
                        section("Organisering", Placement.AFTER_GOALS, "Jobcentret er organiseret i tre afdelinger.")));
        PlanDocument after = new PlanDocument("316", "Holbæk Kommune", 2026, 2026, "Beskæftigelsesplan 2026", COMMITTEE, null,
                before.introduction(), before.ambition(),
                List.of(criterion(null, "Holbæk skal klare sig bedre end forventet.", new Target.NationalAverage(ABOVE, 2, HIGHER))),
                List.of(), fiveGoals(),
                List.of(section("Organisering", Placement.BEFORE_GOALS, "Jobcentret er organiseret i tre afdelinger."),
                        section("Bilag 2: Status", Placement.APPENDIX, "Status for 2025.")),
                List.of(), null);

        Comparison c = PlanComparison.compare(before, after);

        assertThat(c.changes()).extracting(Change::kind, Change::where, Change::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ChangeKind.CHANGED, "Planen", "Titel"),
                org.assertj.core.groups.Tuple.tuple(ChangeKind.CHANGED, "Planen", "Periode"),
                org.assertj.core.groups.Tuple.tuple(ChangeKind.CHANGED, "Overordnede succeskriterier · Succeskriterium 1", "Målværdi"),
                org.assertj.core.groups.Tuple.tuple(ChangeKind.MOVED, "Afsnit «Organisering»", null),
                org.assertj.core.groups.Tuple.tuple(ChangeKind.CHANGED, "Afsnit «Organisering»", "Placering"),
                org.assertj.core.groups.Tuple.tuple(ChangeKind.CHANGED, "Afsnit «Bilag 2: Status»", "Tekst"));
        assertThat(c.changes().get(0).wordDiff()).containsExactly(new Segment(Op.SAME, "Beskæftigelsesplan "),
                new Segment(Op.REMOVED, "2025"), new Segment(Op.ADDED, "2026"));
        assertThat(c.changes().get(2).before()).isEqualTo("intet måltal: status beskrives i ord");
        assertThat(c.changes().get(2).after()).isEqualTo("mindst 2 procentpoint over landsgennemsnittet");
        assertThat(c.changes().get(4).before()).isEqualTo("efter målene");
        assertThat(c.changes().get(4).after()).isEqualTo("før målene");
        assertThat(c.ofElement(Element.SECTION)).hasSize(3);
    }

    @Test
    void describesEveryKindOfTarget() {
        assertThat(PlanComparison.describe(new Target.Share(AT_MOST, 10))).isEqualTo("højst 10 %");
        assertThat(PlanComparison.describe(new Target.NationalAverage(AT_LEVEL, 0, LOWER))).isEqualTo("højst på niveau med landsgennemsnittet (±0,5 procentpoint)");
        assertThat(PlanComparison.describe(new Target.NationalAverage(AT_LEVEL, 0, HIGHER))).isEqualTo("mindst på niveau med landsgennemsnittet (±0,5 procentpoint)");
        assertThat(PlanComparison.describe(new Target.RegionalAverage(AT_LEVEL, 0, LOWER, "Sjælland", true)))
                .isEqualTo("højst på niveau med gennemsnittet for Sjælland (±0,5 procentpoint), eller tættere på det end ved sidste måling");
        assertThat(PlanComparison.describe(new Target.Count(AT_LEAST, 700))).isEqualTo("mindst 700");
        assertThat(PlanComparison.describe(new Target.Trend(Target.Trend.Direction.INCREASE, Target.Trend.ComparedTo.PREVIOUS_PERIOD)))
                .isEqualTo("flere end i den foregående periode");
        assertThat(PlanComparison.describe(new Target.Rank(Target.Rank.Scope.IMPROVEMENT, 25)))
                .isEqualTo("blandt de 25 % af kommunerne med den største forbedring");
        assertThat(PlanComparison.describe(new Target.ChangeFromBaseline(20, PlanDate.of(LocalDate.of(2024, 1, 31)), 16, END_2025, LOWER)))
                .isEqualTo("fra 20 (januar 2024) til højst 16 (december 2025)");
    }

    // ---------------------------------------------------------------------------------------------------
    // Word diff

    @Test
    void wordDiffKeepsWordsWholeAndFoldsSpacesBetweenChanges() {
        assertThat(PlanComparison.wordDiff("Mindst 75 pct. af borgerne", "Mindst 80 pct. af alle borgerne")).containsExactly(
                new Segment(Op.SAME, "Mindst "), new Segment(Op.REMOVED, "75"), new Segment(Op.ADDED, "80"),
                new Segment(Op.SAME, " pct. af"), new Segment(Op.ADDED, " alle"), new Segment(Op.SAME, " borgerne"));
        // Three word swaps separated by shared spaces read as one replacement.
        assertThat(PlanComparison.wordDiff("den store kat", "en lille hund")).containsExactly(
                new Segment(Op.REMOVED, "den store kat"), new Segment(Op.ADDED, "en lille hund"));
        assertThat(PlanComparison.wordDiff("Samme tekst.", "Samme tekst.")).containsExactly(new Segment(Op.SAME, "Samme tekst."));
        assertThat(PlanComparison.wordDiff(null, "Ny")).containsExactly(new Segment(Op.ADDED, "Ny"));
        assertThat(PlanComparison.wordDiff("", "")).isEmpty();
    }

    /**
     * A 1.6 MB text (issue 15: 39 s with the old word diff) changed near its start, middle and end. The old diff gave
     * up on alignment above four million token pairs and reported the whole text replaced; now the text is compared
     * paragraph by paragraph and only the three changed paragraphs are reported, the rest stays as it was.
     */
    @Test
    void aVeryLongTextIsComparedByParagraphsAndOnlyItsChangedParagraphsAreReported() {
        StringBuilder text = new StringBuilder();
        int paragraphs = 1_600;
        for (int i = 0; i < paragraphs; i++) {
            text.append("Afsnit ").append(i).append(": flere ledige i job og uddannelse, ")
                    .append("og virksomhederne får den arbejdskraft de har brug for. ".repeat(18)).append('\n');
        }
        String before = text.toString();
        assertThat(before.length()).isGreaterThan(1_600_000);
        String after = before.replace("Afsnit 0:", "Afsnit nul:").replace("Afsnit 800:", "Afsnit otte hundrede:")
                .replace("Afsnit 1599:", "Afsnit sidste:");

        List<Segment> diff = PlanComparison.wordDiff(before, after);

        assertThat(join(diff, Op.REMOVED)).isEqualTo(before);
        assertThat(join(diff, Op.ADDED)).isEqualTo(after);
        int unchanged = diff.stream().filter(d -> d.op() == Op.SAME).mapToInt(d -> d.text().length()).sum();
        assertThat(unchanged).as("all but the three changed paragraphs are unchanged").isGreaterThan(before.length() - 4_000);
        assertThat(diff.stream().filter(d -> d.op() == Op.ADDED)).hasSize(3)
                .allSatisfy(d -> assertThat(d.text()).containsAnyOf("nul:", "otte hundrede:", "sidste"));
    }

    /** Below the paragraph cap the diff is word by word, however many words differ (Myers' diff, not a table). */
    @Test
    void aLongTextWithManyChangesIsStillComparedWordByWord() {
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        for (int i = 0; i < 900; i++) {
            before.append(" ord").append(i);
            after.append(" ord").append(i % 7 == 0 ? "x" + i : i);
        }
        List<Segment> diff = PlanComparison.wordDiff(before.toString(), after.toString());
        assertThat(join(diff, Op.REMOVED)).isEqualTo(before.toString());
        assertThat(join(diff, Op.ADDED)).isEqualTo(after.toString());
        assertThat(diff).contains(new Segment(Op.REMOVED, "ord7"), new Segment(Op.ADDED, "ordx7"));
        assertThat(diff.stream().filter(d -> d.op() == Op.ADDED)).hasSize(129);
    }

    /**
     * The round trip over a few hundred random pairs. Pairs made by only inserting (or only deleting)
     * whole words must not report any shared word as removed (added): that catches a diff that gives up
     * and replaces everything, which would round-trip just as well.
     */
    @Test
    void wordDiffRoundTripsOverRandomTexts() {
        // Anything goes: pieces run together into new tokens ("mål" + "job" is one word).
        String[] pieces = {"mål", "ledige", "job", "Ærø", "øget", "2025", "pct", "a", "b",
                " ", " ", "  ", "\n", "\n\n", ",", ".", "–", "«", "»", "(", ")", "%"};
        // Units that never run together, so inserting or deleting one leaves every other token whole.
        String[] units = {" mål", " ledige", " job", " Ærø", " 2025", " pct.", ",", ".", " (øget)", " «a»", " b"};
        Random random = new Random(20250101L);
        for (int round = 0; round < 400; round++) {
            int mode = round % 4;
            String[] vocabulary = mode < 2 ? units : pieces;
            List<String> original = randomPieces(random, vocabulary, random.nextInt(40));
            List<String> edited = new ArrayList<>(original);
            int edits = 1 + random.nextInt(6);
            for (int e = 0; e < edits; e++) {
                switch (mode) {
                    case 0 -> edited.add(random.nextInt(edited.size() + 1), vocabulary[random.nextInt(vocabulary.length)]);
                    case 1 -> {
                        if (!edited.isEmpty()) {
                            edited.remove(random.nextInt(edited.size()));
                        }
                    }
                    case 2 -> {
                        if (!edited.isEmpty()) {
                            edited.set(random.nextInt(edited.size()), vocabulary[random.nextInt(vocabulary.length)]);
                        }
                    }
                    default -> edited = randomPieces(random, vocabulary, random.nextInt(40));
                }
            }
            String before = String.join("", original);
            String after = String.join("", edited);
            List<Segment> diff = PlanComparison.wordDiff(before, after);
            String pair = "round " + round + ": «" + before + "» → «" + after + "» gave " + diff;

            assertThat(join(diff, Op.REMOVED)).as(pair).isEqualTo(before);
            assertThat(join(diff, Op.ADDED)).as(pair).isEqualTo(after);
            for (int k = 0; k < diff.size(); k++) {
                assertThat(diff.get(k).text()).as(pair).isNotEmpty();
                if (k > 0) {
                    assertThat(diff.get(k).op()).as("merged: " + pair).isNotEqualTo(diff.get(k - 1).op());
                }
            }
            if (before.equals(after)) {
                assertThat(diff).as(pair).allMatch(s -> s.op() == Op.SAME);
            }
            if (mode == 0) {
                assertThat(changed(diff, Op.REMOVED)).as("insertions only: " + pair).isBlank();
            }
            if (mode == 1) {
                assertThat(changed(diff, Op.ADDED)).as("deletions only: " + pair).isBlank();
            }
        }
    }

    @Test
    void wordDiffOfVeryLongTextsStaysCheap() {
        String shared = "Indledning uden ændringer. ";
        String before = shared + IntStream.range(0, 3000).mapToObj(i -> "f" + i).collect(Collectors.joining(" "));
        String after = shared + IntStream.range(0, 3000).mapToObj(i -> "e" + i).collect(Collectors.joining(" "));

        long start = System.nanoTime();
        List<Segment> diff = PlanComparison.wordDiff(before, after);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(join(diff, Op.REMOVED)).isEqualTo(before);
        assertThat(join(diff, Op.ADDED)).isEqualTo(after);
        assertThat(diff.get(0)).isEqualTo(new Segment(Op.SAME, shared));
        assertThat(diff).hasSize(3);
        assertThat(millis).as("milliseconds").isLessThan(2000);
    }

    // ---------------------------------------------------------------------------------------------------
    // The real thing: Holbæk 2023 against Holbæk 2025

    @Test
    void holbaek2023Against2025() throws IOException {
        PlanDocument y2023 = demo("holbaek-2023.json");
        PlanDocument y2025 = demo("holbaek-2025.json");

        assertThat(PlanComparison.compare(y2025, y2025).isEmpty()).isTrue();
        Comparison c = PlanComparison.compare(y2023, y2025);

        // The same six goals, in the same order; five of them were renumbered from "Ministermål n".
        List<Change> goals = c.ofElement(Element.GOAL);
        assertThat(goals).noneMatch(ch -> ch.kind() != ChangeKind.CHANGED);
        assertThat(goals).filteredOn(ch -> "Nummer".equals(ch.field())).extracting(Change::before, Change::after).contains(
                org.assertj.core.groups.Tuple.tuple("Ministermål 1", "Beskæftigelsesmål 1"),
                org.assertj.core.groups.Tuple.tuple("Lokalt mål 6", "Beskæftigelsesmål 6"));
        assertThat(goals).filteredOn(ch -> "Titel".equals(ch.field())).isEmpty();
        assertThat(c.changes()).filteredOn(ch -> "Periode".equals(ch.field())).singleElement()
                .satisfies(ch -> assertThat(ch.after()).isEqualTo("2025"));

        // Refugees: from the national average to five points above it.
        assertThat(c.changes()).filteredOn(ch -> "Målværdi".equals(ch.field()) && ch.where().startsWith("Beskæftigelsesmål 3:"))
                .singleElement().satisfies(ch -> {
                    assertThat(ch.before()).isEqualTo("mindst på niveau med landsgennemsnittet (±0,5 procentpoint)");
                    assertThat(ch.after()).isEqualTo("mindst 5 procentpoint over landsgennemsnittet");
                });
        // The companies' satisfaction survey was kept with a higher bar.
        assertThat(c.changes()).filteredOn(ch -> "Målværdi".equals(ch.field()) && ch.where().startsWith("Beskæftigelsesmål 5:"))
                .extracting(Change::before, Change::after).containsExactly(org.assertj.core.groups.Tuple.tuple("mindst 75 %", "mindst 80 %"));
        // "Flere ledige skal opkvalificeres mod et realistisk arbejdsmarked …" was reworded, not replaced.
        assertThat(c.changes()).filteredOn(ch -> ch.element() == Element.OBJECTIVE && ch.where().startsWith("Beskæftigelsesmål 2:"))
                .extracting(Change::kind).containsOnly(ChangeKind.CHANGED);
        // Goal 1 gained criteria (one in 2023, four in 2025); goal 5 lost its count of 700 applications.
        assertThat(c.changes()).filteredOn(ch -> ch.element() == Element.SUCCESS_CRITERION && ch.kind() == ChangeKind.ADDED
                && ch.where().startsWith("Beskæftigelsesmål 1:")).hasSize(3);
        assertThat(c.changes()).filteredOn(ch -> ch.kind() == ChangeKind.REMOVED && ch.before() != null && ch.before().contains("700"))
                .singleElement().satisfies(ch -> assertThat(ch.element()).isEqualTo(Element.SUCCESS_CRITERION));
        // Every changed text round-trips.
        assertThat(c.changes()).filteredOn(ch -> !ch.wordDiff().isEmpty()).isNotEmpty().allSatisfy(ch -> {
            assertThat(join(ch.wordDiff(), Op.REMOVED)).isEqualTo(ch.before() == null ? "" : ch.before());
            assertThat(join(ch.wordDiff(), Op.ADDED)).isEqualTo(ch.after() == null ? "" : ch.after());
        });
    }

    // ---------------------------------------------------------------------------------------------------
    // Fixtures

    private static PlanDocument plan(List<Goal> goals) {
        return plan(goals, List.of(), List.of());
    }

    private static PlanDocument plan(List<Goal> goals, List<SuccessCriterion> overall, List<Section> sections) {
        return new PlanDocument("316", "Holbæk Kommune", 2025, 2025, "Beskæftigelsesplan 2025", COMMITTEE, null,
                List.of(new Paragraph("Planen sætter de overordnede rammer.")),
                new Ambition(null, List.of(), List.of("Flest mulige borgere skal i job eller uddannelse.")),
                overall, List.of(), goals, sections, List.of(), null);
    }

    /** The five national goals as Holbæk 2025 numbers them, each with one objective and one criterion. */
    private static List<Goal> fiveGoals() {
        return List.of(
                goal(Goal.Kind.NATIONAL, "2022-4", "Beskæftigelsesmål 1", "Alle ledige skal have en værdig sagsbehandling"),
                goal(Goal.Kind.NATIONAL, "2022-1", "Beskæftigelsesmål 2", "Flere ledige skal opkvalificeres"),
                goal(Goal.Kind.NATIONAL, "2022-2", "Beskæftigelsesmål 3", "Flere flygtninge og familiesammenførte skal være selvforsørgende"),
                goal(Goal.Kind.NATIONAL, "2022-3", "Beskæftigelsesmål 4", "Flere personer med handicap skal i beskæftigelse"),
                goal(Goal.Kind.NATIONAL, "2022-5", "Beskæftigelsesmål 5", "Virksomhederne skal sikres den nødvendige og kvalificerede arbejdskraft"));
    }

    /** The five goals with the first one changed. */
    private static List<Goal> goalsWith(UnaryOperator<Goal> firstGoal) {
        List<Goal> goals = new ArrayList<>(fiveGoals());
        goals.set(0, firstGoal.apply(goals.get(0)));
        return goals;
    }

    private static Goal goal(Goal.Kind kind, String nationalGoal, String label, String title) {
        return new Goal(kind, nationalGoal, label, title, List.of(), "Målsætning", List.of(title + "."), "Indsatser",
                List.of(initiative("Samarbejde", "Jobcentret samarbejder om: " + title)), "Succeskriterier",
                List.of(criterion(null, "Status på «" + title + "» følges.", new Target.Narrative())), List.of());
    }

    private static Goal withTitle(Goal g, String title) {
        return new Goal(g.kind(), g.nationalGoal(), g.label(), title, g.introduction(), g.objectivesHeading(), g.objectives(),
                g.initiativesHeading(), g.initiatives(), g.successCriteriaHeading(), g.successCriteria(), g.sections());
    }

    private static Goal withObjectives(Goal g, String... objectives) {
        return new Goal(g.kind(), g.nationalGoal(), g.label(), g.title(), g.introduction(), g.objectivesHeading(), List.of(objectives),
                g.initiativesHeading(), g.initiatives(), g.successCriteriaHeading(), g.successCriteria(), g.sections());
    }

    private static Goal withInitiatives(Goal g, Initiative... initiatives) {
        return new Goal(g.kind(), g.nationalGoal(), g.label(), g.title(), g.introduction(), g.objectivesHeading(), g.objectives(),
                g.initiativesHeading(), List.of(initiatives), g.successCriteriaHeading(), g.successCriteria(), g.sections());
    }

    private static Goal withCriteria(Goal g, SuccessCriterion... criteria) {
        return new Goal(g.kind(), g.nationalGoal(), g.label(), g.title(), g.introduction(), g.objectivesHeading(), g.objectives(),
                g.initiativesHeading(), g.initiatives(), g.successCriteriaHeading(), List.of(criteria), g.sections());
    }

    private static SuccessCriterion criterion(String code, String text, Target target) {
        return new SuccessCriterion(code, text, null, null, "Jobindsats.dk", "Halvårligt", END_2025, List.of(), target, false);
    }

    private static Initiative initiative(String title, String text) {
        return new Initiative(title, List.of(new Paragraph(text)));
    }

    private static Section section(String heading, Placement placement, String text) {
        return new Section(heading, placement, List.of(new Paragraph(text)));
    }

    /** A demo plan read the way an import reads it, with Jackson's parser instead of a running application. */
    private static PlanDocument demo(String file) throws IOException {
        try (InputStream in = PlanComparisonTest.class.getResourceAsStream("/demo-plans/" + file)) {
            if (in == null) {
                fail("no demo plan " + file);
            }
            try (JsonParser parser = new JsonFactory().createParser(in)) {
                return PlanDocumentReader.read(JsonNodeTreeCodec.getInstance().readTree(parser));
            }
        }
    }

    private static List<String> randomPieces(Random random, String[] vocabulary, int count) {
        List<String> pieces = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            pieces.add(vocabulary[random.nextInt(vocabulary.length)]);
        }
        return pieces;
    }

    /** The text of one side: SAME segments plus the given kind of change. */
    private static String join(List<Segment> diff, Op side) {
        return diff.stream().filter(s -> s.op() == Op.SAME || s.op() == side).map(Segment::text).collect(Collectors.joining());
    }

    private static String changed(List<Segment> diff, Op op) {
        return diff.stream().filter(s -> s.op() == op).map(Segment::text).collect(Collectors.joining());
    }
}
