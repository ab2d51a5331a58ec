package dk.beskplan.administration.web.pages;

import dk.beskplan.platform.text.DanishFormats;
import java.time.Instant;

/** Times the Danish way for the pages ({@code ${fmt.when(...)}}); no time at all is "aldrig". */
public final class Times {
    static final Times INSTANCE = new Times();

    public String when(Instant instant) {
        return instant == null ? "aldrig" : DanishFormats.dateTime(instant);
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
