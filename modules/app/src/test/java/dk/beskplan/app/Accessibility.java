package dk.beskplan.app;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * axe-core (the npm package the build installs into target/axe, see the app POM) injected into the page a browser
 * test shows: WCAG 2.0 and 2.1, levels A and AA. A page with any violation fails the test, naming rule, impact and
 * elements. Counts the pages checked in this JVM, for the run's figures.
 */
final class Accessibility {
    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final AtomicInteger PAGES = new AtomicInteger();
    private static String axeSource;

    private Accessibility() {
    }

    static int check(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axe());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) js.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "axe.run(document, { runOnly: { type: 'tag', values: arguments[0] } })"
                        + ".then(function (r) { done(r.violations.map(function (v) { return { id: v.id, impact: v.impact, help: v.help,"
                        + " nodes: v.nodes.slice(0, 5).map(function (n) { return n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' '); }) }; })); })"
                        + ".catch(function (e) { done([{ id: 'axe-error', impact: 'error', help: String(e), nodes: [] }]); });",
                TAGS);
        int number = PAGES.incrementAndGet();
        if (!violations.isEmpty()) {
            StringBuilder report = new StringBuilder("axe-core: " + violations.size() + " violation(s) on " + driver.getCurrentUrl()
                    + " (" + driver.getTitle() + "):");
            violations.forEach(v -> report.append("\n  ").append(v.get("id")).append(" [").append(v.get("impact")).append("] ")
                    .append(v.get("help")).append("\n    ").append(String.join("\n    ", (List<String>) v.get("nodes"))));
            throw new AssertionError(report.toString());
        }
        return number;
    }

    static int pagesChecked() {
        return PAGES.get();
    }

    private static synchronized String axe() {
        if (axeSource == null) {
            Path file = Path.of(System.getProperty("beskplan.axe", "target/axe/node_modules/axe-core/axe.min.js"));
            try {
                axeSource = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException("axe-core is missing at " + file + ": the build installs it with npm"
                        + " (exec-maven-plugin in modules/app/pom.xml, phase generate-test-resources)", e);
            }
        }
        return axeSource;
    }
}
