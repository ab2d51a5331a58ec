package dk.beskplan.platform.documents;

import dk.beskplan.platform.web.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A municipality's look on its documents (docs/adr/0026): its CSS, and the colours it refuses. */
class DocumentLookTest {

    @Test
    void contrastIsWcags() {
        assertThat(DocumentLook.contrast("#000000", "#ffffff")).isCloseTo(21.0, within(0.01));
        assertThat(DocumentLook.contrast("#ffffff", "#ffffff")).isCloseTo(1.0, within(0.001));
        assertThat(DocumentLook.contrast("#767676", "#ffffff")).isCloseTo(4.54, within(0.01));
        assertThat(DocumentLook.contrast("#777777", "#ffffff")).isLessThan(4.5);
    }

    @Test
    void theDefaultLookIsTheTemplatesOwnAndGivesNoCss() {
        assertThat(DocumentLook.of(null, null, null)).isEqualTo(DocumentLook.DEFAULT);
        assertThat(DocumentLook.DEFAULT.css()).isNull();
        assertThat(DocumentLook.DEFAULT.tableHeaderText()).isEqualTo(DocumentLook.TEXT);
        assertThat(DocumentLook.problems(null, "", " ", "p", "t", "f")).isEmpty();
        assertThat(DocumentLook.problems("#003a6b", "#E8EEF5", "DEJAVU_SANS", "p", "t", "f")).isEmpty();
    }

    @Test
    void aLookGivesCssForHeadingsRulesTablesAndTheFont() {
        DocumentLook look = DocumentLook.of("#8B1A1A", "#1f4e3d", "DEJAVU_SERIF");
        assertThat(look.tableHeaderText()).isEqualTo("#ffffff");
        assertThat(look.css()).contains("h1, h2, h3, h4 { color: #8b1a1a; }", "border-bottom-color: #8b1a1a",
                "th { background: #1f4e3d; color: #ffffff; }", "font-family: 'Dokument Serif', 'DejaVu Serif'",
                "counter(pages); font-family: 'Dokument Serif'");
        assertThat(DocumentLook.of(null, "#fff3c4", null).tableHeaderText()).as("a pale header keeps the dark text").isEqualTo("#1b1b1b");
    }

    @Test
    void aColourHardToReadIsRefusedAtItsFieldSayingWhy() {
        List<ProblemException.FieldError> problems = DocumentLook.problems("#7fb2e5", "#777777", null, "primaryColour",
                "tableHeaderColour", "font");
        assertThat(problems).extracting(ProblemException.FieldError::field).containsExactly("primaryColour", "tableHeaderColour");
        assertThat(problems.get(0).message()).contains("#7fb2e5", "2,2:1", "4,5:1", "WCAG AA", "PDF/UA");
        assertThat(problems.get(1).message()).contains("#777777", "med mørk tekst", "4,4:1 med hvid tekst", "4,5:1");
    }

    @Test
    void aMalformedColourOrAnUnknownFontIsRefusedAtItsField() {
        assertThat(DocumentLook.problems("rød", "#12345", "Comic Sans", "p", "t", "f"))
                .extracting(ProblemException.FieldError::field).containsExactly("p", "t", "f");
        assertThat(DocumentLook.problems("#12345g", null, null, "p", "t", "f").get(0).message()).contains("#rrggbb");
    }
}
