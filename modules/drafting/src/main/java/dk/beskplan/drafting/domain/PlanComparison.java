package dk.beskplan.drafting.domain;

import dk.beskplan.plandocument.PlanDocument;
import dk.beskplan.plandocument.Goal;
import dk.beskplan.plandocument.SuccessCriterion;
import dk.beskplan.plandocument.Target;
import dk.beskplan.drafting.domain.PlanAlignment.LastPair;
import dk.beskplan.drafting.domain.PlanAlignment.Same;
import dk.beskplan.drafting.domain.PlanAlignment.Similar;
import dk.beskplan.drafting.domain.PlanAlignment.Step;
import dk.beskplan.plandocument.PlanDocument.Ambition;
import dk.beskplan.plandocument.PlanDocument.Foreword;
import dk.beskplan.plandocument.PlanDocument.Initiative;
import dk.beskplan.plandocument.PlanDocument.Section;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import static dk.beskplan.drafting.domain.ComparisonWording.ambitionHeading;
import static dk.beskplan.drafting.domain.ComparisonWording.baselines;
import static dk.beskplan.drafting.domain.ComparisonWording.blocks;
import static dk.beskplan.drafting.domain.ComparisonWording.criterionWhere;
import static dk.beskplan.drafting.domain.ComparisonWording.date;
import static dk.beskplan.drafting.domain.ComparisonWording.goalText;
import static dk.beskplan.drafting.domain.ComparisonWording.goalWhere;
import static dk.beskplan.drafting.domain.ComparisonWording.initiativeText;
import static dk.beskplan.drafting.domain.ComparisonWording.initiativeWhere;
import static dk.beskplan.drafting.domain.ComparisonWording.kind;
import static dk.beskplan.drafting.domain.ComparisonWording.objectiveWhere;
import static dk.beskplan.drafting.domain.ComparisonWording.overviewHeading;
import static dk.beskplan.drafting.domain.ComparisonWording.period;
import static dk.beskplan.drafting.domain.ComparisonWording.placement;
import static dk.beskplan.drafting.domain.ComparisonWording.sectionText;
import static dk.beskplan.drafting.domain.ComparisonWording.sectionWhere;
import static dk.beskplan.drafting.domain.ComparisonWording.signature;
import static dk.beskplan.drafting.domain.ComparisonWording.yesNo;
import static dk.beskplan.drafting.domain.PlanAlignment.align;
import static dk.beskplan.drafting.domain.PlanAlignment.none;

/**
 * What changed between two versions of a plan, element by element, the way a committee secretary reads
 * it: "Beskæftigelsesmål 3 · Succeskriterium 1: Målværdi «på niveau med landsgennemsnittet» → «5
 * procentpoint over landsgennemsnittet»". Used both for two revisions of one draft and for this year's
 * draft against last year's approved plan, so elements are matched by what they say (title, catalogue
 * key, number, similar wording) rather than by position: plans renumber and reorder their goals.
 *
 * <p>Which {@link Element} a change is about: {@code PLAN} the plan's own short fields (title, committee,
 * period, layout); {@code TEXT} the plan's free texts (foreword, introduction, ambition, …); {@code GOAL}
 * a goal itself (its number, title, introduction, headings); the others the child they name. Goal
 * sections and plan sections are both {@code SECTION}.
 *
 * <p>This class walks the two plans and records what differs; {@link PlanAlignment} pairs up the elements of
 * two lists, {@link WordDiff} marks the changed words of a free text, and {@link ComparisonWording} says in
 * Danish where a change is and how a structured value reads.
 */
public final class PlanComparison {
    private final List<Change> changes = new ArrayList<>();

    private PlanComparison() {
    }

    /** The changes from {@code before} to {@code after}, in the after-plan's reading order. */
    public static Comparison compare(PlanDocument before, PlanDocument after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        PlanComparison comparison = new PlanComparison();
        comparison.plan(before, after);
        return new Comparison(comparison.changes);
    }

