package dk.beskplan.drafting.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Pairs up the elements of two versions of one list (goals, criteria, initiatives, …) so that a comparison
 * can tell a changed element from a removed one and an added one. Exists apart from {@link PlanComparison}
 * because the matching is an algorithm of its own (passes of decreasing certainty, then a longest increasing
 * run to tell moved elements from stable ones) that knows nothing of what a plan contains or how a change
 * is worded.
 */
final class PlanAlignment {
    /** Word overlap (Jaccard) from which two texts count as the same element reworded. */
    static final double SIMILAR = 0.5;
    /**
     * The weaker overlap enough for the last unmatched pair of a matched goal: Holbæk's refugee goal has
     * one criterion in 2023 and one in 2025, reworded to a new target, and a secretary wants to see that
     * target change rather than one criterion removed and another added.
     */
    static final double LAST_PAIR = 0.3;

    private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");

    private PlanAlignment() {
    }

    /**
     * A matching rule: equal non-null keys; word overlap of at least {@link #SIMILAR}; or, when exactly one
     * element is left unmatched on each side, word overlap of at least {@link #LAST_PAIR}.
     */
    sealed interface Pass<T> permits Same, Similar, LastPair {
    }

    record Same<T>(Function<T, String> key) implements Pass<T> {
    }

    record Similar<T>(Function<T, String> text) implements Pass<T> {
    }

    record LastPair<T>(Function<T, String> text) implements Pass<T> {
    }

    /**
     * One element of the merged list: in both versions (before and after ≥ 0), only before (removed,
     * after = -1) or only after (added, before = -1). {@code moved} is set for matched elements whose
     * order relative to the other matched elements changed.
     */
    record Step(int before, int after, boolean moved) {
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

    static <T> BiPredicate<T, T> none() {
        return (x, y) -> false;
    }

    /**
     * Matches the two lists pass by pass (an element matched by an earlier pass is not offered to a later
     * one; {@code conflict} vetoes a pair whatever the pass) and returns them merged: the after-list's
     * order, each removed element right after the matched element that preceded it before.
     */
    static <T> List<Step> align(List<T> before, List<T> after, List<Pass<T>> passes, BiPredicate<T, T> conflict) {
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
        int[] matched = IntStream.range(0, partnerOfBefore.length).filter(i -> partnerOfBefore[i] >= 0).toArray();
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

    /**
     * The lowercase words of a text (letters and digits), with every year as one word: next year's plan
     * says "I 2025" where this year's said "I 2023", and that alone should not make two texts differ.
     */
    static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String token : WordDiff.tokens(text)) {
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
}
