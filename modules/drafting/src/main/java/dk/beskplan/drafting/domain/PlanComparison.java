package dk.beskplan.drafting.domain;

import dk.beskplan.drafting.domain.PlanContent.Ambition;
import dk.beskplan.drafting.domain.PlanContent.Block;
import dk.beskplan.drafting.domain.PlanContent.Foreword;
import dk.beskplan.drafting.domain.PlanContent.Initiative;
import dk.beskplan.drafting.domain.PlanContent.Placement;
import dk.beskplan.drafting.domain.PlanContent.Section;
import dk.beskplan.drafting.domain.PlanContent.Signature;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.myers.MyersDiff;
import com.github.difflib.patch.AbstractDelta;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
 */
public final class PlanComparison {
    /** Word overlap (Jaccard) from which two texts count as the same element reworded. */
    static final double SIMILAR = 0.5;
    /**
     * The weaker overlap enough for the last unmatched pair of a matched goal: Holbæk's refugee goal has
     * one criterion in 2023 and one in 2025, reworded to a new target, and a secretary wants to see that
     * target change rather than one criterion removed and another added.
     */
    static final double LAST_PAIR = 0.3;
    /**
     * Above this many tokens (words, spaces, punctuation) left to align on either side, a text is compared paragraph
     * by paragraph instead of word by word. Myers' diff takes time in proportion to the square of the number of
     * differences, so this bounds the worst case (two entirely different texts) to a few milliseconds. The longest
     * text of the reference plans is under 1,000 characters (about 350 tokens); 2,000 tokens are about 6,000
     * characters.
     */
    static final int MAX_WORD_DIFF_TOKENS = 2_000;
    /** Above this many paragraphs left to align, the rest of the text is reported as replaced as a whole. */
    static final int MAX_PARAGRAPH_DIFF = 2_000;
    /** How much of a goal title the "where" of a change shows. */
    static final int SHORT_TITLE = 60;

