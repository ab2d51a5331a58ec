package dk.beskplan.app;

import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Mine sessioner" and the administrator's "Afslut brugerens sessioner" in a real browser (issue 15, finding 7): the
 * user finds their sessions from their profile, sees which one is this one and logs the others out; the local
 * administrator ends all of a user's sessions from the user's page. Both pages pass axe-core.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionsInTheBrowserTest {
    private TestApp app;
    private Browser browser;

    @BeforeAll
    void start() {
        app = TestApp.start(Map.of("beskplan.followup.scheduler-enabled", false));
        Fixtures.seedUsers(app);
        app.bean(UserAccounts.class).save("a.admin", "A Admin", "a.admin@test.beskplan.dk", Fixtures.A, Set.of(Roles.LOCAL_ADMIN),
                Fixtures.PASSWORD);
        browser = new Browser(app.url());
    }

    @AfterAll
    void stop() {
        browser.close();
        app.close();
    }

    @Test
    void aUserLogsTheirOtherSessionsOutAndAnAdministratorEndsAUsersSessions() {
        Api elsewhere = Fixtures.as(app, "a.official");
        browser.login("a.official", Fixtures.PASSWORD);
        browser.open("/min-profil").click("Mine sessioner: hvor jeg er logget ind").awaitText("Log de andre sessioner ud");
        assertThat(browser.url()).endsWith("/min-profil/sessioner");
        assertThat(browser.text()).contains("denne session").contains("Chrome på Linux").contains("Java-http-client");
        browser.checkAccessibility();
        browser.click("Log de andre sessioner ud").awaitText("1 session(er) er logget ud. Du er stadig logget ind her.");
        assertThat(browser.text()).contains("Du er kun logget ind her.");
        assertThat(elsewhere.get("/api/me").status()).as("the other session ended").isEqualTo(401);
        browser.click("Log ud").awaitText("Du er logget ud.");

        Api manager = Fixtures.as(app, "a.manager");
        browser.login("a.admin", Fixtures.PASSWORD);
        browser.open("/administration/brugere/a.manager").awaitText("Brugeren er logget ind i 1 session(er)");
        browser.checkAccessibility();
        browser.click("Afslut brugerens sessioner").awaitText("Alle brugerens sessioner er afsluttet.");
        assertThat(browser.text()).contains("Brugeren er ikke logget ind nogen steder.").contains("Sessioner afsluttet for A Manager: 1");
        assertThat(manager.get("/api/me").status()).isEqualTo(401);
    }
}
