package dk.beskplan.followup.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class IndicatorCsvTest {

    @Test
    void aDanishExportWithSemicolonsAndDecimalCommas() {
        var parsed = IndicatorCsv.parse("\uFEFFKommune;Periode;Mål;Værdi;Landsværdi\r\n316;2025;2a;71,4;68,0\r\n316;2025M06;\"Formidlingsgrad; andel\";1.234,5;\r\n");
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows()).hasSize(2);
        assertThat(parsed.rows().get(0)).isEqualTo(new IndicatorCsv.Row(2, "316", "2025", LocalDate.of(2025, 12, 31), "2a", 71.4, 68.0));
        assertThat(parsed.rows().get(1).measure()).isEqualTo("Formidlingsgrad; andel");
        assertThat(parsed.rows().get(1).value()).isEqualTo(1234.5);
        assertThat(parsed.rows().get(1).measuredOn()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(parsed.rows().get(1).nationalValue()).isNull();
    }

    @Test
    void everyBadRowIsNamedByItsLine() {
        var parsed = IndicatorCsv.parse("municipality,period,measure,value,national value\n316,2025,x,abc,1\n,2025,x,1,\n316,sidste år,x,1,\n");
        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.errors()).extracting(IndicatorCsv.RowError::line).containsExactly(2, 3, 4);
        assertThat(parsed.errors().get(0).message()).isEqualTo("værdi »abc« er ikke et tal");
        assertThat(parsed.errors().get(1).message()).isEqualTo("kommune mangler");
        assertThat(parsed.errors().get(2).message()).contains("periode »sidste år«");
    }

    @Test
    void aMissingColumnOrAnEmptyFile() {
        assertThat(IndicatorCsv.parse("kommune;periode;værdi\n316;2025;3").errors().get(0).message()).isEqualTo("kolonnen mangler: mål");
        assertThat(IndicatorCsv.parse("").errors()).hasSize(1);
        assertThat(IndicatorCsv.parse("kommune;periode;mål;værdi\n").errors().get(0).message()).contains("ingen rækker");
    }
}
