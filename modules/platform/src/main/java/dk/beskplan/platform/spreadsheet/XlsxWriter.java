package dk.beskplan.platform.spreadsheet;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

/**
 * A table as an Excel workbook (fastexcel): numbers as numbers and dates as dates (so they sort and sum), the header
 * row bold, frozen and filterable, each column its width, long text wrapped. Text cells are guarded like in CSV.
 */
final class XlsxWriter {
    /** Excel's own limit on a sheet name, and the characters it refuses in one. */
    private static final int MAX_SHEET_NAME = 31;
    private static final String DANISH_DATE = "dd-mm-yyyy";
    /** Text columns wider than this wrap their text instead of running into the next column. */
    private static final double WRAP_FROM_WIDTH = 30;

    private XlsxWriter() {
    }

    static byte[] write(Table table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(bytes, "Beskplan", "1.0");
            Worksheet sheet = workbook.newWorksheet(sheetName(table.sheetName()));
            List<Table.Column> columns = table.columns();
            for (int c = 0; c < columns.size(); c++) {
                Table.Column column = columns.get(c);
                sheet.width(c, column.width());
                sheet.value(0, c, column.header());
                sheet.style(0, c).bold().fillColor("DDE6F0").wrapText(true).verticalAlignment("top").set();
            }
            List<List<Object>> rows = table.rows();
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < columns.size(); c++) {
                    cell(sheet, r + 1, c, columns.get(c), rows.get(r).get(c));
                }
            }
            sheet.freezePane(0, 1);
            if (!rows.isEmpty()) {
                sheet.setAutoFilter(0, 0, columns.size() - 1);
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void cell(Worksheet sheet, int r, int c, Table.Column column, Object value) {
        if (value instanceof Number number) {
            sheet.value(r, c, number);
        } else if (value instanceof LocalDate date) {
            sheet.value(r, c, date);
            sheet.style(r, c).format(DANISH_DATE).verticalAlignment("top").set();
            return;
        } else if (value != null) {
            sheet.value(r, c, FormulaGuard.neutralised(value.toString()));
        }
        if (column.kind() == Table.Kind.TEXT && column.width() >= WRAP_FROM_WIDTH) {
            sheet.style(r, c).wrapText(true).verticalAlignment("top").set();
        } else {
            sheet.style(r, c).verticalAlignment("top").set();
        }
    }

    static String sheetName(String name) {
        String cleaned = name.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        if (cleaned.isEmpty()) {
            cleaned = "Ark1";
        }
        return cleaned.length() > MAX_SHEET_NAME ? cleaned.substring(0, MAX_SHEET_NAME) : cleaned;
    }
}