    private static final String SEP = " · ";
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.forLanguageTag("da"));

    private final List<Change> changes = new ArrayList<>();

    private PlanComparison() {
    }

    /** The changes from {@code before} to {@code after}, in the after-plan's reading order. */
    public static Comparison compare(PlanContent before, PlanContent after) {
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

    private void plan(PlanContent b, PlanContent a) {
        // The municipality itself is not compared: both versions always belong to the same tenant.
        text(Element.PLAN, "Planen", "Titel", b.title(), a.title());
        text(Element.PLAN, "Planen", "Udvalg", b.committeeName(), a.committeeName());
        text(Element.PLAN, "Planen", "Periode", period(b), period(a));
        Foreword fb = b.foreword();
        Foreword fa = a.foreword();
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
            String where = goalWhere + SEP + "Målsætning " + step.position();
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
                add(ChangeKind.REMOVED, Element.INITIATIVE, initiativeWhere(goalWhere, i, step), null, initiativeText(i), null);
            } else if (step.isAdded()) {
                Initiative i = after.get(step.after());
                add(ChangeKind.ADDED, Element.INITIATIVE, initiativeWhere(goalWhere, i, step), null, null, initiativeText(i));
            } else {
                Initiative b = before.get(step.before());
                Initiative a = after.get(step.after());
                String where = initiativeWhere(goalWhere, a, step);
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
                add(ChangeKind.REMOVED, Element.SUCCESS_CRITERION, criterionWhere(prefix, c, step), null, c.text(), null);
            } else if (step.isAdded()) {
                SuccessCriterion c = after.get(step.after());
                add(ChangeKind.ADDED, Element.SUCCESS_CRITERION, criterionWhere(prefix, c, step), null, null, c.text());
            } else {
                criterion(step, prefix, before.get(step.before()), after.get(step.after()));
            }
        }
    }

    private void criterion(Step step, String prefix, SuccessCriterion b, SuccessCriterion a) {
        String where = criterionWhere(prefix, a, step);
        Element e = Element.SUCCESS_CRITERION;
        moved(step, e, where);
        value(e, where, "Kode", b.code(), a.code());
        text(e, where, "Tekst", b.text(), a.text());
        // The structured target is what follow-up evaluates against, so it is reported on its own even
        // when the text changed too: a reworded text need not mean a new target, and vice versa.
        if (!Objects.equals(b.target(), a.target())) {
            add(ChangeKind.CHANGED, e, where, "Målværdi", describe(b.target()), describe(a.target()));
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
    // Matching two lists of elements

    /**
     * A matching rule: equal non-null keys; word overlap of at least {@link #SIMILAR}; or, when exactly one
     * element is left unmatched on each side, word overlap of at least {@link #LAST_PAIR}.
     */
    private sealed interface Pass<T> permits Same, Similar, LastPair {
    }

    private record Same<T>(Function<T, String> key) implements Pass<T> {
    }

    private record Similar<T>(Function<T, String> text) implements Pass<T> {
    }

    private record LastPair<T>(Function<T, String> text) implements Pass<T> {
    }

    /**
     * One element of the merged list: in both versions (before and after ≥ 0), only before (removed,
     * after = -1) or only after (added, before = -1). {@code moved} is set for matched elements whose
     * order relative to the other matched elements changed.
     */
    private record Step(int before, int after, boolean moved) {
        boolean isAdded() {
            return before < 0;
        }

        boolean isRemoved() {
            return after < 0;
        }

        /** The 1-based number to show: in the after-version, or in the before-version when removed. */
        int position() {
            return (isRemoved() ? before : after) + 1;
        }
    }

    private static <T> BiPredicate<T, T> none() {
        return (x, y) -> false;
    }

    /**
     * Matches the two lists pass by pass (an element matched by an earlier pass is not offered to a later
     * one; {@code conflict} vetoes a pair whatever the pass) and returns them merged: the after-list's
     * order, each removed element right after the matched element that preceded it before.
     */
    private static <T> List<Step> align(List<T> before, List<T> after, List<Pass<T>> passes, BiPredicate<T, T> conflict) {
        int[] partnerOfBefore = new int[before.size()];
        int[] partnerOfAfter = new int[after.size()];
        Arrays.fill(partnerOfBefore, -1);
        Arrays.fill(partnerOfAfter, -1);
        for (Pass<T> pass : passes) {
            if (pass instanceof Same<T> same) {
                matchSame(before, after, same.key(), conflict, partnerOfBefore, partnerOfAfter);
            } else if (pass instanceof Similar<T> similar) {
                matchSimilar(before, after, similar.text(), SIMILAR, conflict, partnerOfBefore, partnerOfAfter);
            } else if (pass instanceof LastPair<T> last && unmatched(partnerOfBefore) == 1 && unmatched(partnerOfAfter) == 1) {
                matchSimilar(before, after, last.text(), LAST_PAIR, conflict, partnerOfBefore, partnerOfAfter);
            }
        }
        boolean[] stable = stable(partnerOfBefore);

        // Removed elements are anchored to the nearest preceding element that kept its place, so that
        // they show up where they stood, not next to a neighbour that has since moved elsewhere.
        List<List<Integer>> removedAfter = new ArrayList<>();
        for (int j = 0; j <= after.size(); j++) {
            removedAfter.add(new ArrayList<>());
        }
        int anchor = -1;
        for (int i = 0; i < before.size(); i++) {
            if (partnerOfBefore[i] < 0) {
                removedAfter.get(anchor + 1).add(i);
            } else if (stable[i]) {
                anchor = partnerOfBefore[i];
            }
        }
        List<Step> steps = new ArrayList<>();
        removedAfter.get(0).forEach(i -> steps.add(new Step(i, -1, false)));
        for (int j = 0; j < after.size(); j++) {
            int i = partnerOfAfter[j];
            steps.add(new Step(i, j, i >= 0 && !stable[i]));
            removedAfter.get(j + 1).forEach(r -> steps.add(new Step(r, -1, false)));
        }
        return steps;
    }

    private static <T> void matchSame(List<T> before, List<T> after, Function<T, String> key, BiPredicate<T, T> conflict,
                                      int[] partnerOfBefore, int[] partnerOfAfter) {
        String[] beforeKeys = before.stream().map(key).toArray(String[]::new);
        for (int j = 0; j < after.size(); j++) {
            String k = key.apply(after.get(j));
            if (partnerOfAfter[j] >= 0 || k == null) {
                continue;
            }
            // The first free element with the key: duplicates pair up in order.
            for (int i = 0; i < before.size(); i++) {
                if (partnerOfBefore[i] < 0 && k.equals(beforeKeys[i]) && !conflict.test(before.get(i), after.get(j))) {
                    partnerOfBefore[i] = j;
                    partnerOfAfter[j] = i;
                    break;
                }
            }
        }
    }

    private static long unmatched(int[] partners) {
        return Arrays.stream(partners).filter(p -> p < 0).count();
    }

    private static <T> void matchSimilar(List<T> before, List<T> after, Function<T, String> text, double threshold,
                                         BiPredicate<T, T> conflict, int[] partnerOfBefore, int[] partnerOfAfter) {
        record Candidate(int before, int after, double score) {
        }
        List<Set<String>> beforeWords = before.stream().map(x -> words(text.apply(x))).toList();
        List<Candidate> candidates = new ArrayList<>();
        for (int j = 0; j < after.size(); j++) {
            if (partnerOfAfter[j] >= 0) {
                continue;
            }
            Set<String> afterWords = words(text.apply(after.get(j)));
            for (int i = 0; i < before.size(); i++) {
                if (partnerOfBefore[i] >= 0 || conflict.test(before.get(i), after.get(j))) {
                    continue;
                }
                double score = jaccard(beforeWords.get(i), afterWords);
                if (score >= threshold) {
                    candidates.add(new Candidate(i, j, score));
                }
            }
        }
        // Best pairs first, so that a text is not taken by a weaker look-alike that happens to come first;
        // among equals, the pair that stayed closest in position.
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparingInt(c -> Math.abs(c.before() - c.after()))
                .thenComparingInt(Candidate::after));
        for (Candidate c : candidates) {
            if (partnerOfBefore[c.before()] < 0 && partnerOfAfter[c.after()] < 0) {
                partnerOfBefore[c.before()] = c.after();
                partnerOfAfter[c.after()] = c.before();
            }
        }
    }

    /**
     * Which matched elements kept their order: the longest increasing run of after-positions, taken in
     * before-order (an LCS of the two matched sequences). Only the others are reported as moved, so one
     * goal moved to the end is one move, and an insertion moves nothing.
     */
    private static boolean[] stable(int[] partnerOfBefore) {
        int[] matched = java.util.stream.IntStream.range(0, partnerOfBefore.length).filter(i -> partnerOfBefore[i] >= 0).toArray();
        int n = matched.length;
        int[] length = new int[n];
        int[] previous = new int[n];
        int best = -1;
        for (int x = 0; x < n; x++) {
            length[x] = 1;
            previous[x] = -1;
            for (int y = 0; y < x; y++) {
                if (partnerOfBefore[matched[y]] < partnerOfBefore[matched[x]] && length[y] + 1 > length[x]) {
                    length[x] = length[y] + 1;
                    previous[x] = y;
                }
            }
            if (best < 0 || length[x] > length[best]) {
                best = x;
            }
        }
        boolean[] stable = new boolean[partnerOfBefore.length];
        for (int x = best; x >= 0; x = previous[x]) {
            stable[matched[x]] = true;
        }
        return stable;
    }

    private static boolean differentNationalGoals(Goal b, Goal a) {
        // Two different catalogue goals are never the same goal, however their numbers or titles look.
        return b.nationalGoal() != null && a.nationalGoal() != null && !b.nationalGoal().equals(a.nationalGoal());
    }

    /**
     * The lowercase words of a text (letters and digits), with every year as one word: next year's plan
     * says "I 2025" where this year's said "I 2023", and that alone should not make two texts differ.
     */
    static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String token : tokens(text)) {
            if (Character.isLetterOrDigit(token.charAt(0))) {
                words.add(YEAR.matcher(token).matches() ? "<år>" : token.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    static double jaccard(Set<String> x, Set<String> y) {
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String w : x) {
            if (y.contains(w)) {
                common++;
            }
        }
        return (double) common / (x.size() + y.size() - common);
    }

    // ---------------------------------------------------------------------------------------------------
    // Word diff

    /**
     * The differences between two texts, word by word: SAME + REMOVED segments give {@code before} back,
     * SAME + ADDED give {@code after}. Words, whitespace runs and single punctuation characters are the
     * tokens; the common prefix and suffix are taken off first, and the rest is aligned with Myers' diff
     * (java-diff-utils). A middle longer than {@link #MAX_WORD_DIFF_TOKENS} tokens is aligned by paragraphs
     * (lines) instead, and one with more than {@link #MAX_PARAGRAPH_DIFF} paragraphs is reported as removed and
     * added as a whole, so that no text can make a comparison take long.
     */
    public static List<Segment> wordDiff(String before, String after) {
        List<String> b = tokens(before);
        List<String> a = tokens(after);
        int prefix = 0;
        while (prefix < b.size() && prefix < a.size() && b.get(prefix).equals(a.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < b.size() - prefix && suffix < a.size() - prefix
                && b.get(b.size() - 1 - suffix).equals(a.get(a.size() - 1 - suffix))) {
            suffix++;
        }
        List<Segment> raw = new ArrayList<>();
        b.subList(0, prefix).forEach(t -> raw.add(new Segment(Op.SAME, t)));
        List<String> bm = b.subList(prefix, b.size() - suffix);
        List<String> am = a.subList(prefix, a.size() - suffix);
        if (bm.size() <= MAX_WORD_DIFF_TOKENS && am.size() <= MAX_WORD_DIFF_TOKENS) {
            myers(bm, am, raw);
        } else {
            List<String> bp = paragraphs(String.join("", bm));
            List<String> ap = paragraphs(String.join("", am));
            if (bp.size() <= MAX_PARAGRAPH_DIFF && ap.size() <= MAX_PARAGRAPH_DIFF) {
                myers(bp, ap, raw);
            } else {
                raw.add(new Segment(Op.REMOVED, String.join("", bm)));
                raw.add(new Segment(Op.ADDED, String.join("", am)));
            }
        }
        b.subList(b.size() - suffix, b.size()).forEach(t -> raw.add(new Segment(Op.SAME, t)));
        return tidy(raw);
    }

    /** Appends the diff of the two lists (tokens or paragraphs), removals before additions at each change. */
    private static void myers(List<String> b, List<String> a, List<Segment> out) {
        int i = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(b, a, new MyersDiff<String>()).getDeltas()) {
            int at = delta.getSource().getPosition();
            b.subList(i, at).forEach(t -> out.add(new Segment(Op.SAME, t)));
            delta.getSource().getLines().forEach(t -> out.add(new Segment(Op.REMOVED, t)));
            delta.getTarget().getLines().forEach(t -> out.add(new Segment(Op.ADDED, t)));
            i = at + delta.getSource().size();
        }
        b.subList(i, b.size()).forEach(t -> out.add(new Segment(Op.SAME, t)));
    }

    /** The text in lines, each with its line break: joined they give the text back. */
    static List<String> paragraphs(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) == '\n') {
                lines.add(text.substring(start, k + 1));
                start = k + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /**
     * Makes the diff readable: a lone space shared between two changes is folded into them (otherwise
     * "den store kat" → "en lille hund" reads as three separate word swaps), and each run of changes
     * becomes one REMOVED then one ADDED segment.
     */
    private static List<Segment> tidy(List<Segment> raw) {
        List<Segment> merged = merge(raw);
        List<Segment> out = new ArrayList<>();
        StringBuilder removed = new StringBuilder();
        StringBuilder added = new StringBuilder();
        for (int k = 0; k < merged.size(); k++) {
            Segment s = merged.get(k);
            boolean betweenChanges = s.op() == Op.SAME && s.text().isBlank()
                    && k > 0 && k < merged.size() - 1; // after merging, its neighbours are changes
            if (s.op() == Op.REMOVED || betweenChanges) {
                removed.append(s.text());
            }
            if (s.op() == Op.ADDED || betweenChanges) {
                added.append(s.text());
            }
            if (s.op() == Op.SAME && !betweenChanges) {
                flush(out, removed, added);
                out.add(s);
            }
        }
        flush(out, removed, added);
        return merge(out);
    }

    private static void flush(List<Segment> out, StringBuilder removed, StringBuilder added) {
        if (!removed.isEmpty()) {
            out.add(new Segment(Op.REMOVED, removed.toString()));
        }
        if (!added.isEmpty()) {
            out.add(new Segment(Op.ADDED, added.toString()));
        }
        removed.setLength(0);
        added.setLength(0);
    }

    /**
     * Joins neighbouring segments of the same kind and drops empty ones. Each run is built in one buffer: joining
     * string by string would copy the run again for every token (quadratic in a long text).
     */
    private static List<Segment> merge(List<Segment> segments) {
        List<Segment> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        Op runOp = null;
        for (Segment s : segments) {
            if (s.text().isEmpty()) {
                continue;
            }
            if (s.op() != runOp && runOp != null) {
                out.add(new Segment(runOp, run.toString()));
                run.setLength(0);
            }
            runOp = s.op();
            run.append(s.text());
        }
        if (runOp != null) {
            out.add(new Segment(runOp, run.toString()));
        }
        return out;
    }

    /** Words (letters/digits), whitespace runs and single other characters; joined they give the text back. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        int k = 0;
        while (k < text.length()) {
            int start = k;
            char c = text.charAt(k);
            if (isWordChar(c)) {
                while (k < text.length() && isWordChar(text.charAt(k))) {
                    k++;
                }
            } else if (Character.isWhitespace(c)) {
                while (k < text.length() && Character.isWhitespace(text.charAt(k))) {
                    k++;
                }
            } else {
                k++;
            }
            tokens.add(text.substring(start, k));
        }
        return tokens;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    // ---------------------------------------------------------------------------------------------------
    // How things read

    /** A target in the words of a plan: "mindst 75 %", "5 procentpoint over landsgennemsnittet". */
    public static String describe(Target target) {
        if (target == null) {
            return "ingen målværdi";
        }
        if (target instanceof Target.Share s) {
            return bound(s.comparator()) + " " + number(s.percent()) + " %";
        }
        if (target instanceof Target.NationalAverage n) {
            return relative(n.relation(), n.percentagePoints(), n.betterWhen(), "landsgennemsnittet");
        }
        if (target instanceof Target.RegionalAverage r) {
            String average = r.region() == null || r.region().isBlank() ? "regionsgennemsnittet" : "gennemsnittet for " + r.region();
            String text = relative(r.relation(), r.percentagePoints(), r.betterWhen(), average);
            return r.closerThanLastTime() ? text + " eller tættere på end ved sidste opgørelse" : text;
        }
        if (target instanceof Target.Count c) {
            return bound(c.comparator()) + " " + number(c.count());
        }
        if (target instanceof Target.Trend t) {
            String direction = t.direction() == Target.Trend.Direction.INCREASE ? "stigning" : "fald";
            String comparedTo = t.comparedTo() == Target.Trend.ComparedTo.PREVIOUS_PERIOD ? "forrige periode" : "løbende år";
            return direction + " i forhold til " + comparedTo;
        }
        if (target instanceof Target.Rank r) {
            return r.scope() == Target.Rank.Scope.LEVEL
                    ? "blandt de bedste " + number(r.topPercent()) + " % af kommunerne"
                    : "blandt de " + number(r.topPercent()) + " % af kommunerne med størst forbedring";
        }
        if (target instanceof Target.ChangeFromBaseline c) {
            String limit = c.betterWhen() == Target.BetterWhen.LOWER ? "højst" : "mindst";
            return "fra " + number(c.baselineValue()) + " (" + date(c.baselineDate()) + ") til " + limit + " "
                    + number(c.targetValue()) + " (" + date(c.targetDate()) + ")";
        }
        if (target instanceof Target.Narrative) {
            return "intet tal – status beskrives i tekst";
        }
        return target.toString();
    }

    private static String bound(Target.Comparator comparator) {
        return comparator == Target.Comparator.AT_LEAST ? "mindst" : "højst";
    }

    private static String relative(Target.Relation relation, double points, Target.BetterWhen betterWhen, String average) {
        String distance = points == 0 ? "" : number(points) + " procentpoint ";
        return switch (relation) {
            case AT_LEVEL -> (betterWhen == Target.BetterWhen.LOWER ? "højst" : "mindst") + " på niveau med " + average;
            case ABOVE -> distance + "over " + average;
            case BELOW -> distance + "under " + average;
        };
    }

    /** A number the Danish way: 75, 12,5. */
    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private static String date(LocalDate date) {
        return date == null ? null : DATE.format(date);
    }

    private static String baselines(List<SuccessCriterion.Baseline> baselines) {
        return baselines.stream().map(PlanComparison::baseline).collect(Collectors.joining("\n"));
    }

    private static String baseline(SuccessCriterion.Baseline b) {
        String unit = b.unit() == SuccessCriterion.Unit.PERCENT ? " %" : "";
        StringBuilder text = new StringBuilder(b.label() == null ? "Status" : b.label()).append(':');
        if (b.value() != null) {
            text.append(' ').append(number(b.value())).append(unit);
        }
        if (b.nationalValue() != null) {
            text.append(" (landet ").append(number(b.nationalValue())).append(unit).append(')');
        }
        if (b.regionalValue() != null) {
            text.append(" (regionen ").append(number(b.regionalValue())).append(unit).append(')');
        }
        if (b.text() != null && !b.text().isBlank()) {
            text.append(' ').append(b.text());
        }
        return text.toString();
    }

    private static String goalWhere(Goal g) {
        String title = shorten(g.title(), SHORT_TITLE);
        return g.label() == null || g.label().isBlank() ? title : g.label() + ": " + title;
    }

    private static String goalText(Goal g) {
        return g.label() == null || g.label().isBlank() ? g.title() : g.label() + ": " + g.title();
    }

    private static String criterionWhere(String prefix, SuccessCriterion c, Step step) {
        return prefix + SEP + "Succeskriterium " + (c.code() == null || c.code().isBlank() ? step.position() : c.code());
    }

    private static String initiativeWhere(String goalWhere, Initiative i, Step step) {
        return goalWhere + SEP + (i.title() == null || i.title().isBlank()
                ? "Indsats " + step.position()
                : "Indsats «" + shorten(i.title(), SHORT_TITLE) + "»");
    }

    private static String initiativeText(Initiative i) {
        String text = blocks(i.blocks());
        return i.title() == null || i.title().isBlank() ? text : i.title() + ": " + text;
    }

    private static String sectionWhere(String goalWhere, Section s) {
        String section = "Afsnit «" + shorten(s.heading(), SHORT_TITLE) + "»";
        return goalWhere == null ? section : goalWhere + SEP + section;
    }

    private static String sectionText(Section s) {
        String text = blocks(s.blocks());
        return text.isEmpty() ? s.heading() : s.heading() + "\n\n" + text;
    }

    /** Cuts at a word boundary and marks the cut with an ellipsis. */
    static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        String t = text.strip().replaceAll("\\s+", " ");
        if (t.length() <= max) {
            return t;
        }
        int cut = t.lastIndexOf(' ', max);
        return t.substring(0, cut > max / 2 ? cut : max).strip() + "…";
    }

    /** A block list as one text, blocks separated by a blank line. */
    private static String blocks(List<Block> blocks) {
        return blocks.stream().map(Block::plainText).filter(Objects::nonNull).collect(Collectors.joining("\n\n"));
    }

    private static Ambition ambition(PlanContent p) {
        return p.ambition() == null ? new Ambition(null, List.of(), List.of()) : p.ambition();
    }

    private static String ambitionHeading(Ambition a) {
        // Null means the standard heading (docs/plan-document.md); show it as printed.
        return a.heading() == null || a.heading().isBlank() ? "Den overordnede ambition" : a.heading();
    }

    private static String overviewHeading(PlanContent p) {
        // Null means the generated heading, whose appendix number depends on the other appendices.
        String heading = p.layout().overviewHeading();
        return heading == null || heading.isBlank() ? "Bilag: Mål, succeskriterier og opfølgning (standardoverskrift)" : heading;
    }

    private static String period(PlanContent p) {
        return new Period(p.fromYear(), p.toYear()).label();
    }

    private static String signature(Foreword f) {
        Signature s = f == null ? null : f.signature();
        if (s == null) {
            return null;
        }
        StringBuilder text = new StringBuilder(Objects.toString(s.name(), ""));
        if (s.role() != null && !s.role().isBlank()) {
            text.append(", ").append(s.role());
        }
        if (s.party() != null && !s.party().isBlank()) {
            text.append(" (").append(s.party()).append(')');
        }
        if (s.date() != null && !s.date().isBlank()) {
            text.append(", ").append(s.date());
        }
        return text.toString();
    }

    private static String kind(Goal.Kind kind) {
        return kind == null ? null : kind == Goal.Kind.NATIONAL ? "Nationalt mål" : "Lokalt mål";
    }

    private static String placement(Placement placement) {
        if (placement == null) {
            return null;
        }
        return switch (placement) {
            case BEFORE_GOALS -> "før målene";
            case AFTER_GOALS -> "efter målene";
            case APPENDIX -> "bilag";
        };
    }

    private static String yesNo(boolean value) {
        return value ? "ja" : "nej";
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
