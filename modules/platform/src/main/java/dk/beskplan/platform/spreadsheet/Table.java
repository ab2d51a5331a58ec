package dk.beskplan.platform.spreadsheet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A table for a spreadsheet, with typed columns (text, number, date), that exports both as CSV and as an Excel
 * workbook. One model for both, so the two downloads always hold the same data, and the formula guard
 * ({@link FormulaGuard}) is applied once, to text cells only, whatever the format.
 */
public final class Table {

    /** What a column holds; a number or date column is written as a number or date, never as text. */
    public enum Kind { TEXT, NUMBER, DATE }

    /**
     * A column: its (Danish) header, what it holds, and its width in Excel's character units. Wide text columns
     * wrap in the workbook.
     */
    public record Column(String header, Kind kind, double width) {
        public static Column text(String header, double width) {
            return new Column(header, Kind.TEXT, width);
        }

        public static Column number(String header) {
            return new Column(header, Kind.NUMBER, Math.max(12, header.length() + 2));
        }

        public static Column date(String header) {
            return new Column(header, Kind.DATE, Math.max(12, header.length() + 2));
        }
    }

    private final String sheetName;
    private final List<Column> columns;
    private final List<List<Object>> rows = new ArrayList<>();

    /** @param sheetName the workbook's sheet name (Danish), shortened to Excel's 31 characters if need be */
    public Table(String sheetName, List<Column> columns) {
        this.sheetName = sheetName;
        this.columns = List.copyOf(columns);
    }

    /** Adds a row: one cell per column, each null (empty) or of the column's kind (String, Number, LocalDate). */
    public Table row(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("A row has " + columns.size() + " cells, not " + cells.length);
        }
        for (int i = 0; i < cells.length; i++) {
            Object cell = cells[i];
            Kind kind = columns.get(i).kind();
            boolean fits = cell == null || switch (kind) {
                case TEXT -> cell instanceof String;
                case NUMBER -> cell instanceof Number;
                case DATE -> cell instanceof LocalDate;
            };
            if (!fits) {
                throw new IllegalArgumentException("Column " + columns.get(i).header() + " holds " + kind + ", not " + cell);
            }
        }
        rows.add(java.util.Arrays.asList(cells.clone()));
        return this;
    }

    public String sheetName() {
        return sheetName;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<List<Object>> rows() {
        return List.copyOf(rows);
    }

    /** Semicolon-separated CSV with a byte-order mark and decimal commas, as Danish Excel opens it. */
    public byte[] csv() {
        return CsvWriter.write(this);
    }

    /** An Excel workbook (.xlsx): one sheet, bold frozen header row, column widths, numbers and dates typed. */
    public byte[] xlsx() {
        return XlsxWriter.write(this);
    }
}
