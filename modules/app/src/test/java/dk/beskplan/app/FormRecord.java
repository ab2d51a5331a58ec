package dk.beskplan.app;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which page forms the browser tests submitted, by the {@code data-form} name every {@code <form>} in a template
 * carries. A listener installed in every page (before the page's own scripts) notes each submit in localStorage;
 * {@link Browser} collects the names whenever it opens a page or closes, and this class appends them to
 * {@code target/browser-tests/forms-submitted.txt}. The file is started afresh once per test JVM, so
 * EveryFormIsSubmittedTest (run after all other tests) sees this run only.
 */
final class FormRecord {
    static final String STORAGE_KEY = "beskplan.test.forms";
    static final String LISTENER = "document.addEventListener('submit', function (e) {"
            + " var name = e.target && e.target.getAttribute && e.target.getAttribute('data-form'); if (!name) { return; }"
            + " try { var l = JSON.parse(localStorage.getItem('" + STORAGE_KEY + "') || '[]');"
            + " if (l.indexOf(name) < 0) { l.push(name); localStorage.setItem('" + STORAGE_KEY + "', JSON.stringify(l)); } }"
            + " catch (x) { } }, true);";
    private static final Path FILE = Path.of(System.getProperty("beskplan.browser-records", "target/browser-tests"), "forms-submitted.txt");
    private static boolean started;

    private FormRecord() {
    }

    /** Moves the names noted in the current page's origin into the file. */
    static synchronized void harvest(WebDriver driver) {
        String names;
        try {
            names = (String) ((JavascriptExecutor) driver).executeScript("try { var v = localStorage.getItem('" + STORAGE_KEY
                    + "'); localStorage.removeItem('" + STORAGE_KEY + "'); return v; } catch (e) { return null; }");
        } catch (WebDriverException notAPageOfOurs) {
            return; // about:blank, a PDF: nothing noted there
        }
        if (names == null || names.equals("[]")) {
            return;
        }
        Set<String> submitted = new TreeSet<>(Arrays.asList(names.replaceAll("[\\[\\]\"]", "").split(",")));
        append(submitted);
    }

    /** The first browser of a test JVM starts the record afresh. */
    static synchronized void startOnce() {
        if (started) {
            return;
        }
        try {
            Files.createDirectories(FILE.getParent());
            Files.deleteIfExists(FILE);
            started = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void append(Set<String> names) {
        startOnce();
        try {
            Files.writeString(FILE, String.join("\n", names) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names recorded in this run. */
    static Set<String> recorded() throws IOException {
        Set<String> names = new TreeSet<>();
        if (Files.exists(FILE)) {
            Files.readAllLines(FILE).stream().map(String::strip).filter(l -> !l.isEmpty()).forEach(names::add);
        }
        return names;
    }

    static Path file() {
        return FILE;
    }
}
