package dk.beskplan.platform.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DanishFormatsTest {

    @Test
    void datesAndMomentsInDanishTime() {
        assertThat(DanishFormats.date(LocalDate.of(2026, 3, 3))).isEqualTo("3. marts 2026");
        assertThat(DanishFormats.date(Instant.parse("2026-12-31T23:30:00Z"))).isEqualTo("1. januar 2027");
        assertThat(DanishFormats.dateTime(Instant.parse("2026-03-03T13:05:00Z"))).isEqualTo("3. marts 2026 kl. 14.05");
        assertThat(DanishFormats.dateTime(Instant.parse("2026-07-01T08:00:00Z"))).isEqualTo("1. juli 2026 kl. 10.00");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "75|75", "75.0|75", "71.4|71,4", "71.43|71,4", "12.25|12,3", "71.96|72,0", "-0.5|-0,5", "1234.5|1234,5"})
    void aFigureToOneDecimalRoundedHalfUp(double value, String written) {
        assertThat(DanishFormats.number(value)).isEqualTo(written);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"75|75", "12.25|12,25", "0.125|0,125", "-0.5|-0,5", "1000000|1000000", "1.0E10|10000000000"})
    void aFigureAsWritten(double value, String written) {
        assertThat(DanishFormats.asWritten(value)).isEqualTo(written);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1.234,5|1234.5", "71,4|71.4", "-0,5|-0.5", "12|12", "1234.5|1234.5", "71.4|71.4", "1.234.567|1234567",
            "71,4 %|71.4", "' 1 234,5 '|1234.5", "1\u00a0234|1234", ",5|0.5", "+3|3", "12.|12"})
    void readsDanishAndPlainNumbers(String text, BigDecimal value) {
        assertThat(DanishFormats.parse(text)).isEqualByComparingTo(value);
        assertThat(DanishFormats.parseDouble(text)).isEqualTo(value.doubleValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", "1,2,3", "1.23,4", "1,234.5", "1e3", "NaN", "Infinity", "12d", "--1", "-", ",", "%"})
    void refusesWhatIsNotANumberSayingWhy(String text) {
        assertThatThrownBy(() -> DanishFormats.parse(text))
                .isInstanceOf(DanishFormats.NotANumber.class)
                .hasMessage("»" + text + "« er ikke et tal som 1.234,5, 71,4 eller -0,5");
        assertThat(DanishFormats.parseOrNull(text)).isNull();
    }

    @Test
    void nothingIsNoNumber() {
        assertThat(DanishFormats.parseOrNull(null)).isNull();
        assertThat(DanishFormats.parseOrNull("  ")).isNull();
        assertThatThrownBy(() -> DanishFormats.parse(null)).isInstanceOf(DanishFormats.NotANumber.class);
    }
}
