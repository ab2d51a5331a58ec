package dk.beskplan.app;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dk.beskplan.followup.application.Reminders;
import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.Eventually;
import dk.beskplan.platform.testing.TestApp;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manager's path in a real browser: the reminder mail arrives (GreenMail), its link leads through the login to
 * the report form, the traffic light follows the values as they are typed, the saved status shows it, and once the
 * round is complete the status report is in the committee secretary's in-box.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class FollowUpInTheBrowserTest {
    private GreenMail smtp;
    private TestApp app;
    private Browser browser;

    @BeforeAll
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        app = TestApp.start(Map.of("beskplan.mail.enabled", true, "beskplan.mail.host", "127.0.0.1",
                "beskplan.mail.port", smtp.getSmtp().getPort(), "beskplan.mail.sweep-interval", "200ms",
                "beskplan.followup.scheduler-enabled", false));
        Fixtures.seedUsers(app);
        browser = new Browser(app.url());
    }

    @AfterAll
    void stop() {
        browser.close();
        app.close();
        smtp.stop();
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void aReminderLinkLeadsToTheFormTheTrafficLightFollowsAndTheReportReachesTheCommittee() throws Exception {
        Api official = Fixtures.as(app, "a.official");
        UUID planId = FollowUps.approve(app, Fixtures.A, FollowUps.document(Fixtures.A), official);
        app.bean(Reminders.class).tick(LocalDate.of(FollowUps.YEAR, 12, 31).minusDays(14));
        // The manager was told of the plan's goals when follow-up opened; the reminder comes next.
        assertThat(smtp.waitForIncomingEmail(15_000, 2)).isTrue();
        MimeMessage reminder = java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().startsWith("Påmindelse");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow();
        Matcher link = Pattern.compile("1b: .*?\\R\\s+Afgiv status: https?://[^/]+(/followup/opgaver/[0-9a-f-]+)").matcher((String) reminder.getContent());
        assertThat(link.find()).as("the reminder links to criterion 1b's form").isTrue();

        // The link, not logged in: the login page, then straight on to the form.
        browser.open(link.group(1));
        browser.fill("Brugernavn", "a.manager").fill("Adgangskode", Fixtures.PASSWORD).click("Log ind");
        browser.awaitText("Status på Lokalt mål 1, 1b");
        assertThat(browser.text()).contains("Andelen i beskæftigelse skal ligge 5 procentpoint over landsgennemsnittet")
                .contains("Målet: Mindst 5 procentpoint over landsgennemsnittet").contains("Ingen vurdering endnu");

        // The traffic light follows the values as they are typed (htmx), before anything is saved.
        browser.fill("Målt værdi", "46,5").fill("Landsgennemsnit", "40,1");
        awaitEvaluation("Nået");
        browser.fill("Målt værdi", "44");
        awaitEvaluation("Ikke nået");
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).as("focus stays where the manager types").isEqualTo("value");
        assertThat(FollowUps.task(official, planId, "1b")).containsEntry("state", "OPEN");

        // A refusal names the field and keeps what was typed.
        browser.fill("Målt værdi", "46,5").click("Gem status");
        browser.awaitText("Status blev ikke gemt:");
        assertThat(browser.text()).contains("angiv hvilken dato værdien er målt");
        assertThat(browser.field("Målt værdi").getAttribute("value")).isEqualTo("46,5");
        browser.fill("Landsgennemsnit", "42");
        awaitEvaluation("Ikke nået");
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).as("the error summary does not steal focus")
                .isEqualTo("comparisonValue");
        browser.fill("Landsgennemsnit", "40,1");
        awaitEvaluation("Nået");

        browser.setValue("measuredOn", FollowUps.y("2025-11-30")).fill("Vurdering og kommentar", "Flere flygtninge i job end i landet som helhed")
                .click("Gem status");
        browser.awaitText("Status er gemt.");
        assertThat(browser.driver.findElement(By.id("evaluation")).getText()).contains("Nået").doesNotContain("Ikke");
        assertThat(browser.text()).contains("Afgivet af A Manager");

        // The plan's overview shows the light among the others.
        browser.open("/followup/planer/" + planId);
        browser.awaitText(FollowUps.y("Status: Beskæftigelsesplan 2026"));
        assertThat(browser.text()).contains("Lokalt mål 1: Flere i job").contains("1 af 3").contains("Mangler");
        assertThat(browser.driver.findElements(By.cssSelector("a.light-green"))).hasSize(1);

        // The other two reported (over the API); the last one sends the report to the committee.
        Api manager = Fixtures.as(app, "a.manager");
        Committee.check(FollowUps.report(manager, FollowUps.task(manager, planId, "1a").get("id"),
                Map.of("value", 76, "measuredOn", FollowUps.y("2025-11-30"))), 200);
        Committee.check(FollowUps.report(manager, FollowUps.task(manager, planId, "2a").get("id"),
                Map.of("value", 480, "measuredOn", FollowUps.y("2025-11-30"), "comment", "Færre besøg efter omlægning")), 200);

        browser.click("Log ud");
        browser.login("a.secretary", Fixtures.PASSWORD);
        Eventually.await(FollowUps.WAIT, "the status report in the in-box", () -> {
            browser.open("/approval/inbox");
            return browser.text();
        }, text -> text.contains(FollowUps.y("Beskæftigelsesplan 2026 – Årlig status 2026")));
        browser.click("Læs statusrapporten");
        browser.awaitText(FollowUps.y("Status på Beskæftigelsesplan 2026"));
        assertThat(browser.text()).contains("Af 3 succeskriterier er 2 nået, 0 på vej og 1 ikke nået")
                .contains("Færre besøg efter omlægning");

        // A criterion's status page leads the secretary back where a secretary may go, not to a manager's task list.
        browser.open("/followup/opgaver/" + FollowUps.task(official, planId, "1b").get("id")).awaitText("Status på Lokalt mål 1, 1b");
        assertThat(browser.driver.findElements(By.cssSelector("a[href='/followup/opgaver']"))).isEmpty();
        browser.click("Tilbage til opfølgningen på planen");
        browser.awaitText(FollowUps.y("Status: Beskæftigelsesplan 2026"));
    }

    /**
     * A two-year plan approved after its period: the manager sees its rounds overdue at the top of "Mine opgaver"; the
     * official closes the first round as not followed up (a reason is required) and then the plan's follow-up.
     */
    @Test
    @org.junit.jupiter.api.Order(2)
    void anOfficialClosesAHistoricRoundAndThenThePlansFollowUpOnItsPage() {
        Api official = Fixtures.as(app, "a.official");
        browser.open("/");
        if (browser.text().contains("Log ud")) {
            browser.click("Log ud");
        }
        Map<String, Object> historic = new java.util.HashMap<>(FollowUps.document(Fixtures.A));
        historic.put("fromYear", FollowUps.YEAR - 2);
        historic.put("toYear", FollowUps.YEAR - 1);
        historic.put("title", "Beskæftigelsesplan " + (FollowUps.YEAR - 2) + "–" + (FollowUps.YEAR - 1));
        UUID planId = FollowUps.approve(app, Fixtures.A, historic, official);
        String first = "Årlig status " + (FollowUps.YEAR - 2);

        browser.login("a.manager", Fixtures.PASSWORD);
        browser.open("/followup/opgaver").awaitText("Overskredet");
        assertThat(browser.text()).contains("Beskæftigelsesplan " + (FollowUps.YEAR - 2) + "–" + (FollowUps.YEAR - 1) + " – " + first);
        browser.checkAccessibility();
        browser.click("Log ud");

        browser.login("a.official", Fixtures.PASSWORD);
        browser.open("/followup/planer").awaitText("Perioden er slut");
        browser.checkAccessibility();
        // The list's link to close the follow-up leads to the plan's closing form.
        browser.click("Afslut opfølgningen");
        browser.awaitText("Luk som ikke fulgt op");
        assertThat(browser.url()).endsWith("/followup/planer/" + planId + "#afslut");
        browser.checkAccessibility();
        browser.driver.findElement(By.cssSelector("details.close-round summary")).click();
        browser.click("Luk runden som ikke fulgt op");
        browser.awaitText("skriv hvorfor");
        browser.fill("Hvorfor følges runden ikke op?", "Fulgt op uden for Beskplan").click("Luk runden som ikke fulgt op");
        browser.awaitText("Runden er lukket som ikke fulgt op");
        assertThat(browser.text()).contains("Tidligere runder, nyeste først").contains("Fulgt op uden for Beskplan");

        browser.fill("Begrundelse", "Planperioden er slut; den sidste runde blev ikke fulgt op i Beskplan")
                .click("Afslut opfølgningen på planen");
        browser.awaitText("Opfølgningen på planen er afsluttet.");
        assertThat(official.get("/api/followup/plans/" + planId + "/rounds").jsonList()).extracting(r -> r.get("state"))
                .containsExactly("NOT_FOLLOWED_UP", "OPEN");
        browser.click("Log ud");
    }

    /** Issue 17: a criterion with two targets takes a value for each; the light is the criterion's, each target has its own. */
    @Test
    @org.junit.jupiter.api.Order(3)
    void aCriterionWithTwoTargetsTakesAValueForEachAndShowsEachVerdict() {
        Api official = Fixtures.as(app, "a.official");
        UUID planId = FollowUps.approve(app, Fixtures.A, SeveralTargetsTest.document(), official);
        Object taskId = FollowUps.task(official, planId, "1a").get("id");

        browser.login("a.manager", Fixtures.PASSWORD);
        browser.open("/followup/opgaver/" + taskId);
        browser.awaitText("Måltal 1: Mindst 120 (Personer i jobrotation)");
        browser.fillById("value-0", "125").fillById("value-1", "39");
        awaitEvaluation("Ikke nået");
        browser.fillById("value-1", "-3").setValue("measuredOn", FollowUps.y("2026-11-30")).click("Gem status");
        browser.awaitText("Status blev ikke gemt:");
        assertThat(browser.text()).contains("et antal kan ikke være negativt");
        assertThat(browser.driver.findElement(By.id("value-1-error")).getText()).contains("et antal kan ikke være negativt");
        browser.fillById("value-1", "41");
        awaitEvaluation("Nået");
        browser.click("Gem status");
        browser.awaitText("Status er gemt.");
        assertThat(browser.driver.findElement(By.id("targets")).getText()).contains("Borgere i fleksjob").contains("41").contains("Nået");
        browser.checkAccessibility();
        browser.open("/followup/planer/" + planId);
        browser.awaitText("Måltal 2: 41 – Nået");
        browser.click("Log ud");
    }

    private void awaitEvaluation(String expected) {
        Eventually.await(java.time.Duration.ofSeconds(10), "the evaluation " + expected,
                () -> {
                    try {
                        return browser.driver.findElement(By.id("evaluation")).getText();
                    } catch (org.openqa.selenium.StaleElementReferenceException swapped) {
                        return ""; // htmx is replacing it just now: look again
                    }
                },
                text -> text.replace("Systemets vurdering:", "").strip().equals(expected));
    }
}
