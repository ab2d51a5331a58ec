package dk.beskplan.platform.documents;

import org.apache.fop.hyphenation.Hyphenation;
import org.apache.fop.hyphenation.HyphenationTree;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * Soft hyphens (U+00AD) at the Danish syllable boundaries of long words, so that a narrow table column breaks
 * "Beskæf-tigelsesministeriets" with a hyphen instead of cutting it anywhere (docs/adr/0025). The boundaries come from
 * Frank Jensen's Danish TeX patterns (OFFO's compiled {@code hyph/da.hyp}), applied by Apache FOP's hyphenation tree
 * (Liang's algorithm). Only the PDF's parsed copy of the HTML gets them; openhtmltopdf breaks a line at a soft hyphen
 * and draws a hyphen there, and draws nothing where it does not break.
 */
final class DanishHyphenation {
    /** Words of at most this many letters are left whole. */
    static final int SHORTEST = 9;
    /** The fewest letters before and after a break (the Danish patterns' own minimum). */
    private static final int BEFORE = 2;
    private static final int AFTER = 2;
    static final char SOFT_HYPHEN = '\u00AD';
    /** Elements whose text is not running prose: code, preformatted text, drawings, and what is no text at all. */
    private static final Set<String> UNTOUCHED = Set.of("script", "style", "svg", "code", "pre", "kbd", "samp", "title", "textarea");

    private static final HyphenationTree DANISH = load();

    private DanishHyphenation() {
    }

    private static HyphenationTree load() {
        try (InputStream in = DanishHyphenation.class.getResourceAsStream("/hyph/da.hyp")) {
            if (in == null) {
                throw new IllegalStateException("Danish hyphenation patterns missing from the classpath: /hyph/da.hyp");
            }
            try (ObjectInputStream objects = new ObjectInputStream(new BufferedInputStream(in))) {
                return (HyphenationTree) objects.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the Danish hyphenation patterns could not be read", e);
        }
    }

    /** Adds soft hyphens to the text of the element and everything in it (but not to code, drawings or links' addresses). */
    static void hyphenate(Element root) {
        for (Node child : root.childNodes()) {
            if (child instanceof TextNode text) {
                String hyphenated = text(text.getWholeText());
                if (!hyphenated.equals(text.getWholeText())) {
                    text.text(hyphenated);
                }
            } else if (child instanceof Element element && !UNTOUCHED.contains(element.normalName())) {
                hyphenate(element);
            }
        }
    }

    /**
     * The text with soft hyphens in its long words. A word is a run of letters; it is left whole when it touches a
     * digit, or stands in a token that is an address (an URL, an e-mail or a path: a token with "/", "@", ":", "." or
     * "_" between letters), or has a soft hyphen already.
     */
    static String text(String text) {
        java.util.regex.Matcher tokens = TOKEN.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        while (tokens.find()) {
            if (tokens.end() - tokens.start() < SHORTEST) {
                continue;
            }
            String hyphenated = token(tokens.group());
            if (hyphenated != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16);
                }
                out.append(text, copied, tokens.start()).append(hyphenated);
                copied = tokens.end();
            }
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("\\S+");

    /** The token with soft hyphens in its long words, or null when nothing changes. */
    private static String token(String token) {
        if (token.indexOf(SOFT_HYPHEN) >= 0 || isAddress(token)) {
            return null;
        }
        StringBuilder out = new StringBuilder(token.length() + 8);
        boolean changed = false;
        int i = 0;
        while (i < token.length()) {
            if (!Character.isLetter(token.charAt(i))) {
                out.append(token.charAt(i++));
                continue;
            }
            int start = i;
            while (i < token.length() && Character.isLetter(token.charAt(i))) {
                i++;
            }
            String word = token.substring(start, i);
            boolean nearDigit = (start > 0 && Character.isDigit(token.charAt(start - 1)))
                    || (i < token.length() && Character.isDigit(token.charAt(i)));
            String hyphenated = word.length() >= SHORTEST && !nearDigit ? word(word) : word;
            changed |= hyphenated.length() != word.length();
            out.append(hyphenated);
        }
        return changed ? out.toString() : null;
    }

    private static boolean isAddress(String token) {
        if (token.contains("/") || token.contains("@") || token.contains("://") || token.startsWith("www.")) {
            return true;
        }
        for (int i = 1; i < token.length() - 1; i++) {
            char c = token.charAt(i);
            if ((c == '.' || c == ':' || c == '_') && Character.isLetterOrDigit(token.charAt(i - 1))
                    && Character.isLetterOrDigit(token.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /** One word with a soft hyphen at each Danish break (patterns are in lower case; the word keeps its own case). */
    static String word(String word) {
        String lower = word.toLowerCase(DocumentRenderer.DANISH);
        Hyphenation breaks = DANISH.hyphenate(lower, BEFORE, AFTER);
        if (breaks == null || lower.length() != word.length()) {
            return word;
        }
        StringBuilder out = new StringBuilder(word.length() + breaks.length());
        int from = 0;
        for (int at : corrected(lower, breaks.getHyphenationPoints())) {
            out.append(word, from, at).append(SOFT_HYPHEN);
            from = at;
        }
        return out.append(word, from, word.length()).toString();
    }

    /**
     * Word parts that start a new part of a compound: the patterns, made from a general word list, often break a
     * compound one letter off its seam ("overgang-sydelse", "lønt-ilskud", "senio-rpension"). Before such a part the
     * break goes at the seam and breaks next to it go; longer parts first, so that "efteruddannelse" wins over
     * "uddannelse". Only parts that are hardly ever the tail of another word belong here.
     */
    private static final List<String> PARTS = java.util.stream.Stream.of("afklaring", "ambassadør", "arbejde", "efteruddannelse",
                    "indsats", "inddragelse", "inddraget", "job", "niveau", "område", "ordning", "pension", "rekruttering",
                    "rotation", "sjælland", "tendens", "tilbud", "tilladelse", "tilskud", "uddannelse", "udvikling",
                    "ydelse")
            .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();

    /**
     * The patterns' breaks, corrected: none beside a single letter ("re-k-ruttering", "me-d-arbejdere": a letter
     * alone is never a syllable of its own in these places), the seams of compound parts ({@link #PARTS}), and no
     * piece without a vowel.
     */
    static int[] corrected(String lower, int[] points) {
        java.util.TreeSet<Integer> at = new java.util.TreeSet<>();
        int previous = 0;
        for (int i = 0; i < points.length; i++) {
            int next = i + 1 < points.length ? points[i + 1] : lower.length();
            boolean loneBefore = points[i] - previous == 1;
            boolean loneAfter = next - points[i] == 1;
            if (!loneBefore && !loneAfter) {
                at.add(points[i]);
            }
            previous = points[i];
        }
        boolean[] taken = new boolean[lower.length() + 1];
        for (String part : PARTS) {
            for (int seam = lower.indexOf(part, BEFORE + 1); seam >= 0; seam = lower.indexOf(part, seam + 1)) {
                if (seam > lower.length() - AFTER || taken[seam]) {
                    continue;
                }
                at.remove(seam - 1);
                at.remove(seam + 1);
                at.add(seam);
                for (int i = seam; i < seam + part.length(); i++) {
                    taken[i] = true; // a shorter part inside this one (job in "jobafklaring") is not a seam
                }
            }
        }
        // A break may not leave a piece without a vowel beside a seam ("dan-sk-uddannelse"): the seam stays.
        List<Integer> kept = new java.util.ArrayList<>(at);
        for (int i = 0; i < kept.size(); i++) {
            int point = kept.get(i);
            int before = i == 0 ? 0 : kept.get(i - 1);
            int after = i + 1 < kept.size() ? kept.get(i + 1) : lower.length();
            if (!taken[point] && (!hasVowel(lower, before, point) || !hasVowel(lower, point, after))) {
                kept.remove(i--);
            }
        }
        return kept.stream().filter(p -> p >= BEFORE && p <= lower.length() - AFTER).mapToInt(Integer::intValue).toArray();
    }

    private static boolean hasVowel(String word, int from, int to) {
        for (int i = from; i < to; i++) {
            if ("aeiouyæøå".indexOf(word.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
