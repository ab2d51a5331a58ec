package dk.beskplan.drafting.web.pages;

import io.micronaut.context.i18n.ResourceBundleMessageSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A path in the plan document reads as the official's words on the page, whatever the field is called. */
class FieldNamesTest {
    private final FieldNames names = new FieldNames(new ResourceBundleMessageSource("i18n.drafting"));

    /** A field with a digit in its name (target2, reported as unknown) was once left as the whole untranslated path. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "goals[0].successCriteria[0].targets[0].foo|Plandokument › Mål 1 › Succeskriterium 1 › Måltal 1 › foo",
            "goals[0].successCriteria[0].targets[0].target2|Plandokument › Mål 1 › Succeskriterium 1 › Måltal 1 › target2",
            "goals[1].label2|Plandokument › Mål 2 › label2",
            "goals[0].successCriteria[1].deadline|Plandokument › Mål 1 › Succeskriterium 2 › Frist",
            "x_1|Plandokument › x_1"})
    void everyStepIsNamedEvenAnUnknownFieldWithADigitInItsName(String path, String shown) {
        assertThat(names.documentPlace(path)).isEqualTo(shown);
    }
}
