package dk.beskplan.followup.domain;

import dk.beskplan.platform.text.DanishFormats;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A CSV export of indicator data (e.g. from Jobindsats.dk) with the columns municipality, period, measure, value and
 * national value, read to pre-fill status reports. Danish exports use {@code ;} and decimal commas; both that and
 * {@code ,} with decimal points are read. Column names may be Danish or English. Every row that cannot be read is
 * named by its line number; a file with any such row changes nothing.
 */
public final class IndicatorCsv {

    /** One readable row; {@code measuredOn} is the last day of the period ("2025" → 31 December 2025). */
    public record Row(int line, String municipality, String period, LocalDate measuredOn, String measure, Double value,
                      Double nationalValue) {
    }

    /** A row that could not be read or matched, with the reason in Danish. */
    public record RowError(int line, String message) {
    }

    public record Parsed(List<Row> rows, List<RowError> errors) {
    }

    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("municipality", "municipality"), Map.entry("kommune", "municipality"), Map.entry("kommunekode", "municipality"),
            Map.entry("period", "period"), Map.entry("periode", "period"),
            Map.entry("measure", "measure"), Map.entry("mål", "measure"), Map.entry("maal", "measure"),
            Map.entry("indikator", "measure"), Map.entry("måling", "measure"),
            Map.entry("value", "value"), Map.entry("værdi", "value"), Map.entry("vaerdi", "value"),
            Map.entry("national value", "national"), Map.entry("national_value", "national"), Map.entry("nationalvalue", "national"),
            Map.entry("landsværdi", "national"), Map.entry("landsvaerdi", "national"), Map.entry("hele landet", "national"),
            Map.entry("landsgennemsnit", "national"));
    private static final List<String> REQUIRED = List.of("municipality", "period", "measure", "value");

    private IndicatorCsv() {
    }

    public static Parsed parse(String text) {
        List<Row> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.replace("\uFEFF", "").split("\r?\n", -1);
        int headerLine = 0;
        while (headerLine < lines.length && lines[headerLine].isBlank()) {
            headerLine++;
        }
        if (headerLine >= lines.length) {
            errors.add(new RowError(1, "filen er tom; første linje skal være kolonnenavnene (kommune; periode; mål; værdi; landsværdi)"));
            return new Parsed(rows, errors);
        }
        char separator = lines[headerLine].indexOf(';') >= 0 ? ';' : ',';
        List<String> header = split(lines[headerLine], separator);
        int[] index = new int[5];
        List<String> names = List.of("municipality", "period", "measure", "value", "national");
        for (int i = 0; i < names.size(); i++) {
            index[i] = -1;
        }
        for (int c = 0; c < header.size(); c++) {
            String name = COLUMNS.get(header.get(c).strip().toLowerCase(Locale.ROOT));
            if (name != null) {
                index[names.indexOf(name)] = c;
            }
        }
        List<String> missing = REQUIRED.stream().filter(n -> index[names.indexOf(n)] < 0).toList();
        if (!missing.isEmpty()) {
            errors.add(new RowError(headerLine + 1, "kolonnen mangler: " + String.join(", ", missing.stream().map(IndicatorCsv::danish).toList())));
            return new Parsed(rows, errors);
        }
        for (int i = headerLine + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int line = i + 1;
            List<String> cells = split(lines[i], separator);
            String municipality = cell(cells, index[0]);
            String period = cell(cells, index[1]);
            String measure = cell(cells, index[2]);
            String value = cell(cells, index[3]);
            String national = index[4] < 0 ? null : cell(cells, index[4]);
            List<String> problems = new ArrayList<>();
            if (municipality == null) {
                problems.add("kommune mangler");
            }
            if (measure == null) {
                problems.add("mål mangler");
            }
            Optional<LocalDate> end = periodEnd(period);
            if (end.isEmpty()) {
                problems.add(period == null ? "periode mangler" : "periode »" + period + "« er ikke et år (2025), en måned (2025-06) eller en dato");
            }
            Double parsedValue = number(value);
            if (parsedValue == null) {
                problems.add(value == null ? "værdi mangler" : "værdi »" + value + "« er ikke et tal");
            }
            Double parsedNational = number(national);
            if (national != null && parsedNational == null) {
                problems.add("landsværdi »" + national + "« er ikke et tal");
            }
            if (problems.isEmpty()) {
                rows.add(new Row(line, municipality, period, end.get(), measure, parsedValue, parsedNational));
            } else {
                errors.add(new RowError(line, String.join("; ", problems)));
            }
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new RowError(headerLine + 1, "filen har ingen rækker med værdier"));
        }
        return new Parsed(rows, errors);
    }

    /** The last day of a period: a year, a month (2025-06 or 06-2025), a half year (2025H1) or a date. */
    static Optional<LocalDate> periodEnd(String period) {
        if (period == null) {
            return Optional.empty();
        }
        String p = period.strip().toUpperCase(Locale.ROOT);
        try {
            if (p.matches("\\d{4}")) {
                return Optional.of(LocalDate.of(Integer.parseInt(p), 12, 31));
            }
            if (p.matches("\\d{4}H[12]")) {
                int year = Integer.parseInt(p.substring(0, 4));
                return Optional.of(p.endsWith("1") ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31));
            }
            if (p.matches("\\d{4}-\\d{2}") || p.matches("\\d{4}M\\d{2}")) {
                return Optional.of(YearMonth.of(Integer.parseInt(p.substring(0, 4)), Integer.parseInt(p.substring(5))).atEndOfMonth());
            }
            if (p.matches("\\d{2}-\\d{4}")) {
                return Optional.of(YearMonth.of(Integer.parseInt(p.substring(3)), Integer.parseInt(p.substring(0, 2))).atEndOfMonth());
            }
            return Optional.of(LocalDate.parse(p));
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** "71,4", "71.4", "1.234,5", "71,4 %" → a number (the rules of {@link DanishFormats}); null when it is not one. */
    static Double number(String text) {
        return DanishFormats.parseOrNull(text);
    }

    private static String cell(List<String> cells, int index) {
        if (index < 0 || index >= cells.size()) {
            return null;
        }
        String v = cells.get(index).strip();
        return v.isEmpty() ? null : v;
    }

    /** Splits one line; a cell in double quotes may hold the separator, and "" is a quote inside it. */
    static List<String> split(String line, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static String danish(String column) {
        return switch (column) {
            case "municipality" -> "kommune";
            case "period" -> "periode";
            case "measure" -> "mål";
            case "value" -> "værdi";
            default -> "landsværdi";
        };
    }
}
