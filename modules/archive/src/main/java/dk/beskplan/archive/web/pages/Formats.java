package dk.beskplan.archive.web.pages;

import dk.beskplan.archive.application.Archive;

import dk.beskplan.platform.text.DanishFormats;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Danish dates and times for the archive's pages (the templates call these). */
public final class Formats {
    private static final DateTimeFormatter ISO_DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(Archive.DANISH_TIME);

    public String when(Instant instant) {
        return instant == null ? "" : DanishFormats.dateTime(instant);
    }

    public String day(LocalDate date) {
        return date == null ? "" : DanishFormats.date(date);
    }

    /** The ISO date (Danish time) of an instant: for a link to the as-of view of that day. */
    public String isoDay(Instant instant) {
        return instant == null ? "" : ISO_DAY.format(instant);
    }

    public String period(Integer from, Integer to) {
        if (from == null) {
            return "";
        }
        return to == null || to.equals(from) ? String.valueOf(from) : from + "–" + to;
    }

    /** The first characters of a hash, enough to compare by eye. */
    public String shortHash(String hash) {
        return hash == null ? "" : hash.substring(0, Math.min(12, hash.length()));
    }
}