    /** The result: every change, in reading order. */
    public record Comparison(List<Change> changes) {
        public Comparison {
            changes = List.copyOf(changes);
        }

        public boolean isEmpty() {
            return changes.isEmpty();
        }

        public long count(ChangeKind kind) {
            return changes.stream().filter(c -> c.kind() == kind).count();
        }

        public List<Change> ofElement(Element element) {
            return changes.stream().filter(c -> c.element() == element).toList();
        }
    }

    public enum ChangeKind { ADDED, REMOVED, MOVED, CHANGED }

    public enum Element { PLAN, GOAL, OBJECTIVE, INITIATIVE, SUCCESS_CRITERION, SECTION, TEXT }

    /**
     * One change. {@code where} says in Danish which element ("Beskæftigelsesmål 2: Flere ledige skal
     * opkvalificeres · Målsætning 1"); {@code field} what about it changed ("Titel", "Tekst", "Målværdi", …;
     * null for ADDED, REMOVED and MOVED). {@code before}/{@code after} are the texts as printed (null where
     * the element did not exist); {@code wordDiff} is empty except for changed free text; the positions are
     * 1-based and set only for MOVED.
     */
    public record Change(ChangeKind kind, Element element, String where, String field, String before, String after,
                         List<Segment> wordDiff, Integer fromPosition, Integer toPosition) {
        public Change {
            wordDiff = wordDiff == null ? List.of() : List.copyOf(wordDiff);
        }
    }

    /** A run of text that both versions share, or that only one of them has. */
    public record Segment(Op op, String text) {
    }

    public enum Op { SAME, ADDED, REMOVED }

    // ---------------------------------------------------------------------------------------------------
    // The plan, in document order

    private void plan(PlanDocument b, PlanDocument a) {
        // The municipality itself is not compared: both versions always belong to the same tenant.
        text(Element.PLAN, "Planen", "Titel", b.title(), a.title());
        text(Element.PLAN, "Planen", "Udvalg", b.committeeName(), a.committeeName());
        text(Element.PLAN, "Planen", "Periode", period(b), period(a));
        Foreword fb = b.foreword();
        Foreword fa = a.foreword();
        text(Element.TEXT, "Forord", "Overskrift", fb == null ? null : fb.shownHeading(), fa == null ? null : fa.shownHeading());
        text(Element.TEXT, "Forord", "Tekst", blocks(fb == null ? List.of() : fb.blocks()), blocks(fa == null ? List.of() : fa.blocks()));
        text(Element.TEXT, "Forord", "Underskrift", signature(fb), signature(fa));
        text(Element.TEXT, "Indledning", "Tekst", blocks(b.introduction()), blocks(a.introduction()));
        Ambition ab = ambition(b);
        Ambition aa = ambition(a);
        text(Element.TEXT, "Ambition", "Overskrift", ambitionHeading(ab), ambitionHeading(aa));
        text(Element.TEXT, "Ambition", "Indledning", blocks(ab.introduction()), blocks(aa.introduction()));
        text(Element.TEXT, "Ambition", "Ambitioner", String.join("\n\n", ab.statements()), String.join("\n\n", aa.statements()));
        criteria("Overordnede succeskriterier", b.overallSuccessCriteria(), a.overallSuccessCriteria());
        text(Element.TEXT, "Mål", "Indledning", blocks(b.goalsIntroduction()), blocks(a.goalsIntroduction()));
        goals(b.goals(), a.goals(), a.layout().initiativesBeforeCriteria());
        // Plan sections come after the goals whatever their placement: a placement change is itself
        // reported, and one fixed place makes the list easier to scan.
        sections(null, b.sections(), a.sections(), true);
        text(Element.TEXT, "Oversigt over mål og succeskriterier", "Overskrift", overviewHeading(b), overviewHeading(a));
        text(Element.TEXT, "Oversigt over mål og succeskriterier", "Indledning", blocks(b.overviewIntroduction()), blocks(a.overviewIntroduction()));
        value(Element.PLAN, "Planen", "Opsætning: mållisten vises ved ambitionen",
                yesNo(b.layout().goalsListWithAmbition()), yesNo(a.layout().goalsListWithAmbition()));
        value(Element.PLAN, "Planen", "Opsætning: indsatser før succeskriterier",
                yesNo(b.layout().initiativesBeforeCriteria()), yesNo(a.layout().initiativesBeforeCriteria()));
        value(Element.PLAN, "Planen", "Opsætning: målene står i et eget kapitel",
                yesNo(b.layout().omitGoalsList()), yesNo(a.layout().omitGoalsList()));
        value(Element.PLAN, "Planen", "Opsætning: intet oversigtsbilag",
                yesNo(b.layout().omitOverview()), yesNo(a.layout().omitOverview()));
    }

