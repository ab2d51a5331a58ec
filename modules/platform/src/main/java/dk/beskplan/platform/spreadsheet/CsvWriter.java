package dk.beskplan.platform.spreadsheet;

import dk.beskplan.platform.text.DanishFormats;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * A table as CSV for Danish Excel: UTF-8 with a byte-order mark (or Excel guesses the wrong encoding), semicolons
 * (Danish Excel's list separator), decimal commas, ISO dates, CRLF line ends. Text cells are guarded against
 * formulas and quoted when they hold a separator, a quote or a line break.
 */
final class CsvWriter {
    private CsvWriter() {
    }

    static byte[] write(Table table) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, table.columns().stream().map(c -> (Object) c.header()).toList());
        table.rows().forEach(row -> line(out, row));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            out.append(i == 0 ? "" : ";").append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number number) {
            // 72 stays "72", 46.55 becomes "46,55": every digit kept, no thousands separator (Excel reads it as a number).
            return DanishFormats.asWritten(number instanceof BigDecimal b ? b : new BigDecimal(number.toString()));
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        String text = FormulaGuard.neutralised(value.toString());
        if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
