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

    /** A browser as people name it ("Firefox på Windows"), from its User-Agent; "ukendt browser" without one. */
    public String browser(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "ukendt browser";
        }
        String name = userAgent.contains("Edg/") ? "Edge" : userAgent.contains("Firefox/") ? "Firefox"
                : userAgent.contains("Chrome/") ? "Chrome" : userAgent.contains("Safari/") ? "Safari" : null;
        String system = userAgent.contains("Windows") ? "Windows" : userAgent.contains("Android") ? "Android"
                : userAgent.contains("iPhone") || userAgent.contains("iPad") ? "iOS" : userAgent.contains("Mac OS X") ? "macOS"
                : userAgent.contains("Linux") ? "Linux" : null;
        if (name == null) {
            return userAgent.length() > 60 ? userAgent.substring(0, 60) + "…" : userAgent;
        }
        return system == null ? name : name + " på " + system;
    }
}
