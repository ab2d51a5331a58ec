package dk.beskplan.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every form of every page is submitted by some browser test. Finds the {@code <form>} elements in all modules'
 * templates (each must carry a {@code data-form} name) and compares them with the names the browser tests
 * recorded ({@link FormRecord}). Runs after all other tests, in a surefire execution of its own (app POM); a new
 * form, in any module, fails here until a browser test submits it.
 */
class EveryFormIsSubmittedTest {
    // A form's start tag up to its closing '>', quoted attribute values skipped (th:if="${n > 1}" holds a '>').
    private static final Pattern FORM = Pattern.compile("<form\\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("\\bdata-form=\"([^\"]+)\"");

    @Test
    void everyPageFormIsSubmittedByABrowserTest() throws IOException {
        String selected = System.getProperty("test");
        org.junit.jupiter.api.Assumptions.assumeTrue(selected == null || selected.isBlank(),
                "only some tests ran (-Dtest=" + selected + "): the record of submitted forms is incomplete");
        Map<String, String> forms = formsInTemplates();
        assertThat(forms).as("forms found in the templates").isNotEmpty();
        assertThat(FormRecord.file()).as("the record of the browser tests (run the whole suite: ./mvnw -B verify)").exists();

        List<String> notSubmitted = new ArrayList<>();
        forms.forEach((name, template) -> {
            try {
                if (!FormRecord.recorded().contains(name)) {
                    notSubmitted.add(name + " (" + template + ")");
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        System.out.println("Page forms: " + forms.size() + ", submitted by browser tests: " + (forms.size() - notSubmitted.size()));
        assertThat(notSubmitted).as("page forms no browser test submits").isEmpty();
    }

    /** data-form name → template, for every form in every module's templates; fails on a form without a name. */
    static Map<String, String> formsInTemplates() throws IOException {
        Map<String, String> forms = new TreeMap<>();
        List<String> unnamed = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("..").toAbsolutePath().normalize())) {
            for (Path file : files.filter(f -> f.toString().replace('\\', '/').matches(".*/src/main/resources/views/.*\\.html")).toList()) {
                Matcher form = FORM.matcher(Files.readString(file));
                while (form.find()) {
                    Matcher name = NAME.matcher(form.group());
                    String template = file.getParent().getFileName() + "/" + file.getFileName();
                    if (name.find()) {
                        forms.putIfAbsent(name.group(1), template);
                    } else {
                        unnamed.add(template + ": " + form.group().replaceAll("\\s+", " "));
                    }
                }
            }
        }
        assertThat(unnamed).as("forms without a data-form name (give each a unique one)").isEmpty();
        return forms;
    }
}
