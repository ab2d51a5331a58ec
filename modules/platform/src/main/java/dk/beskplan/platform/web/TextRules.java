package dk.beskplan.platform.web;

import dk.beskplan.plandocument.SingleLine;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * Shared rules for text people type, used by every module. A single-line field (a title, a name, a label, a
 * heading) refuses line breaks, tabs and other control characters, and the invisible characters that turn text
 * around (bidirectional overrides): they break one-line layouts, mail subjects and exports, and can make a name look
 * like another. The refusal names the field, like every other.
 */
public final class TextRules {
    /** The refusal of a single-line field holding a line break or another control character. */
    public static final String NOT_SINGLE_LINE = SingleLine.NOT_SINGLE_LINE;

    private TextRules() {
    }

    /** True when {@code value} (null counts as empty) has no line break, tab, other control or direction character. */
    public static boolean isSingleLine(@Nullable String value) {
        return SingleLine.isSingleLine(value); // one rule for plan documents and every other field
    }

    /** Adds the refusal for {@code field} when {@code value} is not a single line. */
    public static void singleLine(@Nullable String value, String field, List<ProblemException.FieldError> errors) {
        if (!isSingleLine(value)) {
            errors.add(new ProblemException.FieldError(field, NOT_SINGLE_LINE));
        }
    }

    /** Refuses ({@link InvalidInput}, naming {@code field}) a value that is not a single line. */
    public static void requireSingleLine(@Nullable String value, String field) {
        if (!isSingleLine(value)) {
            throw InvalidInput.field(field, NOT_SINGLE_LINE);
        }
    }
}
