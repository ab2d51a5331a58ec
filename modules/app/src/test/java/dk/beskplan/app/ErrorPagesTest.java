package dk.beskplan.app;

import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors as people and programs meet them: a browser gets a Danish page in the site's layout (lang="da", a title,
 * one main, a way back) for 400, 401 (→ login and back), 403, 404, 405, 409, 413, 500 and 503; the API keeps
 * problem+json; malformed JSON is answered in Danish naming line and column. With
 * {@code -Dbeskplan.screenshots=DIR} the pages are saved as PNG.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorPagesTest {
    private TestApp app;

    @BeforeAll
    void start() {
        app = TestApp.start();
        Fixtures.seedUsers(app);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void aBrowserGetsADanishPageForEveryErrorAndTheApiKeepsProblemJson() throws Exception {
        Api official = Fixtures.as(app, "a.official");
        String planId = Fixtures.createPlan(official, Fixtures.A);
        Api manager = Fixtures.as(app, "a.manager");

        assertPage(official.getPage("/findes-ikke"), 404, "Findes ikke");
        assertPage(official.getPage("/plans/" + UUID.randomUUID()), 404, "Findes ikke");
        assertPage(official.getPage("/plans/ikke-et-id"), 400, "Ugyldig");
        // The import form's address opened again (after a refused import): the page with the form, not a bad id.
        Api.Response importAddress = official.getPage("/plans/import");
        assertThat(importAddress.status()).isEqualTo(303);
        assertThat(importAddress.header("Location")).isEqualTo("/plans#document");
        // A bad value in the address: the parameter is named once, in Danish, without the parser's words.
        assertBadParameter(official.getPage("/plans/ikke-et-id"), "id: er ikke et gyldigt id");
        assertBadParameter(official.getPage("/plans/" + planId + "/sammenlign?fra=abc"), "fra: skal være et helt tal");
        assertBadParameter(official.getPage("/plans/" + planId + "/dokument?revision=xyz"), "revision: skal være et helt tal");
        Api.Response badRevision = official.get("/api/plans/" + planId + "/document?revision=xyz");
        assertThat(badRevision.status()).isEqualTo(400);
        assertThat(badRevision.header("Content-Type")).startsWith("application/problem+json");
        assertThat(badRevision.body()).contains("revision").contains("skal være et helt tal").doesNotContain("For input string");
        Api.Response missing = official.get("/api/plans/" + planId + "/comparison?to=1");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("\"field\":\"from\"").contains("skal angives").doesNotContain("Required");
        assertPage(official.getPage("/plans/" + planId + "/sammenlign?fra=99"), 404, "Findes ikke");
        Api.Response noGoal = official.getPage("/plans/" + planId + "/maal/99");
        assertPage(noGoal, 404, "Findes ikke");
        assertThat(noGoal.body()).contains("planen har 1 mål").doesNotContain("nummer 100");
        assertPage(manager.getPage("/approval/udvalg"), 403, "Ingen adgang");
        assertPage(official.getPage("/logout"), 405, "Metoden er ikke tilladt");
        // A form without its CSRF token: refused, as a page.
        Api.Response noToken = official.postForm("/plans/" + planId + "/indsend", Map.of("version", "0"));
        assertPage(noToken, 403, "Formularen blev ikke sendt");
        String noTokenMain = noToken.body().substring(noToken.body().indexOf("<main"), noToken.body().indexOf("</main>"));
        assertThat(noTokenMain).contains("Genindlæs siden, og prøv igen").doesNotContain("CSRF").doesNotContain("token")
                .doesNotContain("kommunens administrator");
        assertPage(app.api().getPage("/test-fejl/409"), 409, "Konflikt");
        assertPage(app.api().getPage("/test-fejl/413"), 413, "Forespørgslen er for stor");
        Api.Response error = app.api().getPage("/test-fejl/500");
        assertPage(error, 500, "Uventet fejl");
        assertThat(error.body()).doesNotContain("a bug, on purpose");

        // A file above the size limit, from the upload form: 413 as a page.
        assertPage(bigUpload(official), 413, "Forespørgslen er for stor");

        // 401: not logged in, a page sends to the login page and from there back.
        Api.Response anonymous = app.api().getPage("/plans/" + planId);
        assertThat(anonymous.status()).isEqualTo(303);
        assertThat(anonymous.header("Location")).isEqualTo("/login?next=%2Fplans%2F" + planId);

        // The API keeps problem+json, in Danish.
        Api.Response api = official.get("/api/plans/" + UUID.randomUUID());
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
        Api.Response route = official.get("/api/findes-ikke");
        assertThat(route.json()).containsEntry("title", "Findes ikke").containsEntry("detail", "Siden eller det, du bad om, findes ikke.");
        assertThat(manager.get("/api/approval/committees").header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void malformedJsonIsAnsweredInDanishNamingThePosition() {
        Api official = Fixtures.as(app, "a.official");
        Api.Response refused = official.postRaw("/api/plans", "{\"municipality\":\"316\",\n \"fromYear\": 2027,, \"title\": \"x\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        Map<String, Object> problem = refused.json();
        assertThat((String) problem.get("detail")).contains("JSON").contains("linje 2").contains("kolonne")
                .doesNotContain("Unexpected").doesNotContain("character");
    }

    @Test
    void inChromiumTheErrorPageHasTheLayoutAWayBackAndPassesAxe() throws Exception {
        try (Browser browser = new Browser(app.url())) {
            browser.open("/tilgaengelighed").awaitText("Tilgængelighedserklæring for Beskplan");
            assertThat(browser.text()).contains("Ikke tilgængeligt indhold").contains("Digitaliseringsstyrelsen")
                    .contains("Ligebehandlingsnævnet").contains("2. december 2026");
            browser.checkAccessibility();
            screenshot(browser, "tilgaengelighedserklaering");

            browser.login("a.official", Fixtures.PASSWORD).open("/plans");
            browser.open("/plans/" + UUID.randomUUID()).awaitText("Findes ikke");
            assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("da");
            assertThat(browser.driver.getTitle()).isEqualTo("Findes ikke – Beskplan");
            assertThat(browser.driver.findElements(By.tagName("main"))).hasSize(1);
            assertThat(browser.text()).contains("Til forsiden").contains("Tilgængelighedserklæring").contains("Planer");
            browser.checkAccessibility();
            screenshot(browser, "fejlside-404");
            for (int status : new int[]{400, 403, 405, 409, 413, 500, 503}) {
                browser.open("/test-fejl/" + status).awaitText("Fejlkode " + status);
                browser.checkAccessibility();
            }
            browser.click("Til forsiden").awaitText("Velkommen");

            // The footer links to the statement, which opens without login too.
            browser.click("Tilgængelighedserklæring").awaitText("Håndhævelsesprocedure");
        }
    }

    private static void assertBadParameter(Api.Response response, String error) {
        assertPage(response, 400, "Ugyldig");
        String body = response.body();
        assertThat(body).contains(error).doesNotContain("For input string").doesNotContain("Exception").doesNotContain("Invalid UUID");
        assertThat(body.indexOf(error)).as("said once").isEqualTo(body.lastIndexOf(error));
    }

    private static void assertPage(Api.Response response, int status, String title) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("text/html");
        assertThat(response.body()).contains("<html lang=\"da\"").contains("<title>" + title)
                .contains("<main").contains("href=\"/\"").contains("Fejlkode " + status).contains("/tilgaengelighed");
    }

    /** The upload form with a file of 11 MB (the limit is 2 MB). */
    private static Api.Response bigUpload(Api official) {
        return official.postMultipart("/plans/import", Map.of("_csrf", official.csrfToken()), "document", "stor.json", " ".repeat(11 * 1024 * 1024));
    }

    private static void screenshot(Browser browser, String name) throws Exception {
        String dir = System.getProperty("beskplan.screenshots");
        if (dir != null) {
            Files.createDirectories(Path.of(dir));
            Files.write(Path.of(dir, name + ".png"), ((TakesScreenshot) browser.driver).getScreenshotAs(OutputType.BYTES));
        }
    }
}
