package dk.beskplan.platform.spreadsheet;

/**
 * Keeps text a user typed (a comment, a title) from becoming a live formula when an export is opened in a
 * spreadsheet program (CSV or formula injection, OWASP): a text cell that begins with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return gets a single quote in front, so Excel and LibreOffice show
 * it as the text it is. Only text is guarded; numbers are written as numbers and a negative number stays one.
 */
public final class FormulaGuard {
    private FormulaGuard() {
    }

    /** The text as it is safe to put in a spreadsheet cell. */
    public static String neutralised(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