    private void goals(List<Goal> before, List<Goal> after, boolean initiativesFirst) {
        // Plans renumber goals between years ("Ministermål 1" became "Beskæftigelsesmål 1"), so the title
        // is the strongest identity; the national catalogue key survives a retitling; the printed number
        // is a weaker hint, and similar wording the last resort.
        List<Step> steps = align(before, after, List.of(
                new Same<>(g -> key(g.title())),
                new Same<>(g -> key(g.nationalGoal())),
                new Same<>(g -> key(g.label())),
                new Similar<>(Goal::title)), PlanComparison::differentNationalGoals);
        for (Step step : steps) {
            if (step.isRemoved()) {
                Goal g = before.get(step.before());
                add(ChangeKind.REMOVED, Element.GOAL, goalWhere(g), null, goalText(g), null);
            } else if (step.isAdded()) {
                Goal g = after.get(step.after());
                add(ChangeKind.ADDED, Element.GOAL, goalWhere(g), null, null, goalText(g));
            } else {
                goal(step, before.get(step.before()), after.get(step.after()), initiativesFirst);
            }
        }
    }

    private void goal(Step step, Goal b, Goal a, boolean initiativesFirst) {
        String where = goalWhere(a);
        moved(step, Element.GOAL, where);
        text(Element.GOAL, where, "Nummer", b.label(), a.label());
        text(Element.GOAL, where, "Titel", b.title(), a.title());
        value(Element.GOAL, where, "Type", kind(b.kind()), kind(a.kind()));
        value(Element.GOAL, where, "Ministermål", b.nationalGoal(), a.nationalGoal());
        text(Element.GOAL, where, "Indledning", blocks(b.introduction()), blocks(a.introduction()));
        text(Element.GOAL, where, "Overskrift for målsætninger", b.objectivesHeading(), a.objectivesHeading());
        text(Element.GOAL, where, "Overskrift for indsatser", b.initiativesHeading(), a.initiativesHeading());
        text(Element.GOAL, where, "Overskrift for succeskriterier", b.successCriteriaHeading(), a.successCriteriaHeading());
        objectives(where, b.objectives(), a.objectives());
        // Children in the order the after-plan prints them.
        if (initiativesFirst) {
            initiatives(where, b.initiatives(), a.initiatives());
            criteria(where, b.successCriteria(), a.successCriteria());
        } else {
            criteria(where, b.successCriteria(), a.successCriteria());
            initiatives(where, b.initiatives(), a.initiatives());
        }
        sections(where, b.sections(), a.sections(), false);
    }

    private void objectives(String goalWhere, List<String> before, List<String> after) {
        List<Step> steps = align(before, after, List.of(new Same<>(PlanComparison::key), new Similar<>(o -> o),
                new LastPair<>(o -> o)), none());
        for (Step step : steps) {
            String where = objectiveWhere(goalWhere, step.position());
            if (step.isRemoved()) {
                add(ChangeKind.REMOVED, Element.OBJECTIVE, where, null, before.get(step.before()), null);
            } else if (step.isAdded()) {
                add(ChangeKind.ADDED, Element.OBJECTIVE, where, null, null, after.get(step.after()));
            } else {
                moved(step, Element.OBJECTIVE, where);
                text(Element.OBJECTIVE, where, "Tekst", before.get(step.before()), after.get(step.after()));
            }
        }
    }

