package dk.beskplan.followup.web.pages;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Today as follow-up's pages see it: in Copenhagen (dates are printed by platform's DanishFormats). */
final class PageDates {
    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    private PageDates() {
    }

    /** Today in Copenhagen. */
    static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(COPENHAGEN));
    }
}
