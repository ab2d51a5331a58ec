package dk.beskplan.followup.domain;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;

/**
 * When the job centre reports status on a plan: one annual round per plan year, due on the municipality's date, and
 * optionally a mid-year round before it.
 *
 * @param annualDue   the annual round's due date in the plan year (default 31 December)
 * @param midYear     whether the municipality also reports at mid-year
 * @param midYearDue  the mid-year round's due date (default 30 June)
 */
public record ReportingSchedule(MonthDay annualDue, boolean midYear, MonthDay midYearDue) {
    public static final MonthDay DEFAULT_ANNUAL_DUE = MonthDay.of(12, 31);
    public static final MonthDay DEFAULT_MID_YEAR_DUE = MonthDay.of(6, 30);

    public enum Kind { MID_YEAR, ANNUAL }

    /** One round to open: numbered in date order from 1. */
    public record PlannedRound(int number, Kind kind, int year, LocalDate dueDate) {
        /** "Årlig status 2025", "Halvårsstatus 2025". */
        public String label() {
            return (kind == Kind.ANNUAL ? "Årlig status " : "Halvårsstatus ") + year;
        }
    }

    public static ReportingSchedule annualOnly() {
        return new ReportingSchedule(DEFAULT_ANNUAL_DUE, false, DEFAULT_MID_YEAR_DUE);
    }

    public List<PlannedRound> rounds(int fromYear, int toYear) {
        List<PlannedRound> rounds = new ArrayList<>();
        for (int year = fromYear; year <= toYear; year++) {
            if (midYear) {
                rounds.add(new PlannedRound(rounds.size() + 1, Kind.MID_YEAR, year, midYearDue.atYear(year)));
            }
            rounds.add(new PlannedRound(rounds.size() + 1, Kind.ANNUAL, year, annualDue.atYear(year)));
        }
        return rounds;
    }
}
