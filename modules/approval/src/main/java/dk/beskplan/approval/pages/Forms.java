package dk.beskplan.approval.pages;

import dk.beskplan.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What the secretary's pages share: reading form values, and turning a refused action into the same page again
 * with the errors named by field and the secretary's input kept.
 */
final class Forms {
    private Forms() {
    }

    /** Runs the action and redirects (303) on success; on a refusal, renders the page again with the errors. */
    static MutableHttpResponse<?> submit(Runnable action, String onSuccess,
                                         java.util.function.Function<Map<String, String>, ModelAndView<Map<String, Object>>> page) {
        try {
            action.run();
            return HttpResponse.seeOther(URI.create(onSuccess));
        } catch (ProblemException e) {
            return HttpResponse.status(e.status()).body(page.apply(errors(e)));
        }
    }

    static Map<String, String> errors(ProblemException e) {
        return e.messagesByField();
    }

    static @Nullable String text(Map<String, String> form, String name) {
        String value = form.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    static @Nullable UUID uuid(Map<String, String> form, String name) {
        try {
            String value = text(form, name);
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static @Nullable LocalDate date(Map<String, String> form, String name, String field, boolean required) {
        String value = text(form, name);
        if (value == null) {
            if (required) {
                throw dk.beskplan.platform.web.InvalidInput.field(field, "skal være en dato som 2026-12-10");
            }
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw dk.beskplan.platform.web.InvalidInput.field(field, "skal være en dato som 2026-12-10");
        }
    }

    static @Nullable LocalTime time(Map<String, String> form, String name) {
        String value = text(form, name);
        if (value == null) {
            return null;
        }
        try {
            return LocalTime.parse(value.replace('.', ':'));
        } catch (DateTimeParseException e) {
            throw dk.beskplan.platform.web.InvalidInput.field(name, "skal være et klokkeslæt som 16:00");
        }
    }

    static @Nullable Integer number(Map<String, String> form, String name, String field) {
        String value = text(form, name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw dk.beskplan.platform.web.InvalidInput.field(field, "skal være et helt tal");
        }
    }

    static @Nullable Long version(Map<String, String> form) {
        String value = text(form, "version");
        try {
            return value == null ? null : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Runs a supplier, for actions that return a value the page does not need. */
    static Runnable run(Supplier<?> action) {
        return action::get;
    }
}
