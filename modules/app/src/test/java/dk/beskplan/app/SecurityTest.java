package dk.beskplan.app;

import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The security baseline: tenants, roles, CSRF, sessions, throttling, and errors that name the field. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityTest {
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
    void anotherMunicipalitysPlanIsInvisibleAndUntouchable() {
        String planId = Fixtures.createPlan(Fixtures.as(app, "a.official"), Fixtures.A);
        Api b = Fixtures.as(app, "b.official");
        assertThat(b.get("/api/plans/" + planId).status()).isEqualTo(404);
        assertThat(b.post("/api/plans/" + planId + "/submit", Map.of()).status()).isEqualTo(404);
        assertThat(b.get("/api/plans").jsonList()).extracting(p -> p.get("id")).doesNotContain(planId);
        assertThat(b.get("/api/archive/plans/" + planId + "/timeline").status()).isEqualTo(404);
        // B's official cannot create a plan for A either.
        Api.Response forA = b.post("/api/plans", Fixtures.newPlan(Fixtures.A));
        assertThat(forA.status()).isEqualTo(400);
        assertThat(forA.json().get("errors").toString()).contains("municipality");
        // A is unchanged.
        assertThat(Fixtures.as(app, "a.official").get("/api/plans/" + planId).json()).containsEntry("state", "DRAFT");
    }

    @Test
    void aRoleWithoutTheRightIsForbidden() {
        Api reader = Fixtures.as(app, "a.reader");
        assertThat(reader.post("/api/plans", Fixtures.newPlan(Fixtures.A)).status()).isEqualTo(403);
        Api official = Fixtures.as(app, "a.official");
        assertThat(official.get("/api/approval/inbox").status()).isEqualTo(403);
        assertThat(official.get("/api/approval/inbox").header("Content-Type")).startsWith("application/problem+json");
        assertThat(app.api().get("/api/plans").status()).isEqualTo(401);
    }

    @Test
    void aFormPostWithoutItsCsrfTokenIsRefused() {
        Api official = Fixtures.as(app, "a.official");
        assertThat(official.postForm("/logout", Map.of()).status()).isEqualTo(403);
        assertThat(official.postForm("/logout", Map.of("_csrf", "forged")).status()).isEqualTo(403);
        // Still logged in: the refused logout changed nothing.
        assertThat(official.get("/api/me").status()).isEqualTo(200);
        // A JSON call without the header is refused too, and creates nothing.
        Api noHeader = Fixtures.as(app, "a.official");
        noHeader.forgetCsrfToken();
        assertThat(noHeader.post("/api/plans", Fixtures.newPlan(Fixtures.A)).status()).isEqualTo(403);
        assertThat(official.postForm("/logout", Map.of("_csrf", official.csrfToken())).status()).isEqualTo(303);
    }

    @Test
    void afterLogoutTheOldSessionIsRefused() {
        Api official = Fixtures.as(app, "a.official");
        assertThat(official.get("/api/plans").status()).isEqualTo(200);
        assertThat(official.post("/api/logout", Map.of()).status()).isEqualTo(204);
        assertThat(official.get("/api/plans").status()).isEqualTo(401);
    }

    @Test
    void everyLoginStartsANewSession() {
        Api first = Fixtures.as(app, "a.manager");
        String token = first.csrfToken();
        first.login("a.manager", Fixtures.PASSWORD);
        assertThat(first.csrfToken()).isNotEqualTo(token);
    }

    @Test
    void repeatedFailedLoginsAreThrottled() {
        Api api = app.api();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(api.post("/api/login", Map.of("username", "b.secretary", "password", "wrong-password-" + i)).status());
        }
        assertThat(statuses.subList(0, 4)).containsOnly(401);
        assertThat(statuses.get(5)).isEqualTo(429);
        // Locked even with the right password, until the lock expires.
        assertThat(api.post("/api/login", Map.of("username", "b.secretary", "password", Fixtures.PASSWORD)).status()).isEqualTo(429);
    }

    @Test
    void badInputNamesTheFieldAndChangesNothing() {
        Api official = Fixtures.as(app, "a.official");
        int before = official.get("/api/plans").jsonList().size();
        Api.Response blank = official.post("/api/plans", Map.of("municipality", "316", "fromYear", 2026, "toYear", 2026, "title", "", "committeeName", "U"));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.header("Content-Type")).startsWith("application/problem+json");
        assertThat(blank.json().get("errors").toString()).contains("field=title");
        Api.Response wrongType = official.postRaw("/api/plans", "{\"municipality\":\"316\",\"fromYear\":\"abc\",\"toYear\":2026,\"title\":\"T\",\"committeeName\":\"U\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        Api.Response period = official.post("/api/plans", Map.of("municipality", "316", "fromYear", 2026, "toYear", 2024, "title", "T", "committeeName", "U"));
        assertThat(period.status()).isEqualTo(400);
        assertThat(period.json().get("errors").toString()).contains("field=toYear");
        assertThat(official.postRaw("/api/plans", "{not json").status()).isEqualTo(400);
        assertThat(official.get("/api/plans/not-a-uuid").status()).isEqualTo(400);
        assertThat(official.get("/api/plans").jsonList()).hasSize(before);
    }

    @Test
    void pagesNeedALoginAndTheLoginPageIsDanish() {
        Api anonymous = app.api();
        Api.Response home = anonymous.getPage("/");
        assertThat(home.status()).isEqualTo(303);
        assertThat(home.header("Location")).startsWith("/login");
        Api.Response login = anonymous.getPage("/login");
        assertThat(login.body()).contains("lang=\"da\"").contains("Adgangskode");
        Api.Response wrong = anonymous.postForm("/login", Map.of("username", "a.official", "password", "forkert-forkert"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).contains("Forkert brugernavn eller adgangskode");
        Api.Response ok = anonymous.postForm("/login", Map.of("username", "a.official", "password", Fixtures.PASSWORD, "next", "/"));
        assertThat(ok.status()).isEqualTo(303);
        assertThat(anonymous.getPage("/").body()).contains("A Official");
    }
}
