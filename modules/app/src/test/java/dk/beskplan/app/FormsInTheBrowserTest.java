package dk.beskplan.app;

import dk.beskplan.platform.demo.DemoUsers;
import dk.beskplan.platform.security.Sessions;
import dk.beskplan.platform.security.SessionCookie;
import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.Eventually;
import dk.beskplan.platform.testing.TestApp;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page forms the other browser tests do not reach, each submitted in Chromium the way a person does, on the
 * demo data (README): both uploads (the CSRF token in the multipart body), the secretary's committee, route,
 * hearing, agenda and correction forms, the official's withdraw, carry-over and plan texts, follow-up's settings,
 * due dates, managers and report sending, the manager's calendar address, the archive's date form.
 * On the way: a refused form's error summary takes the focus; what was typed survives a session that ran out
 * (log in again and it is back); a double click on "Indsend" sends the plan once and says so; the idle warning
 * keeps the session. EveryFormIsSubmittedTest checks that all forms together are covered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FormsInTheBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String HEARING_BODY = "Det lokale beskæftigelsesråd";
    private TestApp app;
    private Browser browser;
    private String importedPlanId;

    @BeforeAll
    void start() {
        app = Fixtures.startDemo();
        browser = new Browser(app.url());
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        app.close();
    }

    @Test
    @Order(1)
    void theSecretaryEditsTheCommitteeAndPutsAHearingIntoTheRoute() {
        browser.login("holbaek.sekretaer", DemoUsers.PASSWORD).open("/approval/udvalg");
        WebElement committee = browser.driver.findElement(By.cssSelector("article.inbox-item"));
        committee.findElement(By.tagName("summary")).click();
        committee.findElement(By.xpath(".//button[normalize-space(.)='Gem udvalget']")).click();
        browser.awaitText("Udvalget er gemt.");

        // Route: a hearing first, then the committee decides.
        browser.choose("stage-0", "Høring").fillById("stage-body-0", HEARING_BODY).fillById("stage-days-0", "14");
        Select decides = new Select(browser.await("stage-1"));
        decides.selectByValue(decides.getOptions().stream().map(o -> o.getAttribute("value"))
                .filter(v -> !v.isEmpty() && !v.equals("HEARING")).findFirst().orElseThrow());
        browser.click("Gem forløbet").awaitText("Godkendelsesforløbet er gemt.");
        browser.checkAccessibility();
        browser.click("Log ud");
    }

    @Test
    @Order(2)
    void theOfficialImportsEditsWithoutLosingWorkSubmitsWithADoubleClickWithdrawsAndCarriesOver() throws Exception {
        browser.login("holbaek.embedsmand", DemoUsers.PASSWORD).open("/plans");

        // A refused form: the error summary at the top takes the focus.
        browser.click("Opret udkast").awaitText("Der er fejl i formularen");
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");
        browser.checkAccessibility();

        // Upload: the token travels in the multipart body (it used to be in the URL and was refused).
        Path file = Files.createTempFile("plan-2028", ".json");
        Map<String, Object> document = new java.util.HashMap<>(Fixtures.document("316"));
        document.put("fromYear", 2028);
        document.put("toYear", 2028);
        document.put("title", "Beskæftigelsesplan 2028");
        // Importing without a file: the file field says a file must be chosen.
        browser.open("/plans");
        browser.click("Importér").awaitText("vælg filen med plandokumentet");
        assertThat(browser.driver.findElement(By.id("document")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.driver.findElement(By.id("document-error")).getText()).contains("vælg filen med plandokumentet");
        // A wrong document: its problems are the import form's, each named by its place in the document, in Danish.
        Map<String, Object> wrong = new java.util.HashMap<>(document);
        wrong.put("municipality", "173");
        wrong.remove("goals");
        Files.writeString(file, JsonMapper.createDefault().writeValueAsString(wrong));
        browser.upload("#document", file);
        browser.click("Importér").awaitText("Der er fejl i formularen");
        String importErrors = browser.driver.findElement(By.id("document-error")).getText();
        assertThat(importErrors).contains("Plandokument › Kommune:").contains("Plandokument › Mål:")
                .doesNotContain("goals").doesNotContain("municipality");
        assertThat(browser.driver.findElements(By.id("title-error"))).isEmpty();
        assertThat(browser.driver.findElement(By.id("error-summary")).getText()).contains("Plandokument › Mål:");
        browser.checkAccessibility();

        Files.writeString(file, JsonMapper.createDefault().writeValueAsString(document));
        browser.open("/plans");
        browser.upload("#document", file);
        browser.click("Importér").awaitText("Beskæftigelsesplan 2028");
        assertThat(browser.text()).doesNotContain("CSRF").contains("Udkast").contains("(1 succeskriterium)");
        importedPlanId = browser.url().replaceAll(".*/plans/", "");

        // Typed work survives a session that ran out: the text is put back after the new login.
        browser.click("Redigér udkastet");
        browser.fillById("f-title", "Beskæftigelsesplan 2028 – udkast til udvalget");
        WebElement foreword = browser.driver.findElement(By.name("foreword.blocks"));
        foreword.clear();
        foreword.sendKeys("Et forord skrevet lige før frokost.");
        endTheSession();
        browser.click("Gem ændringer");
        browser.awaitText("Du blev logget ud, fordi du ikke havde brugt siden i et stykke tid");
        browser.fill("Brugernavn", "holbaek.embedsmand").fill("Adgangskode", DemoUsers.PASSWORD).click("Log ind");
        browser.awaitText("Det er sat ind i formularen igen");
        assertThat(browser.url()).endsWith("/plans/" + importedPlanId + "/rediger");
        assertThat(browser.await("f-title").getAttribute("value")).isEqualTo("Beskæftigelsesplan 2028 – udkast til udvalget");
        assertThat(browser.driver.findElement(By.name("foreword.blocks")).getAttribute("value")).isEqualTo("Et forord skrevet lige før frokost.");
        browser.checkAccessibility();
        browser.click("Gem ændringer").awaitText("Ændringerne er gemt");

        // The idle warning: staying logged in keeps the session.
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("window.beskplanWarnIdle()");
        browser.awaitText("Du bliver snart logget ud");
        assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo("Forbliv logget ind");
        browser.checkAccessibility();
        browser.click("Forbliv logget ind").awaitText("Du er stadig logget ind.");
        assertThat(browser.driver.findElements(By.id("idle-warning"))).isEmpty();

        // A double click on "Indsend" sends the plan once and tells nothing of a conflict.
        browser.open("/plans/" + importedPlanId);
        new Actions(browser.driver).doubleClick(browser.driver.findElement(
                By.xpath("//button[normalize-space(.)='Indsend til politisk godkendelse']"))).perform();
        browser.awaitText("Indsendt");
        assertThat(browser.text()).doesNotContain("ændret af en anden").doesNotContain("Konflikt");
        Api official = app.api().login("holbaek.embedsmand", DemoUsers.PASSWORD);
        assertThat(official.get("/api/plans/" + importedPlanId).json()).containsEntry("state", "SUBMITTED");

        // Withdraw with a reason, then submit again (it goes to the hearing).
        browser.fill("Begrundelse (vises for udvalgssekretæren)", "Tallene for 2027 mangler").click("Træk tilbage fra udvalget");
        browser.awaitText("Udkast");
        browser.click("Indsend til politisk godkendelse").awaitText("Indsendt");

        // Carry the approved 2025 plan over to the next period.
        String plan2025 = official.get("/api/plans").jsonList().stream().filter(p -> "Beskæftigelsesplan 2025".equals(p.get("title")))
                .map(p -> (String) p.get("id")).findFirst().orElseThrow();
        browser.open("/plans/" + plan2025).click("Viderefør til næste periode");
        browser.awaitText("Redigér udkastet");
        assertThat(browser.url()).doesNotEndWith(plan2025);
        browser.click("Log ud");
    }

    @Test
    @Order(3)
    void theSecretaryRecordsTheHearingPlacesPlanAndReportMovesItemsAndCorrectsAProtocol() {
        browser.login("holbaek.sekretaer", DemoUsers.PASSWORD).open("/approval/inbox");
        browser.awaitText(HEARING_BODY);
        browser.fillById("answer-" + importedPlanId, "Rådet bakker op om planen.")
                .setValue("answeredOn-" + importedPlanId, Committee.today().toString());
        browser.click("Registrér høringssvar").awaitText("Høringssvaret er registreret");

        // The plan, now for the committee, and the demo's status report onto the planned meeting.
        Eventually.await(WAIT, "the plan back in the in-box for the committee", () -> {
            browser.open("/approval/inbox");
            return browser.driver.findElements(By.cssSelector("#plan-" + importedPlanId + " button"));
        }, buttons -> !buttons.isEmpty());
        browser.press("#plan-" + importedPlanId + " button");
        browser.awaitText("Punktet er sat på dagsordenen.");
        String meetingUrl = browser.url().replaceAll("\\?.*", "");
        browser.open("/approval/inbox");
        browser.press("form[data-form='approval.inbox.placeReport'] button");
        browser.awaitText("Punktet er sat på dagsordenen.");

        // A free item, moved up and down, then to another meeting where its text is edited.
        browser.open(meetingUrl.replace(app.url().replaceAll("/$", ""), ""));
        browser.fill("Overskrift", "Orientering om ledigheden").click("Tilføj punkt").awaitText("Punktet er tilføjet.");
        browser.press("form[data-form='approval.meeting.moveUp'] button");
        browser.press("form[data-form='approval.meeting.moveDown'] button");
        browser.checkAccessibility();

        String meetingPath = meetingUrl.replace(app.url().replaceAll("/$", ""), "");
        browser.open("/approval/moeder");
        LocalDate later = Committee.today().plusDays(60);
        browser.setValue("date", later.toString()).setValue("submissionDeadline", later.minusDays(7).toString())
                .fill("Sted", "Rådhuset, mødelokale 2").click("Opret møde").awaitText("Mødet er oprettet.");
        String laterMeetingPath = browser.url().replace(app.url().replaceAll("/$", ""), "").replaceAll("\\?.*", "");
        browser.open(meetingPath);
        WebElement freeItem = browser.driver.findElement(By.xpath("//li[.//a[normalize-space(.)='Orientering om ledigheden']]"));
        Select target = new Select(freeItem.findElement(By.tagName("select")));
        target.selectByIndex(target.getOptions().size() - 1);
        freeItem.findElement(By.xpath(".//button[normalize-space(.)='Flyt']")).click();
        browser.awaitText("Punktet er flyttet til det andet møde.");

        browser.open(laterMeetingPath).click("Orientering om ledigheden");
        browser.driver.findElement(By.xpath("//summary[normalize-space(.)='Redigér punktets tekst']")).click();
        browser.fill("Sagsfremstilling", "Ledigheden er faldet en smule siden sidste møde.").click("Gem teksten");
        browser.awaitText("Punktets tekst er gemt.");

        // A correction to the protocol of the demo's closed meeting.
        Api secretary = app.api().login("holbaek.sekretaer", DemoUsers.PASSWORD);
        Map<String, Object> closed = secretary.get("/api/approval/meetings").jsonList().stream()
                .filter(m -> "CLOSED".equals(m.get("status"))).findFirst().orElseThrow();
        browser.open("/approval/moeder/" + closed.get("id"));
        browser.press("ol.agenda h3 a");
        browser.driver.findElement(By.xpath("//summary[normalize-space(.)='Ret beslutningens ordlyd']")).click();
        browser.fill("Hvad rettes, og hvorfor", "Stavefejl i udvalgets navn").click("Registrér rettelse");
        browser.awaitText("Rettelsen er registreret.");
        browser.checkAccessibility();
        browser.click("Log ud");
    }

    @Test
    @Order(4)
    void followUpFormsOfTheOfficialAndTheManager() throws Exception {
        browser.login("holbaek.embedsmand", DemoUsers.PASSWORD);
        Api official = app.api().login("holbaek.embedsmand", DemoUsers.PASSWORD);
        String plan2025 = official.get("/api/plans").jsonList().stream().filter(p -> "Beskæftigelsesplan 2025".equals(p.get("title")))
                .map(p -> (String) p.get("id")).findFirst().orElseThrow();

        browser.open("/followup/indstillinger").click("Gem indstillingerne").awaitText("Indstillingerne er gemt.");

        browser.open("/followup/planer/" + plan2025);
        // No date: the date field says so, next to it, and the summary links to it.
        String dueId = browser.driver.findElement(By.cssSelector("form[data-form='followup.plan.dueDate'] input[type=date]")).getAttribute("id");
        browser.click("Flyt fristen").awaitText("Ikke udført");
        assertThat(browser.driver.findElement(By.id(dueId + "-error")).getText()).contains("skal være en dato");
        assertThat(browser.driver.findElement(By.id(dueId)).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.driver.findElement(By.id(dueId)).getAttribute("aria-describedby")).isEqualTo(dueId + "-error");
        assertThat(browser.driver.findElement(By.cssSelector("#error-summary a")).getAttribute("href")).endsWith("#" + dueId);
        browser.checkAccessibility();
        WebElement due = browser.driver.findElement(By.cssSelector("form[data-form='followup.plan.dueDate'] input[type=date]"));
        browser.setValue(due.getAttribute("id"), Committee.today().plusDays(20).toString());
        browser.click("Flyt fristen").awaitText("Fristen er flyttet.");

        browser.press("form[data-form='followup.plan.manager'] button");
        browser.awaitText("Den ansvarlige leder er skiftet.");

        // The indicator import (multipart): the file's rows are checked; either imported or each bad row named.
        Path csv = Files.createTempFile("jobindsats", ".csv");
        // A file with two bad rows: each row's problem under the file field and a line each in the summary.
        Files.writeString(csv, "kommune;periode;mål;værdi;landsværdi\n316;2025;1a;ikke et tal;45,1\n316;2025;1a;47,5;heller ikke\n");
        String fileId = browser.driver.findElement(By.cssSelector("form[data-form='followup.plan.importValues'] input[type=file]")).getAttribute("id");
        browser.upload("form[data-form='followup.plan.importValues'] input[type=file]", csv);
        browser.press("form[data-form='followup.plan.importValues'] button");
        browser.awaitText("Ikke udført");
        assertThat(browser.driver.findElements(By.cssSelector("#" + fileId + "-error li"))).extracting(WebElement::getText)
                .hasSize(2).satisfies(lines -> {
                    assertThat(lines.get(0)).startsWith("linje 2:");
                    assertThat(lines.get(1)).startsWith("linje 3:");
                });
        assertThat(browser.driver.findElement(By.id(fileId)).getAttribute("aria-describedby")).isEqualTo(fileId + "-error");
        assertThat(browser.driver.findElements(By.cssSelector("#error-summary a"))).hasSize(2)
                .allSatisfy(a -> assertThat(a.getAttribute("href")).endsWith("#" + fileId));
        browser.checkAccessibility();
        Files.writeString(csv, "kommune;periode;mål;værdi;landsværdi\n316;2025;1a;47,5;45,1\n");
        browser.upload("form[data-form='followup.plan.importValues'] input[type=file]", csv);
        browser.press("form[data-form='followup.plan.importValues'] button");
        assertThat(browser.text()).containsAnyOf("Indikatorværdierne er importeret", "Ikke udført");
        assertThat(browser.text()).doesNotContain("CSRF");
        browser.checkAccessibility();

        browser.press("form[data-form='followup.plan.sendReport'] button");
        browser.awaitText("Statusrapporten er sendt til udvalget.");
        browser.click("Log ud");

        // A mid-year round for a municipality without one (Frederikssund), in a plan of this year. Its 2023 plan, whose
        // annual report is sent, offers none.
        browser.login("frederikssund.embedsmand", DemoUsers.PASSWORD).open("/followup/planer");
        browser.press("main a[href^='/followup/planer/']");
        assertThat(browser.driver.findElements(By.id("midyear-due"))).isEmpty();
        UUID thisYear = FollowUps.approve(app, "250", FollowUps.document("250"), app.api().login("frederikssund.embedsmand", DemoUsers.PASSWORD));
        browser.open("/followup/planer/" + thisYear);
        // Today as the form judges it, in Denmark: from 23:00 UTC the machine's own date is yesterday there.
        browser.setValue("midyear-due", Committee.today().toString()).click("Tilføj halvårsstatus");
        browser.awaitText("Halvårsstatus er tilføjet.");
        browser.click("Log ud");

        browser.login("holbaek.leder", DemoUsers.PASSWORD).open("/followup/opgaver");
        browser.click("Lav kalenderadresse").awaitText("Din nye kalenderadresse");
        browser.click("Log ud");
    }

    @Test
    @Order(5)
    void theArchivesDateForm() {
        browser.login("holbaek.embedsmand", DemoUsers.PASSWORD);
        Api official = app.api().login("holbaek.embedsmand", DemoUsers.PASSWORD);
        String plan2025 = official.get("/api/plans").jsonList().stream().filter(p -> "Beskæftigelsesplan 2025".equals(p.get("title")))
                .map(p -> (String) p.get("id")).findFirst().orElseThrow();
        browser.open("/arkiv/planer/" + plan2025 + "/status?dato=" + Committee.today());
        browser.setValue("dato", "2020-01-01").click("Vis planen på datoen");
        browser.awaitText("Planen fandtes ikke endnu den 1. januar 2020");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Planen den 1. januar 2020");
        browser.click("Log ud");
    }

    /** What the idle time-out does, without waiting half an hour: the server forgets the session. */
    private void endTheSession() {
        String cookie = browser.driver.manage().getCookieNamed(SessionCookie.NAME).getValue();
        app.bean(Sessions.class).delete(cookie);
    }
}
