package dk.beskplan.administration.pages;

import dk.beskplan.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** The pages' way with forms: read a field, and either go on (303 to the next page) or show the refusal by field. */
final class Forms {
    private Forms() {
    }

    static @Nullable String text(Map<String, ?> form, String name) {
        Object value = form.get(name);
        if (value instanceof List<?> list) {
            value = list.isEmpty() ? null : list.get(0);
        }
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    static @Nullable Integer integer(Map<String, ?> form, String name) {
        String value = text(form, name);
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The roles ticked: one checkbox per role, named {@code role.<ROLE>} (one value per name, no repeated keys). */
    static List<String> roles(Map<String, ?> form) {
        List<String> roles = new ArrayList<>();
        form.keySet().stream().filter(k -> k.startsWith("role.")).sorted().forEach(k -> roles.add(k.substring("role.".length())));
        return roles;
    }

    /**
     * Runs the act; on success redirects to {@code next}, on refusal renders {@code page} with the errors by field
     * (and the refusal's status), changing nothing.
     */
    static MutableHttpResponse<?> act(Supplier<String> act, Function<Map<String, String>, ModelAndView<Map<String, Object>>> page) {
        try {
            return HttpResponse.seeOther(URI.create(act.get()));
        } catch (ProblemException e) {
            return HttpResponse.status(e.status()).body(page.apply(e.messagesByField()));
        }
    }
}
