package dk.beskplan.drafting.domain;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.myers.MyersDiff;
import com.github.difflib.patch.AbstractDelta;
import dk.beskplan.drafting.domain.PlanComparison.Op;
import dk.beskplan.drafting.domain.PlanComparison.Segment;

import java.util.ArrayList;
import java.util.List;

/**
 * Which words of a free text changed between two versions, as the comparison page marks them. Exists apart
 * from {@link PlanComparison} because it works on any two strings: tokenising, the bounded Myers alignment
 * (java-diff-utils does the aligning; this class bounds its cost and makes its output readable) and
 * tidying know nothing of plans.
 */
final class WordDiff {
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

    private WordDiff() {
    }

    /**
     * The differences between two texts, word by word: SAME + REMOVED segments give {@code before} back,
     * SAME + ADDED give {@code after}. Words, whitespace runs and single punctuation characters are the
     * tokens; the common prefix and suffix are taken off first, and the rest is aligned with Myers' diff
     * (java-diff-utils). A middle longer than {@link #MAX_WORD_DIFF_TOKENS} tokens is aligned by paragraphs
     * (lines) instead, and one with more than {@link #MAX_PARAGRAPH_DIFF} paragraphs is reported as removed and
     * added as a whole, so that no text can make a comparison take long.
     */
    static List<Segment> between(String before, String after) {
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
}
