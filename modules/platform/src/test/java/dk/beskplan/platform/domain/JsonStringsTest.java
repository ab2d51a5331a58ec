package dk.beskplan.platform.domain;

import dk.beskplan.plandocument.JsonStringLiteral;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The archive's hashes depend on JsonStrings (lower-case hex), the plan document's on the upper-case form. */
class JsonStringsTest {
    private static final String TEXT = "a\"b\\c\nd\re\tf\bg\fh" + (char) 0x1f + (char) 0x01 + "æ€/";

    @Test
    void escapesAsJsonRequiresWithLowerCaseHex() {
        assertThat(JsonStrings.appendQuoted(TEXT, new StringBuilder("x")).toString())
                .isEqualTo("x\"a\\\"b\\\\c\\nd\\re\\tf\\bg\\fh\\u001f\\u0001æ€/\"");
    }

    @Test
    void thePlanDocumentsFormDiffersOnlyInTheCaseOfTheHexDigits() {
        assertThat(JsonStringLiteral.appendQuoted(TEXT, true, new StringBuilder()).toString())
                .isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\\bg\\fh\\u001F\\u0001æ€/\"");
    }
}