    private void initiatives(String goalWhere, List<Initiative> before, List<Initiative> after) {
        // Holbæk 2023 has two initiatives titled "Samarbejde" under one goal; matching takes them in order.
        List<Step> steps = align(before, after, List.of(
                new Same<>(i -> key(i.title())),
                new Similar<>(Initiative::title),
                new Similar<>(i -> blocks(i.blocks()))), none());
        for (Step step : steps) {
            if (step.isRemoved()) {
                Initiative i = before.get(step.before());
                add(ChangeKind.REMOVED, Element.INITIATIVE, initiativeWhere(goalWhere, i, step.position()), null, initiativeText(i), null);
            } else if (step.isAdded()) {
                Initiative i = after.get(step.after());
                add(ChangeKind.ADDED, Element.INITIATIVE, initiativeWhere(goalWhere, i, step.position()), null, null, initiativeText(i));
            } else {
                Initiative b = before.get(step.before());
                Initiative a = after.get(step.after());
                String where = initiativeWhere(goalWhere, a, step.position());
                moved(step, Element.INITIATIVE, where);
                text(Element.INITIATIVE, where, "Titel", b.title(), a.title());
                text(Element.INITIATIVE, where, "Tekst", blocks(b.blocks()), blocks(a.blocks()));
            }
        }
    }

    private void criteria(String prefix, List<SuccessCriterion> before, List<SuccessCriterion> after) {
        List<Step> steps = align(before, after, List.of(
                new Same<>(c -> key(c.code())),
                new Same<>(c -> key(c.text())),
                new Similar<>(SuccessCriterion::text),
                new LastPair<>(SuccessCriterion::text)), none());
        for (Step step : steps) {
            if (step.isRemoved()) {
                SuccessCriterion c = before.get(step.before());
                add(ChangeKind.REMOVED, Element.SUCCESS_CRITERION, criterionWhere(prefix, c, step.position()), null, c.text(), null);
            } else if (step.isAdded()) {
                SuccessCriterion c = after.get(step.after());
                add(ChangeKind.ADDED, Element.SUCCESS_CRITERION, criterionWhere(prefix, c, step.position()), null, null, c.text());
            } else {
                criterion(step, prefix, before.get(step.before()), after.get(step.after()));
            }
        }
    }

    private void criterion(Step step, String prefix, SuccessCriterion b, SuccessCriterion a) {
        String where = criterionWhere(prefix, a, step.position());
        Element e = Element.SUCCESS_CRITERION;
        moved(step, e, where);
        value(e, where, "Kode", b.code(), a.code());
        text(e, where, "Tekst", b.text(), a.text());
        // The structured target is what follow-up evaluates against, so it is reported on its own even
        // when the text changed too: a reworded text need not mean a new target, and vice versa.
        if (!Objects.equals(b.targets(), a.targets())) {
            add(ChangeKind.CHANGED, e, where, "Målværdi", ComparisonWording.describe(b.targets()), ComparisonWording.describe(a.targets()));
        }
        value(e, where, "Frist", date(b.deadline()), date(a.deadline()));
        text(e, where, "Målgruppe", b.targetGroup(), a.targetGroup());
        text(e, where, "Dette måles der på", b.indicator(), a.indicator());
        text(e, where, "Opfølgning", b.dataSource(), a.dataSource());
        text(e, where, "Opdateres", b.updateFrequency(), a.updateFrequency());
        if (b.continuesAfterDeadline() != a.continuesAfterDeadline()) {
            add(ChangeKind.CHANGED, e, where, "Følges op efter fristen", b.continuesAfterDeadline() ? "ja" : "nej",
                    a.continuesAfterDeadline() ? "ja" : "nej");
        }
        if (!b.baselines().equals(a.baselines())) {
            add(ChangeKind.CHANGED, e, where, "Status", baselines(b.baselines()), baselines(a.baselines()));
        }
    }

