package dk.beskplan.app;

import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.Eventually;
import dk.beskplan.platform.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An official's main path in a real browser: create a draft, give it a goal with an objective and a
 * measurable success criterion (the target fields appear for the chosen kind, htmx), be told which field
 * is wrong, save, compare two revisions, and submit the plan to the committee.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DraftingInTheBrowserTest {
    private TestApp app;
    private Browser browser;

    @BeforeAll
    void start() {
        app = TestApp.start();
        Fixtures.seedUsers(app);
        browser = new Browser(app.url());
    }

    @AfterAll
    void stop() {
        browser.close();
        app.close();
    }

    @Test
    void createEditCompareAndSubmitADraft() throws Exception {
        browser.login("a.official", Fixtures.PASSWORD).open("/plans");

        // A period that ends before it begins: named by the fields' Danish labels.
        browser.fill("Titel", "Beskæftigelsesplan 2027").fill("Fra år", "2027").fill("Til år", "2026")
                .fill("Udvalg (valgfrit)", "Udvalget for Beskæftigelse").click("Opret udkast");
        browser.awaitText("Der er fejl i formularen");
        assertThat(browser.driver.findElement(By.id("toYear-error")).getText()).isEqualTo("kan ikke ligge før Fra år (2027)");
        assertThat(browser.text()).doesNotContain("fromYear");

        // Create
        browser.fill("Titel", "Beskæftigelsesplan 2027").fill("Fra år", "2027").fill("Til år", "2027")
                .fill("Udvalg (valgfrit)", "Udvalget for Beskæftigelse").click("Opret udkast");
        browser.awaitText("Udkast");
        String planId = browser.url().replaceAll(".*/plans/", "");

        // A goal: created from the editor, then edited on its own page
        browser.click("Redigér udkastet");
        browser.fillById("f-newGoal-label", "Lokalt mål 1").fillById("f-newGoal-title", "Flere unge i uddannelse").click("Tilføj mål");
        browser.awaitText("Redigér mål");
        browser.click("Tilføj målsætning");
        // Keyboard users land in the new, empty objective after the swap.
        browser.await("f-objectives-0-");
        org.openqa.selenium.support.ui.WebDriverWait focus = new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(5));
        focus.until(d -> "objectives[0]".equals(d.switchTo().activeElement().getAttribute("name")));
        browser.fillById("f-objectives-0-", "Flere unge skal i gang med en uddannelse");
        browser.click("Tilføj succeskriterium");
        browser.fillById("f-successCriteria-0-text", "Mindst 60 pct. af de unge er i uddannelse efter et år");
        browser.choose("f-successCriteria-0-target-kind", "Andel (procent)");
        // The fields for a share appear without a page load; what was typed stays.
        browser.await("f-successCriteria-0-target-percent");
        assertThat(browser.driver.findElement(By.id("f-objectives-0-")).getAttribute("value"))
                .isEqualTo("Flere unge skal i gang med en uddannelse");
        browser.choose("f-successCriteria-0-target-comparator", "Mindst");
        browser.fillById("f-successCriteria-0-target-percent", "60");
        browser.fillById("f-successCriteria-0-deadline", "31/12/2027");
        browser.click("Gem ændringer");

        // A wrong date is named, with its field, and nothing is saved
        browser.awaitText("Der er fejl i formularen");
        assertThat(browser.text()).contains("Succeskriterium 1 › Frist: skal være en dato");
        Api official = Fixtures.as(app, "a.official");
        assertThat(official.get("/api/plans/" + planId).json()).containsEntry("currentRevision", 2);

        browser.fillById("f-successCriteria-0-deadline", "2027-12-31").click("Gem ændringer");
        browser.awaitText("Ændringerne er gemt");
        Map<String, Object> document = official.get("/api/plans/" + planId + "/document").json();
        @SuppressWarnings("unchecked")
        Map<String, Object> goal = ((List<Map<String, Object>>) document.get("goals")).get(0);
        assertThat(goal).containsEntry("title", "Flere unge i uddannelse")
                .containsEntry("objectives", List.of("Flere unge skal i gang med en uddannelse"));
        @SuppressWarnings("unchecked")
        Map<String, Object> criterion = ((List<Map<String, Object>>) goal.get("successCriteria")).get(0);
        assertThat(criterion).containsEntry("deadline", "2027-12-31");
        assertThat(criterion.get("target")).isEqualTo(Map.of("kind", "SHARE", "comparator", "AT_LEAST", "percent", 60));

        // Compare the empty draft (revision 1) with the saved one (revision 3)
        browser.open("/plans/" + planId + "/revisioner");
        browser.choose("fra", "1").choose("til", "3").click("Sammenlign");
        browser.awaitText("1 tilføjet, 0 fjernet, 0 flyttet og 0 ændret.");
        assertThat(browser.text()).contains("Tilføjet").contains("Lokalt mål 1: Flere unge i uddannelse");

        // Several targets on one criterion (issue 17): the one target becomes the first of two; removed again, it is one
        browser.open("/plans/" + planId + "/maal/0");
        centre("Tilføj et måltal mere").click("Tilføj et måltal mere");
        browser.await("f-successCriteria-0-targets-1-kind");
        assertThat(browser.value("f-successCriteria-0-targets-0-percent")).isEqualTo("60");
        browser.choose("f-successCriteria-0-targets-1-kind", "Antal");
        browser.await("f-successCriteria-0-targets-1-count");
        browser.choose("f-successCriteria-0-targets-1-comparator", "Mindst");
        browser.fillById("f-successCriteria-0-targets-1-count", "40").fillById("f-successCriteria-0-targets-1-indicator", "Unge i fleksjob")
                .click("Gem ændringer");
        browser.awaitText("Ændringerne er gemt");
        @SuppressWarnings("unchecked")
        Map<String, Object> twoTargets = ((List<Map<String, Object>>) ((List<Map<String, Object>>) official.get("/api/plans/" + planId
                + "/document").json().get("goals")).get(0).get("successCriteria")).get(0);
        assertThat(twoTargets).doesNotContainKey("target").containsEntry("targets", List.of(
                Map.of("kind", "SHARE", "comparator", "AT_LEAST", "percent", 60),
                Map.of("kind", "COUNT", "comparator", "AT_LEAST", "count", 40, "indicator", "Unge i fleksjob")));
        // A status figure for the second target says so; with that target gone the number is refused at its field.
        centre("Tilføj status").click("Tilføj status");
        browser.await("f-successCriteria-0-baselines-0-targetNumber");
        browser.fillById("f-successCriteria-0-baselines-0-label", "Status 2024").fillById("f-successCriteria-0-baselines-0-value", "31")
                .fillById("f-successCriteria-0-baselines-0-targetNumber", "2").click("Gem ændringer");
        browser.awaitText("Ændringerne er gemt");
        @SuppressWarnings("unchecked")
        Map<String, Object> withFigure = ((List<Map<String, Object>>) ((List<Map<String, Object>>) official.get("/api/plans/" + planId
                + "/document").json().get("goals")).get(0).get("successCriteria")).get(0);
        assertThat((List<Map<String, Object>>) withFigure.get("baselines")).singleElement()
                .satisfies(b -> assertThat(b).containsEntry("value", 31).containsEntry("targetNumber", 2));
        centre("Fjern måltal 2").click("Fjern måltal 2");
        browser.awaitText("Ændringerne er ikke gemt");
        browser.click("Gem ændringer");
        browser.awaitText("skal være 1 (kriteriet har ét måltal)");
        assertThat(browser.text()).contains("Måltallets nummer");
        centre("Fjern status").click("Fjern status");
        browser.awaitText("Ændringerne er ikke gemt");
        // The last target can be changed, not removed: a criterion keeps at least one.
        assertThat(browser.driver.findElements(org.openqa.selenium.By.xpath("//button[starts-with(normalize-space(), 'Fjern måltal')]")))
                .isEmpty();
        browser.click("Gem ændringer");
        browser.awaitText("Ændringerne er gemt");
        @SuppressWarnings("unchecked")
        Map<String, Object> oneTarget = ((List<Map<String, Object>>) ((List<Map<String, Object>>) official.get("/api/plans/" + planId
                + "/document").json().get("goals")).get(0).get("successCriteria")).get(0);
        assertThat(oneTarget).doesNotContainKey("targets")
                .containsEntry("target", Map.of("kind", "SHARE", "comparator", "AT_LEAST", "percent", 60));

        // Parts as the plan prints them: the mayor's foreword, no overview appendix, a goal without a number
        browser.open("/plans/" + planId + "/rediger");
        browser.fillById("f-foreword-heading", "Borgmesterens forord").fillById("f-foreword-blocks", "Vi har en ambitiøs plan.")
                .tick("Planen har intet oversigtsbilag over mål og succeskriterier (vis ikke det automatiske)").click("Gem ændringer");
        browser.awaitText("Ændringerne er gemt");
        browser.fillById("f-newGoal-title", "Flere i job").click("Tilføj mål");
        browser.awaitText("Redigér mål");
        browser.open("/plans/" + planId + "/dokument");
        browser.awaitText("Borgmesterens forord");
        assertThat(browser.driver.findElements(By.tagName("h2")).stream().map(org.openqa.selenium.WebElement::getText).toList())
                .contains("Flere i job", "Lokalt mål 1: Flere unge i uddannelse")
                .noneMatch(h -> h.contains("Mål, succeskriterier og opfølgning") || h.equals("Forord"));

        // The goal without success criteria is warned of above the submit button; the plan can still be submitted
        browser.open("/plans/" + planId);
        browser.awaitText("Se på dette, før du indsender (1)");
        String page = browser.text();
        assertThat(page).contains("»Flere i job« har ingen succeskriterier").contains("(i planen: Mål 2 ›").doesNotContain("goals[");
        assertThat(page.indexOf("Se på dette, før du indsender")).isLessThan(page.indexOf("Indsend til politisk godkendelse"));

        // Submit
        browser.click("Indsend til politisk godkendelse");
        browser.awaitText("Indsendt");
        // The plan page's PDF link gives the submitted revision at once, whether or not the background render has
        // been (docs/adr/0023): the file says what it is.
        String pdfLink = browser.driver.findElement(By.linkText("Hent PDF")).getAttribute("href");
        byte[] pdf = official.getBytes(pdfLink.replaceFirst("^https?://[^/]+", ""));
        try (var submitted = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(submitted))
                    .contains("Indsendt til politisk behandling (revision 8)");
        }
        // It reaches the committee secretary's in-box (ApprovalInTheBrowserTest goes on from there).
        browser.click("Log ud");
        browser.login("a.secretary", Fixtures.PASSWORD).open("/approval/inbox");
        browser.awaitText("Beskæftigelsesplan 2027");
        assertThat(browser.text()).contains("Revision 8"); // three of them the steps with several targets
    }

    /** Scrolls the button to the middle of the window, clear of the editor's bar with "Gem ændringer" at the bottom. */
    private Browser centre(String button) {
        org.openqa.selenium.WebElement element = browser.driver.findElement(By.xpath("//button[normalize-space(.)='" + button + "']"));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        return browser;
    }
}
