package dk.beskplan.approval.web.pages;

import dk.beskplan.platform.web.InvalidInput;
import dk.beskplan.platform.web.PageForms;
import dk.beskplan.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What only the secretary's pages read from forms (ids, times, whole numbers refused under the name of the list they
 * belong to, lenient versions); reading text and the act-or-show-the-refusal shape are platform's {@link PageForms}.
 */
final class Forms {
    private Forms() {
    }

    /** Runs the action and redirects (303) on success; on a refusal, renders the page again with the errors. */
    static MutableHttpResponse<?> submit(Runnable action, String onSuccess,
                                         Function<Map<String, String>, ModelAndView<Map<String, Object>>> page) {
        return PageForms.act(() -> {
            action.run();
            return onSuccess;
        }, page);
    }

    /** The page {@code view}, with what every form page shows besides its own: refusals by field, the input, what was done. */
    static ModelAndView<Map<String, Object>> page(String view, Map<String, Object> model, Map<String, String> errors,
                                                  Map<String, String> form, @Nullable String done) {
        model.put("errors", errors);
        model.put("form", form);
        model.put("done", done);
        return new ModelAndView<>(view, model);
    }

    static @Nullable UUID uuid(Map<String, String> form, String name) {
        try {
            String value = PageForms.text(form, name);
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static @Nullable LocalDate date(Map<String, String> form, String name, String field, boolean required) {
        String value = PageForms.text(form, name);
        if (value == null) {
            if (required) {
                throw InvalidInput.field(field, "skal være en dato som 2026-12-10");
            }
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw InvalidInput.field(field, "skal være en dato som 2026-12-10");
        }
    }

    static @Nullable LocalTime time(Map<String, String> form, String name) {
        String value = PageForms.text(form, name);
        if (value == null) {
            return null;
        }
        try {
            return LocalTime.parse(value.replace('.', ':'));
        } catch (DateTimeParseException e) {
            throw InvalidInput.field(name, "skal være et klokkeslæt som 16:00");
        }
    }

    static @Nullable Integer number(Map<String, String> form, String name, String field) {
        String value = PageForms.text(form, name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw InvalidInput.field(field, "skal være et helt tal");
        }
    }

    static @Nullable Long version(Map<String, String> form) {
        String value = PageForms.text(form, "version");
        try {
            return value == null ? null : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Reads one field with {@code read}; a refusal of it is added to {@code errors} (and null returned), so that a form
     * is refused with every field's problem at once rather than the first one's.
     */
    static <T> @Nullable T collect(java.util.List<ProblemException.FieldError> errors, Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidInput refused) {
            errors.addAll(refused.errors());
            return null;
        }
    }

    /** Refuses with every error collected, if there is one. */
    static void refuseIfAny(java.util.List<ProblemException.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    /** Runs a supplier, for actions that return a value the page does not need. */
    static Runnable run(Supplier<?> action) {
        return action::get;
    }
}
