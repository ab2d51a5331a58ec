package dk.beskplan.platform.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IfMatchTest {

    @Test
    void readsTheVersionAsSentInAnyCommonShape() {
        assertThat(IfMatch.optional("\"3\"")).isEqualTo(3L);
        assertThat(IfMatch.optional("W/\"3\"")).isEqualTo(3L);
        assertThat(IfMatch.optional(" 3 ")).isEqualTo(3L);
        assertThat(IfMatch.optional("\"-1\"")).isEqualTo(-1L);
        assertThat(IfMatch.required("\"12\"")).isEqualTo(12L);
        assertThat(IfMatch.requiredInt("\"12\"")).isEqualTo(12);
        assertThat(IfMatch.etag(3)).isEqualTo("\"3\"");
        assertThat(IfMatch.optional(IfMatch.etag(41))).isEqualTo(41L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "*"})
    void noVersionIsNullOr428WhereOneIsRequired(String ifMatch) {
        assertThat(IfMatch.optional(ifMatch)).isNull();
        assertThat(IfMatch.optionalInt(ifMatch)).isNull();
        assertThatThrownBy(() -> IfMatch.required(ifMatch)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.status().getCode()).isEqualTo(428));
    }

    @Test
    void absentIsNoVersion() {
        assertThat(IfMatch.optional(null)).isNull();
        assertThatThrownBy(() -> IfMatch.requiredInt(null)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.status().getCode()).isEqualTo(428));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "\"3a\"", "3.5", "\"99999999999\""})
    void whatIsNotAVersionIs400NamingTheHeader(String ifMatch) {
        assertThatThrownBy(() -> IfMatch.requiredInt(ifMatch)).isInstanceOfSatisfying(InvalidInput.class, e -> {
            assertThat(e.status().getCode()).isEqualTo(400);
            assertThat(e.messagesByField()).containsKey("If-Match");
        });
    }
}
