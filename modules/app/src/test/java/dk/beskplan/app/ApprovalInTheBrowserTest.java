package dk.beskplan.app;

import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.Eventually;
import dk.beskplan.platform.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

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
        browser.login("a.secretary", Fixtures.PASSWORD).open("/approval/udvalg");
        browser.fill("Navn", "Udvalget for Beskæftigelse")
                .fill("Medlemmer", "Anne Holm; A; formand\nBo Vestergaard; V\nCarina Lund; F; medlem");
        browser.await("decidesPlans").click(); // the secretary chooses which committee decides: none does by default
        browser.click("Opret udvalg");
        browser.awaitText("Udvalget er oprettet.");

        // A meeting today.
        browser.open("/approval/moeder");
        browser.setValue("date", Committee.today().toString()).setValue("submissionDeadline", Committee.today().toString())
                .fill("Sted", "Rådhuset, mødelokale 1").click("Opret møde");
        browser.awaitText("Mødet er oprettet.");
        String meetingId = browser.url().replaceAll(".*/moeder/", "").replaceAll("\\?.*", "");

        // The plan from the in-box onto the agenda.
        browser.open("/approval/inbox");
        browser.awaitText("Beskæftigelsesplan 2026");
        browser.click("Sæt på dagsordenen");
        browser.awaitText("Punktet er sat på dagsordenen.");
        assertThat(browser.text()).contains("Beskæftigelsesplan 2026").doesNotContain("Optaget efter fristen");

        // The decision: approved with one amendment. A part that does not exist is named, nothing recorded.
        browser.click("Registrér beslutning");
        browser.awaitText("Udvalgets beslutning");
        browser.driver.findElement(org.openqa.selenium.By.xpath("//summary[normalize-space(.)='Vis planens dele med numre']")).click();
        assertThat(browser.text()).contains("Målsætning 1: Flere ledige skal i job");
        browser.driver.findElement(org.openqa.selenium.By.id("outcome-APPROVED_WITH_AMENDMENTS")).click();
        browser.fill("Beslutningen, som udvalget formulerede den (til protokollen)",
                "Udvalget godkendte planen med en skarpere målsætning.");
        browser.choose("amendment-0-operation", "Teksten erstattes").choose("amendment-0-part", "Målsætning")
                .fillById("amendment-0-goal", "1").fillById("amendment-0-item", "5")
                .fillById("amendment-0-text", "Flere ledige skal i ordinære job").click("Registrér beslutning");
        browser.awaitText("Ændring 1: mål 1 har ikke målsætning 5 (det har 1)");
        browser.fillById("amendment-0-item", "1").click("Registrér beslutning");
        browser.awaitText("Beslutningen er registreret.");
        assertThat(browser.text()).contains("Godkendt med ændringer")
                .contains("Lokalt mål 1 (Flere i job), målsætning 1 ændres til: »Flere ledige skal i ordinære job«");

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
}
