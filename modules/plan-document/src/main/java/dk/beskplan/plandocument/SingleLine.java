package dk.beskplan.plandocument;

/**
 * The rule for text that must stand on one line (a title, a name, a label, a heading): no line break, tab or other
 * control character, and none of the invisible characters that turn text around (bidirectional overrides). They break
 * one-line layouts, mail subjects and exports, and can make a name look like another. Defined here, where the plan
 * document needs it, and used by the platform for every other single-line field, so there is one rule.
 */
public final class SingleLine {
    /** The refusal of a single-line field holding a line break or another control character. */
    public static final String NOT_SINGLE_LINE = "skal stå på én linje: linjeskift, tabulatorer og andre styretegn er ikke tilladt";

    private SingleLine() {
    }

    /** True when {@code value} (null counts as empty) has no line break, tab, other control or direction character. */
    public static boolean isSingleLine(String value) {
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            if (refused(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean refused(char c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
