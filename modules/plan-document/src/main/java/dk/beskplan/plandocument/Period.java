package dk.beskplan.plandocument;

import java.util.ArrayList;
import java.util.List;

/** The years a plan covers: one year (2025) or a range (2024–2025). */
public record Period(int fromYear, int toYear) {
    public static final int MAX_YEARS = 4;

    /** The problems with these years, by field; empty when the period is valid. */
    public static List<String[]> problems(Integer fromYear, Integer toYear) {
        List<String[]> problems = new ArrayList<>();
        if (fromYear == null) {
            problems.add(new String[]{"fromYear", "skal udfyldes"});
        } else if (fromYear < 2000 || fromYear > 2100) {
            problems.add(new String[]{"fromYear", "skal være et årstal mellem 2000 og 2100"});
        }
        if (toYear == null) {
            problems.add(new String[]{"toYear", "skal udfyldes"});
        } else if (toYear < 2000 || toYear > 2100) {
            problems.add(new String[]{"toYear", "skal være et årstal mellem 2000 og 2100"});
        }
        if (problems.isEmpty() && toYear < fromYear) {
            problems.add(new String[]{"toYear", "kan ikke ligge før Fra år (" + fromYear + ")"});
        } else if (problems.isEmpty() && toYear - fromYear >= MAX_YEARS) {
            problems.add(new String[]{"toYear", "en plan dækker højst " + MAX_YEARS + " år"});
        }
        return problems;
    }

    public String label() {
        return fromYear == toYear ? Integer.toString(fromYear) : fromYear + "–" + toYear;
    }
}
