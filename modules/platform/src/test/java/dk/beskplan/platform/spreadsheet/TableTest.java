package dk.beskplan.platform.spreadsheet;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The exports as a spreadsheet program meets them: the workbook read back (types, headers, frozen row, widths), the
 * CSV as text, and text that would be a formula neutralised in both while numbers stay numbers.
 */
class TableTest {
    private static final String HYPERLINK = "=HYPERLINK(\"http://x\",\"klik\")";
    private static final String DDE = "+cmd|' /C calc'!A0";

    private static Table sample() {
        return new Table("Opfølgning", List.of(Table.Column.text("Kommentar", 50), Table.Column.number("Målt værdi"),
                Table.Column.date("Frist")))
                .row(HYPERLINK, -2.5, LocalDate.of(2026, 12, 31))
                .row(DDE, 72, null)
                .row("-2+3", null, LocalDate.of(2026, 6, 30))
                .row("@SUM(A1)", new BigDecimal("46.55"), null)
                .row("\tfane", null, null)
                .row("\rretur", null, null)
                .row("Et godt år; flere i job", 0, null);
    }

    @Test
    void theWorkbookHoldsNumbersAsNumbersDatesAsDatesAndNeutralisedText() throws IOException {
        byte[] xlsx = sample().xlsx();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
            Sheet sheet = workbook.getFirstSheet();
            assertThat(sheet.getName()).isEqualTo("Opfølgning");
            List<Row> rows = sheet.read();
            assertThat(rows).hasSize(8);
            assertThat(rows.get(0).stream().map(Cell::getText).toList()).containsExactly("Kommentar", "Målt værdi", "Frist");

            Row first = rows.get(1);
            assertThat(first.getCell(0).getType()).isEqualTo(CellType.STRING);
            assertThat(first.getCell(0).asString()).isEqualTo("'" + HYPERLINK);
            assertThat(first.getCell(0).getFormula()).isNull();
            assertThat(first.getCell(1).getType()).as("a negative number stays a number").isEqualTo(CellType.NUMBER);
            assertThat(first.getCell(1).asNumber()).isEqualByComparingTo("-2.5");
            assertThat(first.getCell(2).getType()).isEqualTo(CellType.NUMBER);
            assertThat(first.getCell(2).getDataFormatString()).isEqualTo("dd-mm-yyyy");
            assertThat(first.getCell(2).asDate().toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 31));

            assertThat(rows.get(2).getCell(0).asString()).isEqualTo("'" + DDE);
            assertThat(rows.get(2).getCell(1).asNumber()).isEqualByComparingTo("72");
            assertThat(rows.get(3).getCell(0).asString()).isEqualTo("'-2+3");
            assertThat(rows.get(4).getCell(0).asString()).isEqualTo("'@SUM(A1)");
            assertThat(rows.get(4).getCell(1).asNumber()).isEqualByComparingTo("46.55");
            assertThat(rows.get(5).getCell(0).asString()).isEqualTo("'\tfane");
            assertThat(rows.get(7).getCell(0).asString()).isEqualTo("Et godt år; flere i job");
            assertThat(rows.stream().flatMap(Row::stream).filter(c -> c != null && c.getType() == CellType.FORMULA)).isEmpty();
        }
        String sheetXml = entry(xlsx, "xl/worksheets/sheet1.xml");
        assertThat(sheetXml).as("the header row is frozen").contains("ySplit=\"1\"").contains("state=\"frozen\"");
        assertThat(sheetXml).as("column widths").containsPattern("<col min=\"1\" max=\"1\" width=\"50");
    }

    @Test
    void theCsvQuotesAndNeutralisesTextButNotNumbers() {
        String csv = new String(sample().csv(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFKommentar;Målt værdi;Frist\r\n");
        assertThat(csv.lines().toList()).contains(
                "\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\";-2,5;2026-12-31",
                "'+cmd|' /C calc'!A0;72;",
                "'-2+3;;2026-06-30",
                "'@SUM(A1);46,55;",
                "'\tfane;;",
                "\"Et godt år; flere i job\";0;");
        assertThat(csv).contains("\"'\rretur\";;");
    }

    @Test
    void onlyTextThatCouldBeAFormulaIsChanged() {
        assertThat(FormulaGuard.neutralised("Flere i job")).isEqualTo("Flere i job");
        assertThat(FormulaGuard.neutralised("")).isEmpty();
        assertThat(FormulaGuard.neutralised("a=b")).isEqualTo("a=b");
        assertThat(FormulaGuard.neutralised("=1+1")).isEqualTo("'=1+1");
    }

    @Test
    void aCellMustFitItsColumn() {
        Table table = new Table("Ark", List.of(Table.Column.number("Tal")));
        assertThatThrownBy(() -> table.row("-2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> table.row(1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSheetNameExcelWouldRefuseIsMadeAcceptable() {
        assertThat(XlsxWriter.sheetName("Opfølgning: Beskæftigelsesplan 2025/2026 for Holbæk")).hasSize(31).doesNotContain(":", "/");
    }

    /** One part of the workbook; through a file, as the streamed zip's entries carry their sizes only at the end. */
    private static String entry(byte[] zip, String name) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("table", ".xlsx");
        try (java.util.zip.ZipFile workbook = new java.util.zip.ZipFile(java.nio.file.Files.write(file, zip).toFile())) {
            var entry = workbook.getEntry(name);
            assertThat(entry).as(name).isNotNull();
            return new String(workbook.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            java.nio.file.Files.delete(file);
        }
    }
}
