package dk.beskplan.plandocument;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * A date as a plan prints it: a day ("31. december 2025", written {@code 2025-12-31}) or only a month ("december 2023",
 * written {@code 2023-12}) — plans often give a deadline or a status figure's date by month (docs/plan-document.md,
 * "Dates"). Where a rule needs a day, a month counts as its last day: a deadline "i december 2023" is met when the
 * target is reached by the end of December.
 */
public record PlanDate(LocalDate day, boolean monthOnly) implements Comparable<PlanDate> {
    private static final Locale DANISH = Locale.forLanguageTag("da-DK");
    private static final DateTimeFormatter DAY_WORDS = DateTimeFormatter.ofPattern("d. MMMM yyyy", DANISH);
    private static final DateTimeFormatter MONTH_WORDS = DateTimeFormatter.ofPattern("MMMM yyyy", DANISH);

    public PlanDate {
        if (day == null) {
            throw new IllegalArgumentException("day");
        }
        // A month is kept as its first day, so that two equal months are equal records.
        day = monthOnly ? day.withDayOfMonth(1) : day;
    }

    public static PlanDate of(LocalDate day) {
        return day == null ? null : new PlanDate(day, false);
    }

    public static PlanDate of(YearMonth month) {
        return month == null ? null : new PlanDate(month.atDay(1), true);
    }

    /** {@code 2025-12-31} or {@code 2023-12}; anything else throws {@link DateTimeParseException}. */
    public static PlanDate parse(String written) {
        if (written.length() == 7) {
            return of(YearMonth.parse(written));
        }
        return of(LocalDate.parse(written));
    }

    /** The day a rule uses: the day itself, or the last day of the month. */
    public LocalDate asDay() {
        return monthOnly ? YearMonth.from(day).atEndOfMonth() : day;
    }

    public int getYear() {
        return day.getYear();
    }

    /** The same day or month so many years later (a plan carried over to a later period). */
    public PlanDate plusYears(long years) {
        return monthOnly ? of(YearMonth.from(day).plusYears(years)) : of(day.plusYears(years));
    }

    /** In Danish, as the plan prints it: "31. december 2025" or "december 2023". */
    public String words() {
        return (monthOnly ? MONTH_WORDS : DAY_WORDS).format(day);
    }

    /** As the document writes it: {@code 2025-12-31} or {@code 2023-12}. */
    @Override
    public String toString() {
        return monthOnly ? YearMonth.from(day).toString() : day.toString();
    }

    /** By the day a rule uses. */
    @Override
    public int compareTo(PlanDate other) {
        return asDay().compareTo(other.asDay());
    }
}
