package dk.beskplan.drafting.web.pages;

import io.micronaut.context.MessageSource;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a field's path in the plan document into the words an official sees on the page:
 * {@code successCriteria[1].deadline} is "Succeskriterium 2 › Frist". The error summary uses it, so every
 * message names its field (the API keeps the paths).
 */
@Singleton
public class FieldNames {
    private static final Pattern STEP = Pattern.compile("([^\\[\\]]+)(?:\\[(\\d+)])?");
    private static final Locale DANISH = Locale.forLanguageTag("da-DK");
    private final MessageSource messages;

    public FieldNames(MessageSource messages) {
        this.messages = messages;
    }

    public String describe(String path) {
        List<String> words = new ArrayList<>();
        for (String step : path.split("\\.")) {
            Matcher m = STEP.matcher(step);
            if (!m.matches()) {
                words.add(step); // a field name the format does not know, shown as sent
                continue;
            }
            String name = messages.getMessage("field." + m.group(1), DANISH).orElse(m.group(1));
            words.add(m.group(2) == null ? name : name + " " + (Integer.parseInt(m.group(2)) + 1));
        }
        return String.join(" › ", words);
    }

    /**
     * A path in an imported document as the official reads it, after the document's own name: "Plandokument › Mål 2 ›
     * Succeskriterium 1 › Frist"; the document as a whole ({@code document}, {@code general}) is just "Plandokument".
     */
    public String documentPlace(String path) {
        String document = messages.getMessage("plans.field.document", DANISH).orElse("document");
        return path.equals("document") || path.equals("general") || path.isBlank() ? document : document + " › " + describe(path);
    }
}
