package dk.beskplan.followup.pages;

import dk.beskplan.platform.web.InvalidInput;
import dk.beskplan.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Reading follow-up's form fields the Danish way (71,4), and naming refusals by field for the page. */
final class PageForms {
    private PageForms() {
    }

    static Map<String, String> errors(ProblemException e) {
        return e.messagesByField();
    }

    static @Nullable String text(Map<String, String> form, String name) {
        String value = form.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** "71,4", "71.4", "1.234,5" or empty; anything else is refused naming the field. */
    static @Nullable Double number(Map<String, String> form, String name) {
        String value = text(form, name);
        if (value == null) {
            return null;
        }
        String t = value.replace(" ", "").replace("%", "");
        if (t.contains(",")) {
            t = t.replace(".", "").replace(',', '.');
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw InvalidInput.field(name, "skal være et tal som 71,4");
        }
    }

    /** Like {@link #number} but never refuses: for the live evaluation while a person types. */
    static @Nullable Double numberOrNull(Map<String, String> form, String name) {
        try {
            return number(form, name);
        } catch (ProblemException e) {
            return null;
        }
    }

    static @Nullable LocalDate date(Map<String, String> form, String name) {
        String value = text(form, name);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw InvalidInput.field(name, "skal være en dato som 2025-12-31");
        }
    }

    static @Nullable LocalDate dateOrNull(Map<String, String> form, String name) {
        try {
            return date(form, name);
        } catch (ProblemException e) {
            return null;
        }
    }

    static int integer(Map<String, String> form, String name) {
        try {
            return Integer.parseInt(text(form, name));
        } catch (NumberFormatException | NullPointerException e) {
            throw InvalidInput.field(name, "mangler; hent siden igen");
        }
    }
}