    private void sections(String goalWhere, List<Section> before, List<Section> after, boolean planLevel) {
        List<Step> steps = align(before, after, List.of(
                new Same<>(s -> key(s.heading())),
                new Similar<>(Section::heading),
                new Similar<>(s -> blocks(s.blocks()))), none());
        for (Step step : steps) {
            if (step.isRemoved()) {
                Section s = before.get(step.before());
                add(ChangeKind.REMOVED, Element.SECTION, sectionWhere(goalWhere, s), null, sectionText(s), null);
            } else if (step.isAdded()) {
                Section s = after.get(step.after());
                add(ChangeKind.ADDED, Element.SECTION, sectionWhere(goalWhere, s), null, null, sectionText(s));
            } else {
                Section b = before.get(step.before());
                Section a = after.get(step.after());
                String where = sectionWhere(goalWhere, a);
                moved(step, Element.SECTION, where);
                text(Element.SECTION, where, "Overskrift", b.heading(), a.heading());
                text(Element.SECTION, where, "Tekst", blocks(b.blocks()), blocks(a.blocks()));
                // Inside a goal the placement means nothing (docs/plan-document.md).
                if (planLevel) {
                    value(Element.SECTION, where, "Placering", placement(b.placement()), placement(a.placement()));
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // Recording changes

    /** A free-text field: reported with a word diff when it reads differently (whitespace aside). */
    private void text(Element element, String where, String field, String before, String after) {
        if (!normalise(before).equals(normalise(after))) {
            changes.add(new Change(ChangeKind.CHANGED, element, where, field, before, after,
                    wordDiff(before, after), null, null));
        }
    }

    /** A structured value (date, kind, placement): before and after as words, no diff. */
    private void value(Element element, String where, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            add(ChangeKind.CHANGED, element, where, field, before, after);
        }
    }

    private void moved(Step step, Element element, String where) {
        if (step.moved()) {
            changes.add(new Change(ChangeKind.MOVED, element, where, null, null, null, List.of(),
                    step.before() + 1, step.after() + 1));
        }
    }

    private void add(ChangeKind kind, Element element, String where, String field, String before, String after) {
        changes.add(new Change(kind, element, where, field, before, after, List.of(), null, null));
    }

    // ---------------------------------------------------------------------------------------------------
    // The word diff of any two texts and the wording of a target, also for use on their own

    /** A target in the words of a plan: "mindst 75 %", "5 procentpoint over landsgennemsnittet". */
    public static String describe(Target target) {
        return ComparisonWording.describe(target);
    }

    /**
     * The differences between two texts, word by word: SAME + REMOVED segments give {@code before} back,
     * SAME + ADDED give {@code after} (see {@link WordDiff}).
     */
    public static List<Segment> wordDiff(String before, String after) {
        return WordDiff.between(before, after);
    }

    // ---------------------------------------------------------------------------------------------------
    // Keys and defaults

    private static boolean differentNationalGoals(Goal b, Goal a) {
        // Two different catalogue goals are never the same goal, however their numbers or titles look.
        return b.nationalGoal() != null && a.nationalGoal() != null && !b.nationalGoal().equals(a.nationalGoal());
    }

    private static Ambition ambition(PlanDocument p) {
        return p.ambition() == null ? new Ambition(null, List.of(), List.of()) : p.ambition();
    }

    /** Whitespace-insensitive form: a re-wrapped paragraph is not a change. */
    private static String normalise(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    /** A matching key: case- and whitespace-insensitive; null for a blank text, which identifies nothing. */
    private static String key(String text) {
        String n = normalise(text).toLowerCase(Locale.ROOT);
        return n.isEmpty() ? null : n;
    }
}
