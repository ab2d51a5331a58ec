package dk.beskplan.app;

import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.Eventually;
import dk.beskplan.platform.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Readers and the public see approved plans only, and only their approved text. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadersTest {
    private TestApp app;
    private String approved;
    private String draft;

    @BeforeAll
    void start() {
        app = TestApp.start();
        Fixtures.seedUsers(app);
        Api official = Fixtures.as(app, "a.official");
        approved = Fixtures.createPlan(official, Fixtures.A);
        draft = Fixtures.createPlan(official, Fixtures.A);
        official.post("/api/plans/" + approved + "/submit", Map.of(), "If-Match", "\"0\"");
        Api secretary = Fixtures.as(app, "a.secretary");
        new Committee(secretary).approve(approved);
        Eventually.await(Duration.ofSeconds(20), "the plan approved", () -> official.get("/api/plans/" + approved).json(),
                p -> "APPROVED".equals(p.get("state")));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void aReaderSeesTheApprovedPlanAndNothingOnTheWay() {
        Api reader = Fixtures.as(app, "a.reader");
        assertThat(reader.get("/api/plans").jsonList()).extracting(p -> p.get("id")).containsExactly(approved);
        assertThat(reader.get("/api/plans/" + approved).status()).isEqualTo(200);
        assertThat(reader.get("/api/plans/" + draft).status()).isEqualTo(404);
        assertThat(reader.get("/api/plans/" + approved + "/document").status()).isEqualTo(200);
        assertThat(reader.get("/api/plans/" + approved + "/revisions").status()).isEqualTo(403);
        assertThat(reader.get("/api/plans/" + approved + "/comparison?from=1&to=1").status()).isEqualTo(403);
        assertThat(reader.getPage("/plans/" + approved).body()).doesNotContain("/revisioner");
    }

    @Test
    void thePublicPageListsApprovedPlansWithoutLogin() {
        Api anonymous = app.api();
        Api.Response page = anonymous.getPage("/offentlig/" + Fixtures.A);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Holbæk Kommune", "/offentlig/316/" + approved).doesNotContain(draft);
        assertThat(anonymous.getPage("/offentlig/316/" + approved).body()).contains("Godkendt udgave");
        Api.Response pdf = anonymous.getAny("/offentlig/316/" + approved + "/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
        assertThat(anonymous.getPage("/offentlig/316/" + draft).status()).isEqualTo(404);
        // Another municipality's page does not show A's plan.
        assertThat(anonymous.getPage("/offentlig/250/" + approved).status()).isEqualTo(404);
    }
}
