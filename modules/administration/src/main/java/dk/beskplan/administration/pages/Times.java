package dk.beskplan.administration.pages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times the Danish way for the pages ({@code ${fmt.when(...)}}); no time at all is "aldrig". */
public final class Times {
    static final Times INSTANCE = new Times();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d. MMMM yyyy 'kl.' HH:mm", Locale.forLanguageTag("da-DK"))
            .withZone(ZoneId.of("Europe/Copenhagen"));

    public String when(Instant instant) {
        return instant == null ? "aldrig" : WHEN.format(instant);
    }
}
