package dk.beskplan.app;

import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.Eventually;
import dk.beskplan.platform.testing.TestApp;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The municipality's public pages as a citizen meets them, in Chromium without logging in: an approved plan with
 * its approval date, deciding body and meeting, its fingerprint and the file to check it against (whose SHA-256 is
 * indeed the fingerprint), and the decision protocols of closed meetings only, in HTML and PDF.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicPagesInTheBrowserTest {
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
    void aCitizenSeesHowThePlanWasApprovedChecksItsFingerprintAndReadsTheProtocol() throws Exception {
        Api official = Fixtures.as(app, "a.official");
        Api secretary = Fixtures.as(app, "a.secretary");
        Api anonymous = app.api();
        Committee committee = new Committee(secretary);
        // Before anything is approved or closed the pages say so.
        browser.open("/offentlig/316/moeder");
        browser.awaitText("Der er endnu ingen afsluttede møder.");

        String planId = Fixtures.createPlan(official, Fixtures.A);
        Committee.check(official.post("/api/plans/" + planId + "/submit", Map.of()), 200);
        String meeting = committee.approve(planId);
        Eventually.await(WAIT, "the plan approved", () -> official.get("/api/plans/" + planId).json(), p -> "APPROVED".equals(p.get("state")));
        // A planned meeting later on is not public.
        String planned = committee.meeting(committee.committeeId(), Committee.today().plusDays(14));

        // Approved, but the meeting is not closed yet: its protocol is not public.
        assertThat(anonymous.getPage("/offentlig/316/moeder/" + meeting + "/protokol").status()).isEqualTo(404);
        Committee.check(secretary.post("/api/approval/meetings/" + meeting + "/close", Map.of()), 200);

        String today = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.forLanguageTag("da-DK")).format(Committee.today());
        browser.open("/offentlig/316");
        browser.awaitText("Beskæftigelsesplan 2026");
        assertThat(browser.url()).as("no login on the way").endsWith("/offentlig/316");
        assertThat(browser.text()).contains("Godkendt den " + today + " af Udvalget for Beskæftigelse.")
                .contains("Fingeraftryk (SHA-256):").contains("sha256sum");

        // The fingerprint on the page is the approved version's content hash, and the SHA-256 of the file offered.
        String fingerprint = browser.driver.findElement(org.openqa.selenium.By.cssSelector("#plan-" + planId + " code.fingerprint")).getText();
        List<Map<String, Object>> revisions = official.get("/api/plans/" + planId + "/revisions").jsonList();
        assertThat(revisions).filteredOn(r -> "APPROVED".equals(r.get("frozenAs"))).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("contentHash", fingerprint));
        String fileLink = browser.driver.findElement(org.openqa.selenium.By.linkText("Den godkendte tekst som fil (JSON)")).getAttribute("href");
        byte[] file = anonymous.getBytes(fileLink.substring(app.url().length()));
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file))).isEqualTo(fingerprint);
        assertThat(new String(file, java.nio.charset.StandardCharsets.UTF_8)).contains("Mindst 75 pct. af borgerne er tilfredse");

        // From the plan to the protocol of the meeting that approved it.
        browser.click("Se beslutningsprotokollen fra mødet");
        browser.awaitText("Beslutningsprotokol");
        assertThat(browser.url()).endsWith("/offentlig/316/moeder/" + meeting + "/protokol");
        assertThat(browser.text()).contains("Udvalget for Beskæftigelse").contains("Beskæftigelsesplan 2026").contains("Godkendt")
                .contains("Anne Holm");

        // The list of protocols: the closed meeting only, in HTML and PDF.
        browser.open("/offentlig/316");
        browser.click("Udvalgets beslutningsprotokoller");
        browser.awaitText("Holbæk Kommune: Beslutningsprotokoller");
        assertThat(browser.driver.findElements(org.openqa.selenium.By.cssSelector("tr[id^='moede-']"))).hasSize(1);
        assertThat(browser.driver.findElements(org.openqa.selenium.By.id("moede-" + planned))).isEmpty();
        browser.click("Læs");
        browser.awaitText("Beslutningsprotokol");
        Api.Response pdf = anonymous.getAny("/offentlig/316/moeder/" + meeting + "/protokol.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
        try (var document = Loader.loadPDF(anonymous.getBytes("/offentlig/316/moeder/" + meeting + "/protokol.pdf"))) {
            assertThat(new PDFTextStripper().getText(document)).contains("Beslutningsprotokol").contains("Beskæftigelsesplan 2026");
        }

        // Not public: a planned meeting, another municipality's address for the meeting.
        assertThat(anonymous.getPage("/offentlig/316/moeder/" + planned + "/protokol").status()).isEqualTo(404);
        assertThat(anonymous.getAny("/offentlig/316/moeder/" + planned + "/protokol.pdf").status()).isEqualTo(404);
        assertThat(anonymous.getPage("/offentlig/250/moeder/" + meeting + "/protokol").status()).isEqualTo(404);
        assertThat(anonymous.getPage("/offentlig/250/moeder").body()).doesNotContain(meeting);
    }
}
