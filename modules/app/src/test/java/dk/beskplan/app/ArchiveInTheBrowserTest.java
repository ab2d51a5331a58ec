package dk.beskplan.app;

import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.Eventually;
import dk.beskplan.platform.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The archive's pages in a real browser, by keyboard and labels: search a word across the municipality's plans,
 * open the plan's history, see the plan as it stood on a date, check the chain, and find the package link.
 * With {@code -Dbeskplan.screenshots=DIR} the pages are also saved as PNG for a person to look at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchiveInTheBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private TestApp app;
    private Browser browser;
    private String planId;

    @BeforeAll
    void start() {
        app = TestApp.start();
        Fixtures.seedUsers(app);
        Api official = Fixtures.as(app, "a.official");
        planId = Fixtures.createPlan(official, Fixtures.A);
        official.post("/api/plans/" + planId + "/submit", Map.of(), "If-Match", "\"0\"");
        new Committee(Fixtures.as(app, "a.secretary")).approve(planId);
        Eventually.await(WAIT, "the decision in the archive", () -> official.get("/api/archive/plans/" + planId + "/timeline").jsonList(),
                t -> t.stream().anyMatch(e -> "approval.plan-decision-recorded".equals(e.get("type"))));
        browser = new Browser(app.url());
    }

    @AfterAll
    void stop() {
        browser.close();
        app.close();
    }

    @Test
    void searchTheArchiveOpenThePlansHistoryAndSeeItOnADate() throws Exception {
        browser.login("a.official", Fixtures.PASSWORD).open("/");
        browser.click("Arkiv").awaitText("Planer i arkivet");
        screenshot("arkiv");

        // Search by keyboard: the label names the field; Enter submits (htmx swaps the results in).
        browser.field("Søgeord").sendKeys("tilfredse", Keys.ENTER);
        browser.awaitText("fundet");
        // The count in words, singular or plural (it once showed the raw message pattern).
        assertThat(browser.text()).containsPattern("(1 dokument|\\d+ dokumenter) fundet").doesNotContain("choice");
        assertThat(browser.driver.findElements(By.cssSelector("#results mark"))).extracting(e -> e.getText()).contains("tilfredse");
        screenshot("soeg");

        browser.click("Planens historik").awaitText("Hvornår");
        assertThat(browser.url()).contains("/arkiv/planer/" + planId);
        assertThat(browser.text()).contains("Udkast oprettet").contains("Indsendt til godkendelse")
                .contains("Godkendt af Udvalget for Beskæftigelse").contains("a.secretary");
        assertThat(browser.driver.findElement(By.linkText("Hent arkivpakken (zip)")).getAttribute("href"))
                .endsWith("/arkiv/planer/" + planId + "/pakke");
        screenshot("historik");

        // The chain, checked on request (htmx puts the answer under the button).
        browser.click("Kontrollér planens kæde").awaitText("Kæden er intakt");

        // The plan as it stood today: approved, with the decision; and the revision link opens the document.
        browser.setValue("dato", Committee.today().toString()).click("Vis planen på datoen");
        browser.awaitText("Tilstand");
        assertThat(browser.await("as-of-state").getText()).isEqualTo("Godkendt");
        assertThat(browser.await("as-of-decisions").getText()).contains("Godkendt af Udvalget for Beskæftigelse");
        screenshot("status");
        browser.click("Revision 1, som den blev indsendt").awaitText("Flere i job");
        assertThat(browser.text()).contains("Mindst 75 pct. af borgerne er tilfredse").contains("Indsendt revision arkiveret");

        // A date before the plan existed.
        browser.open("/arkiv/planer/" + planId + "/status?dato=2020-01-01").awaitText("Planen fandtes ikke endnu den 1. januar 2020: dens historik begynder den");
        // A bad date names the field.
        browser.open("/arkiv/planer/" + planId + "/status?dato=i-går").awaitText("skriv datoen som ÅÅÅÅ-MM-DD");
        assertThat(browser.await("dato").getAttribute("aria-invalid")).isEqualTo("true");
    }

    @Test
    void aReaderSearchesPublishedDocumentsOnly() {
        try (Browser reader = new Browser(app.url())) {
            reader.login("a.reader", Fixtures.PASSWORD).open("/arkiv").awaitText("godkendte planer");
            reader.fill("Søgeord", "tilfredse").click("Søg").awaitText("Resultater");
            List<String> kinds = reader.driver.findElements(By.cssSelector(".hit .muted span:first-child")).stream()
                    .map(e -> e.getText()).toList();
            assertThat(kinds).doesNotContain("Indsendt revision");
            assertThat(reader.text()).doesNotContain("Planens historik");
            // From the list of plans, a reader opens the version in force.
            reader.open("/arkiv").click("Beskæftigelsesplan 2026").awaitText("Godkendt version arkiveret");
            assertThat(reader.text()).contains("Mindst 75 pct. af borgerne er tilfredse");
        }
    }

    private void screenshot(String name) throws Exception {
        String dir = System.getProperty("beskplan.screenshots");
        if (dir != null) {
            Files.createDirectories(Path.of(dir));
            Files.write(Path.of(dir, name + ".png"), ((TakesScreenshot) browser.driver).getScreenshotAs(OutputType.BYTES));
        }
    }
}
