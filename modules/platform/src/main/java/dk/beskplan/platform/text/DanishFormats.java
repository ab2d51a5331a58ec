package dk.beskplan.platform.text;

import dk.beskplan.plandocument.TargetWording;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Dates, times and numbers written and read the Danish way, by one set of rules for every module: pages, mails and
 * documents alike.
 *
 * <ul>
 *   <li>A date is "3. marts 2026"; a moment is "3. marts 2026 kl. 14.05" in Danish time (Europe/Copenhagen), with a
 *       point between hours and minutes as Danish writes it.</li>
 *   <li>A number is written with a decimal comma and no thousands separator; a whole number has no decimals.
 *       {@link #number} gives a figure that is not whole one decimal, rounded half up (a measured or computed figure:
 *       71,43 → "71,4");
 *       {@link #asWritten} keeps every decimal the figure has (a figure a person wrote in a plan: "12,25").</li>
 *   <li>A number is read from "1.234,5", "71,4", "-0,5", "12" or "1234.5": a comma is the decimal sign and points
 *       before it group thousands; without a comma a single point is a decimal point, as a browser's number field
 *       or a spreadsheet writes it (so "1.234" is one point two three four, while "1.234.567" is grouped).
 *       Spaces (also non-breaking) and a trailing "%" are ignored. Anything else ("abc", "1,2,3", "1e3", "NaN") is
 *       refused with {@link NotANumber}.</li>
 * </ul>
 */
public final class DanishFormats {
    public static final Locale DANISH = Locale.forLanguageTag("da-DK");
    public static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");

    /** "3. marts 2026", for templates that format a date themselves ({@code ${danishDate.format(d)}}). */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy", DANISH);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d. MMMM yyyy 'kl.' HH.mm", DANISH)
            .withZone(DANISH_TIME);

    /** "1.234,5", "-0,5", ",5": a decimal comma, points grouping thousands before it. */
    private static final Pattern WITH_COMMA = Pattern.compile("[+-]?(\\d{1,3}(\\.\\d{3})+|\\d*),\\d+");
    /** "12", "1234.5", ".5": digits with at most one decimal point. */
    private static final Pattern WITH_POINT = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    /** "1.234.567": points grouping thousands, no decimals. */
    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(\\.\\d{3}){2,}");

    private DanishFormats() {
    }

    /** "3. marts 2026". */
    public static String date(LocalDate date) {
        return DATE.format(date);
    }

    /** "3. marts 2026" of a moment, in Danish time. */
    public static String date(Instant instant) {
        return DATE.format(instant.atZone(DANISH_TIME));
    }

    /** "3. marts 2026 kl. 14.05" in Danish time. */
    public static String dateTime(Instant instant) {
        return DATE_TIME.format(instant);
    }

    /**
     * A measured or computed figure: a whole one without decimals ("75"), any other with one decimal rounded half up
     * ("71,4" for 71,43, "12,3" for 12,25, "72,0" for 71,96); no thousands separator.
     */
    public static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e12) {
            return Long.toString((long) value);
        }
        return String.format(DANISH, "%.1f", value);
    }

    /** A figure as a person wrote it, every decimal kept: "75", "12,25", "0,125"; no thousands separator. */
    public static String asWritten(double value) {
        return TargetWording.number(value); // the plan document's own rule, so a plan's figures read alike everywhere
    }

    /** A figure as a person wrote it, every decimal kept: "75", "12,25"; no thousands separator. */
    public static String asWritten(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString().replace('.', ',');
    }

    /** The number written in {@code text} (see the class for what is read); refused with {@link NotANumber}. */
    public static BigDecimal parse(String text) {
        String t = text == null ? "" : text.replace("\u00a0", "").replace(" ", "").strip();
        if (t.endsWith("%")) {
            t = t.substring(0, t.length() - 1);
        }
        if (WITH_COMMA.matcher(t).matches()) {
            return new BigDecimal(t.replace(".", "").replace(',', '.'));
        }
        if (GROUPED.matcher(t).matches()) {
            return new BigDecimal(t.replace(".", ""));
        }
        if (WITH_POINT.matcher(t).matches()) {
            return new BigDecimal(t.endsWith(".") ? t.substring(0, t.length() - 1) : t);
        }
        throw new NotANumber(text);
    }

    /** The number written in {@code text} as a double; refused with {@link NotANumber} (also when too large for one). */
    public static double parseDouble(String text) {
        double value = parse(text).doubleValue();
        if (!Double.isFinite(value)) {
            throw new NotANumber(text);
        }
        return value;
    }

    /** The number written in {@code text}, or null when there is none or it is not a number. */
    public static @Nullable Double parseOrNull(@Nullable String text) {
        try {
            return text == null || text.isBlank() ? null : parseDouble(text);
        } catch (NotANumber e) {
            return null;
        }
    }

    /** Text that is not a number by these rules. */
    public static final class NotANumber extends NumberFormatException {
        private final String text;

        NotANumber(String text) {
            super("»" + text + "« er ikke et tal som 1.234,5, 71,4 eller -0,5");
            this.text = text;
        }

        /** The text as given. */
        public String text() {
            return text;
        }
    }
}
