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
 * The committee secretary's main path in a real browser: set up the committee, plan a meeting, place a submitted
 * plan on its agenda, record "approved with amendments" with one amendment (a wrong one first, named), and see
 * that the approved plan carries the amended text while the submitted revision stays as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalInTheBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
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
    void placeOnTheAgendaApproveWithAnAmendmentAndSeeTheAmendedPlan() {
        Api official = Fixtures.as(app, "a.official");
        String planId = Fixtures.createPlan(official, Fixtures.A);
        assertThat(official.post("/api/plans/" + planId + "/submit", Map.of(), "If-Match", "\"0\"").status()).isEqualTo(200);

        // The committee, as a secretary sets it up.
        // Submitted before any route was set: the in-box says so and leads to where the route is set.
        browser.login("a.secretary", Fixtures.PASSWORD);
        Eventually.await(Duration.ofSeconds(30), "the plan in the in-box", () -> browser.open("/approval/inbox").text(),
                text -> text.contains("Beskæftigelsesplan 2026"));
        assertThat(browser.text()).contains("Godkendelsesforløbet er ikke fastlagt");
        browser.click("Vælg på siden Udvalg, under Godkendelsesforløb, hvilket udvalg der beslutter planerne");
        browser.awaitText("Godkendelsesforløbet er ikke fastlagt endnu");
        assertThat(browser.url()).endsWith("/approval/udvalg#forloeb");
        browser.open("/approval/udvalg");
        // No name, a member without a party and a secretary who is not one: each field says what is wrong with it,
        // and the summary links to each of them.
        browser.fill("Medlemmer", "Anne Holm; A; formand\nBo Vestergaard\nCarina Lund; F; medlem")
                .fill("Sekretærer (brugernavne, én pr. linje)", "a.secretary\nukendt.bruger");
        browser.click("Opret udvalg");
        browser.awaitText("Ikke gemt:");
        assertFieldError("name", "Udvalget skal have et navn");
        assertFieldError("members", "linje 2: Medlemmet Bo Vestergaard skal have et parti");
        assertFieldError("secretaries", "»ukendt.bruger« er ikke brugernavnet på en udvalgssekretær i kommunen");
        assertThat(browser.driver.findElements(By.cssSelector("#error-summary a")))
                .extracting(a -> a.getAttribute("href").replaceAll(".*#", "#")).containsExactly("#name", "#members", "#secretaries");
        browser.checkAccessibility();
        browser.fill("Sekretærer (brugernavne, én pr. linje)", "a.secretary");
        browser.fill("Navn", "Udvalget for Beskæftigelse")
                .fill("Medlemmer", "Anne Holm; A; formand\nBo Vestergaard; V\nCarina Lund; F; medlem");
        browser.await("decidesPlans").click(); // the secretary chooses which committee decides: none does by default
        browser.click("Opret udvalg");
        browser.awaitText("Udvalget er oprettet.");

        // A meeting without a date and with a time that is not one: both fields say so, at once.
        browser.open("/approval/moeder");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                "var t = document.getElementById('time'); t.type = 'text'; t.value = '25.99';");
        browser.click("Opret møde");
        browser.awaitText("Der er fejl");
        assertFieldError("date", "skal være en dato");
        assertFieldError("time", "skal være et klokkeslæt");
        assertThat(browser.driver.findElements(By.cssSelector("#error-summary a")))
                .extracting(a -> a.getAttribute("href").replaceAll(".*#", "#")).containsExactly("#date", "#time");
        browser.checkAccessibility();

        // A meeting today.
        browser.open("/approval/moeder");
        browser.setValue("date", Committee.today().toString()).setValue("submissionDeadline", Committee.today().toString())
                .fill("Sted", "Rådhuset, mødelokale 1").click("Opret møde");
        browser.awaitText("Mødet er oprettet.");
        String meetingId = browser.url().replaceAll(".*/moeder/", "").replaceAll("\\?.*", "");

        // The plan from the in-box onto the agenda: now that the route is set, the in-box says whose turn it is.
        browser.open("/approval/inbox");
        browser.awaitText("Beskæftigelsesplan 2026");
        assertThat(browser.text()).contains("Skal behandles af Udvalget for Beskæftigelse")
                .doesNotContain("Godkendelsesforløbet er ikke fastlagt");
        browser.click("Sæt på dagsordenen");
        browser.awaitText("Punktet er sat på dagsordenen.");
        assertThat(browser.text()).contains("Beskæftigelsesplan 2026").doesNotContain("Optaget efter fristen");

        // The decision: approved with one amendment. A part that does not exist is named, nothing recorded.
        browser.click("Registrér beslutning");
        browser.awaitText("Udvalgets beslutning");
        // Two rows half filled in: each row says what it lacks, numbered as the page numbers it, at the row.
        String itemPage = browser.url().replaceFirst("^https?://[^/]+", "");
        browser.fillById("amendment-1-text", "Noget").choose("amendment-2-operation", "Udgår").click("Registrér beslutning");
        browser.awaitText("Beslutningen er ikke registreret:");
        assertThat(browser.driver.findElement(By.id("amendment.1-error")).getText())
                .isEqualTo("Ændring 2: vælg, om teksten erstatter, tilføjes eller udgår");
        assertThat(browser.driver.findElement(By.id("amendment.2-error")).getText())
                .isEqualTo("Ændring 3: vælg planens del og målets nummer");
        assertThat(browser.driver.findElement(By.id("amendment-2-operation")).getAttribute("aria-describedby")).isEqualTo("amendment.2-error");
        assertThat(browser.driver.findElements(By.cssSelector("#error-summary a")))
                .extracting(a -> a.getAttribute("href").replaceAll(".*#", "#"))
                .contains("#amendment-1-operation", "#amendment-2-operation");
        browser.checkAccessibility();
        browser.open(itemPage).awaitText("Udvalgets beslutning");

        browser.driver.findElement(org.openqa.selenium.By.xpath("//summary[normalize-space(.)='Vis planens dele med numre']")).click();
        assertThat(browser.text()).contains("Målsætning 1: Flere ledige skal i job");
        browser.driver.findElement(org.openqa.selenium.By.id("outcome-APPROVED_WITH_AMENDMENTS")).click();
        browser.fill("Beslutningen, som udvalget formulerede den (til protokollen)",
                "Udvalget godkendte planen med en skarpere målsætning.");
        browser.choose("amendment-0-operation", "Teksten erstattes").choose("amendment-0-part", "Målsætning")
                .fillById("amendment-0-goal", "1").fillById("amendment-0-item", "5")
                .fillById("amendment-0-text", "Flere ledige skal i ordinære job");
        htmxIdle();
        browser.click("Registrér beslutning");
        browser.awaitText("Ændring 1: mål 1 har ikke målsætning 5 (det har 1)");
        assertThat(browser.driver.findElement(By.id("amendment.0-error")).getText())
                .isEqualTo("Ændring 1: mål 1 har ikke målsætning 5 (det har 1)");
        browser.fillById("amendment-0-item", "1");
        // A second amendment changes a criterion's words and its target: choosing the criterion shows its target now
        // and asks whether to keep or change it.
        browser.choose("amendment-1-operation", "Teksten erstattes").choose("amendment-1-part", "Succeskriterium");
        // The part's own swap first: answered after the criterion's, it would replace the criterion's measure now.
        browser.await("amendment-1-measure-keep");
        browser.fillById("amendment-1-goal", "1").fillById("amendment-1-item", "1")
                .fillById("amendment-1-text", "Mindst 80 pct. af borgerne er tilfredse");
        browser.awaitText("Nu: Mindst 75 %");
        browser.await("amendment-1-measure-change").click();
        browser.choose("amendment-1-target-kind", "Andel i procent").choose("amendment-1-target-comparator", "Mindst")
                .fillById("amendment-1-target-value", "80");
        // What the secretary typed is still there once the row's htmx answers are in (CI once recorded this row without its text).
        assertThat(browser.value("amendment-1-text")).isEqualTo("Mindst 80 pct. af borgerne er tilfredse");
        assertThat(browser.value("amendment-1-target-value")).isEqualTo("80");
        // An answer to the row's htmx request that arrives after the secretary typed on does not undo what she typed
        // (an outside tester's decision went through with the new target lost): the value changes while the item's
        // request is under way, and stays.
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                "document.getElementById('amendment-1-item').dispatchEvent(new Event('change', {bubbles: true}));"
                        + "document.getElementById('amendment-1-target-value').value = '81';"
                        + "document.getElementById('amendment-1-target-kind').value = 'COUNT';");
        htmxIdle();
        assertThat(browser.value("amendment-1-target-value")).isEqualTo("81");
        assertThat(browser.value("amendment-1-target-kind")).isEqualTo("COUNT");
        browser.choose("amendment-1-target-kind", "Andel i procent").fillById("amendment-1-target-value", "80");
        htmxIdle();
        // Which of the criterion's targets the new one replaces (issue 17): this criterion has one, so a second is refused.
        browser.fillById("amendment-1-targetNumber", "2");
        htmxIdle();
        browser.click("Registrér beslutning");
        browser.awaitText("Ændring 2: succeskriterium 1 under mål 1 har ikke måltal 2 (det har 1)");
        assertThat(browser.value("amendment-1-target-value")).isEqualTo("80");
        browser.fillById("amendment-1-targetNumber", ""); // left empty: the first, its only one
        htmxIdle();
        browser.click("Registrér beslutning");
        browser.awaitText("Beslutningen er registreret.");
        assertThat(browser.text()).contains("Godkendt med ændringer")
                .contains("Lokalt mål 1 (Flere i job), målsætning 1 ændres til: »Flere ledige skal i ordinære job«")
                .contains("succeskriterium 1 ændres til: »Mindst 80 pct. af borgerne er tilfredse«; måltal: mindst 80 %");

        // Drafting holds the approved version: the submitted text with the amendment; the submitted revision is kept.
        Map<String, Object> plan = Eventually.await(WAIT, "the plan approved in drafting",
                () -> official.get("/api/plans/" + planId).json(), p -> "APPROVED".equals(p.get("state")));
        assertThat(plan).containsEntry("approvedRevision", 2);
        browser.open("/plans/" + planId + "/dokument");
        browser.awaitText("Flere ledige skal i ordinære job");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> submittedGoals = (List<Map<String, Object>>) official
                .get("/api/plans/" + planId + "/document?revision=1").json().get("goals");
        assertThat(submittedGoals.get(0).get("objectives")).isEqualTo(List.of("Flere ledige skal i job"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> approvedGoals = (List<Map<String, Object>>) official
                .get("/api/plans/" + planId + "/document").json().get("goals");
        assertThat(approvedGoals.get(0).get("successCriteria").toString()).as("the approved target is the amended one")
                .contains("percent=80").doesNotContain("percent=75");

        // The protocol shows the decision and the amendment; the meeting closes.
        browser.open("/approval/moeder/" + meetingId);
        browser.click("Luk mødet og offentliggør protokollen");
        browser.awaitText("Mødet er lukket");
        browser.open("/approval/moeder/" + meetingId + "/protokol");
        browser.awaitText("Beslutningsprotokol");
        assertThat(browser.text()).contains("Godkendt med ændringer")
                .contains("Udvalget godkendte planen med en skarpere målsætning.")
                .contains("målsætning 1 ændres til: »Flere ledige skal i ordinære job«")
                .contains("Til stede: Anne Holm (A), Bo Vestergaard (V), Carina Lund (F)");
    }

    /** Waits until no htmx request of the page is in flight (a row's measure is swapped in as its fields change). */
    private void htmxIdle() {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d ->
                (Boolean) ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.querySelector('.htmx-request') === null"));
    }

    /** The field shows its own error next to it, is marked invalid and described by the error. */
    private void assertFieldError(String id, String message) {
        assertThat(browser.driver.findElement(By.id(id + "-error")).getText()).contains(message);
        assertThat(browser.driver.findElement(By.id(id)).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.driver.findElement(By.id(id)).getAttribute("aria-describedby")).contains(id + "-error");
    }
}
