package dk.beskplan.platform.mail;

import java.util.UUID;

/** A plan as every mail names it, so the reader knows which one at a glance: title, municipality, period. */
public record MailedPlan(UUID planId, String title, String municipality, int fromYear, int toYear) {

    /** "2025" or "2025–2028". */
    public String period() {
        return fromYear == toYear ? Integer.toString(fromYear) : fromYear + "–" + toYear;
    }
}
