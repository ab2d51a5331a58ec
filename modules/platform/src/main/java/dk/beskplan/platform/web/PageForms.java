package dk.beskplan.platform.web;

import dk.beskplan.platform.text.DanishFormats;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The pages' way with forms, the same in every module: read a field (an empty one is null; one that is not what it
 * should be is refused naming the field), then act and either go on (303 to the next page) or show the same page
 * again with each refusal next to its field and the input kept. Numbers are read by {@link DanishFormats}' rules.
 */
public final class PageForms {
    private PageForms() {
    }

    /** The field's text, stripped; null when it is missing or blank. A repeated field gives its first value. */
    public static @Nullable String text(Map<String, ?> form, String name) {
        Object value = form.get(name);
        if (value instanceof List<?> list) {
            value = list.isEmpty() ? null : list.get(0);
        }
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    /** A whole number ("12", "-1"); null when empty; anything else is refused naming the field. */
    public static @Nullable Integer integer(Map<String, ?> form, String name) {
        String value = text(form, name);
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw InvalidInput.field(name, "skal være et helt tal");
        }
    }

    /** A decimal number written the Danish way ("71,4", "1.234,5") or plainly ("71.4"); null when empty. */
    public static @Nullable Double decimal(Map<String, ?> form, String name) {
        String value = text(form, name);
        try {
            return value == null ? null : DanishFormats.parseDouble(value);
        } catch (DanishFormats.NotANumber e) {
            throw InvalidInput.field(name, "skal være et tal som 71,4");
        }
    }

    /** A date as a date field sends it ("2025-12-31"); null when empty. */
    public static @Nullable LocalDate date(Map<String, ?> form, String name) {
        String value = text(form, name);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw InvalidInput.field(name, "skal være en dato som 2025-12-31");
        }
    }

    /**
     * Runs the act, which answers where to go next, and redirects there (303); when the act is refused, renders
     * {@code page} with the refusals by field and the refusal's status, having changed nothing.
     */
    public static MutableHttpResponse<?> act(Supplier<String> act, Function<Map<String, String>, ModelAndView<Map<String, Object>>> page) {
        try {
            return HttpResponse.seeOther(URI.create(act.get()));
        } catch (ProblemException e) {
            return HttpResponse.status(e.status()).body(page.apply(e.messagesByField()));
        }
    }
}
