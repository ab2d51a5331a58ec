package dk.beskplan.app;

import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What page forms send, seen from the server: the CSRF token in a multipart body is read (and a missing one
 * refused), and a form sent twice with the same submission id is carried out once, the repeat sent where the
 * first went with a note, never a conflict.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageFormsTest {
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
    void theUploadFormsTokenTravelsInTheMultipartBody() {
        Api official = Fixtures.as(app, "a.official");
        String document = "{\"schemaVersion\":1,\"municipality\":\"316\",\"fromYear\":2029,\"toYear\":2029,\"title\":\"Beskæftigelsesplan 2029\","
                + "\"committeeName\":\"Udvalget\",\"goals\":[]}";
        Api.Response refused = official.postMultipart("/plans/import", Map.of(), "document", "plan.json", document);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(official.get("/api/plans").jsonList()).extracting(p -> p.get("title")).doesNotContain("Beskæftigelsesplan 2029");

        Api.Response imported = official.postMultipart("/plans/import", Map.of("_csrf", official.csrfToken()), "document", "plan.json", document);
        assertThat(imported.status()).as(imported.body()).isEqualTo(303);
        assertThat(official.get("/api/plans").jsonList()).extracting(p -> p.get("title")).containsOnlyOnce("Beskæftigelsesplan 2029");
    }

    @Test
    void aFormSentTwiceIsCarriedOutOnce() {
        Api official = Fixtures.as(app, "a.official");
        String planId = Fixtures.createPlan(official, Fixtures.A);
        Map<String, String> form = Map.of("_csrf", official.csrfToken(), "version", "0", "_submission", "3f1c0c7e5d2a4b6e");

        Api.Response first = official.postForm("/plans/" + planId + "/indsend", form);
        assertThat(first.status()).isEqualTo(303);
        assertThat(first.header("Location")).isEqualTo("/plans/" + planId);
        Api.Response repeat = official.postForm("/plans/" + planId + "/indsend", form);
        assertThat(repeat.status()).as(repeat.body()).isEqualTo(303);
        assertThat(repeat.header("Location")).isEqualTo("/plans/" + planId + "?gentaget=1");
        assertThat(official.getPage(repeat.header("Location")).body()).contains("Den blev kun udført én gang").doesNotContain("Konflikt");
        assertThat(official.get("/api/plans/" + planId).json()).containsEntry("state", "SUBMITTED");

        // Without a submission id (an old page, no JavaScript) the second is refused as before: If-Match-like versions.
        Map<String, String> plain = Map.of("_csrf", official.csrfToken(), "version", "0");
        assertThat(official.postForm("/plans/" + planId + "/traek-tilbage", Map.of("_csrf", official.csrfToken(), "version", "1")).status())
                .isEqualTo(303);
        assertThat(official.postForm("/plans/" + planId + "/indsend", Map.of("_csrf", official.csrfToken(), "version", "2")).status())
                .isEqualTo(303);
        assertThat(official.postForm("/plans/" + planId + "/indsend", plain).status()).isEqualTo(409);
    }
}
