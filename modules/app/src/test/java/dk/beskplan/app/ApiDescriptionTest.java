package dk.beskplan.app;

import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/** One OpenAPI description for the whole application: every module's endpoints and the plan document's shape. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDescriptionTest {
    private TestApp app;

    @BeforeAll
    void start() {
        app = TestApp.start();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void describesEveryModulesEndpointsAndThePlanDocument() {
        Api.Response description = app.api().get("/swagger/beskplan.yml");
        assertThat(description.status()).isEqualTo(200);
        assertThat(description.body()).contains("/api/login:", "/api/plans/import:", "/api/plans/{id}/comparison:",
                "/api/approval/inbox:", "/api/followup/plans/{planId}/rounds:", "/api/archive/plans/{planId}/timeline:",
                "PlanDocument:", "SuccessCriterion:", "CHANGE_FROM_BASELINE");
        // The document endpoints point at the schema rather than at an anonymous object.
        assertThat(description.body()).contains("$ref: \"#/components/schemas/PlanDocument\"");
    }
}
