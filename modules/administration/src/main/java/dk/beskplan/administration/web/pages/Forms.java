package dk.beskplan.administration.web.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What only administration's forms have; the rest of reading a form is platform's {@code PageForms}. */
final class Forms {
    private Forms() {
    }

    /** The roles ticked: one checkbox per role, named {@code role.<ROLE>} (one value per name, no repeated keys). */
    static List<String> roles(Map<String, ?> form) {
        List<String> roles = new ArrayList<>();
        form.keySet().stream().filter(k -> k.startsWith("role.")).sorted().forEach(k -> roles.add(k.substring("role.".length())));
        return roles;
    }
}
