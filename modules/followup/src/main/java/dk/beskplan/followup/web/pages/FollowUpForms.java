package dk.beskplan.followup.web.pages;

import dk.beskplan.platform.web.InvalidInput;
import dk.beskplan.platform.web.PageForms;
import dk.beskplan.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.Map;

/**
 * What only follow-up's forms need: readings that never refuse, for the live evaluation while a person types, and
 * the version a task form carries. Reading a field the common way is platform's {@link PageForms}.
 */
final class FollowUpForms {
    private FollowUpForms() {
    }

    /** Like {@link PageForms#decimal} but never refuses. */
    static @Nullable Double numberOrNull(Map<String, String> form, String name) {
        try {
            return PageForms.decimal(form, name);
        } catch (ProblemException e) {
            return null;
        }
    }

    /** Like {@link PageForms#date} but never refuses. */
    static @Nullable LocalDate dateOrNull(Map<String, String> form, String name) {
        try {
            return PageForms.date(form, name);
        } catch (ProblemException e) {
            return null;
        }
    }

    /** A whole number the page itself put in the form (a version); missing means the page is old. */
    static int integer(Map<String, String> form, String name) {
        try {
            return Integer.parseInt(PageForms.text(form, name));
        } catch (NumberFormatException | NullPointerException e) {
            throw InvalidInput.field(name, "mangler; hent siden igen");
        }
    }
}
