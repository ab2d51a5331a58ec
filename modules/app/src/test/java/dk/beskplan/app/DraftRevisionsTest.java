package dk.beskplan.app;

import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revisions and comparisons through the editor pages and the API: two officials editing the same goal
 * never overwrite each other, and a comparison names what was added, changed and moved.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DraftRevisionsTest {
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
    void theSecondOfTwoConcurrentSavesIsRefusedAndNothingIsOverwritten() {
        Api first = Fixtures.as(app, "a.official");
        Api second = Fixtures.as(app, "a.official");
        String planId = Fixtures.createPlan(first, Fixtures.A);
        // Both opened the goal page at version 0.
        Api.Response saved = first.postForm("/plans/" + planId + "/maal/0", goalForm(first, "Flere i job – første udgave", 0));
        assertThat(saved.status()).isEqualTo(303);
        Api.Response refused = second.postForm("/plans/" + planId + "/maal/0", goalForm(second, "Flere i job – anden udgave", 0));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("Planen er ændret af en anden i mellemtiden");
        // The refused page gives the second official their text back to copy from.
        assertThat(refused.body()).contains("Flere i job – anden udgave");
        assertThat(goals(first, planId).get(0)).containsEntry("title", "Flere i job – første udgave");
        assertThat(first.get("/api/plans/" + planId).json()).containsEntry("currentRevision", 2);
    }

    @Test
    void invalidInputOnAPageNamesTheFieldAndSavesNothing() {
        Api official = Fixtures.as(app, "a.official");
        String planId = Fixtures.createPlan(official, Fixtures.A);
        Map<String, String> form = goalForm(official, "Flere i job", 0);
        form.put("successCriteria[0].target.percent", "halvfjerds");
        Api.Response refused = official.postForm("/plans/" + planId + "/maal/0", form);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Succeskriterium 1 › Målværdi › Procent: skal være et tal");
        assertThat(official.get("/api/plans/" + planId).json()).containsEntry("currentRevision", 1);
    }

    @Test
    void aComparisonNamesTheAddedGoalAndTheChangedCriterion() {
        Api official = Fixtures.as(app, "a.official");
        String planId = Fixtures.createPlan(official, Fixtures.A);
        Map<String, Object> document = new HashMap<>(official.get("/api/plans/" + planId + "/document").json());
        Map<String, Object> goal = goals(official, planId).get(0);
        Map<String, Object> changedGoal = new HashMap<>(goal);
        changedGoal.put("successCriteria", List.of(Map.of("text", "Mindst 80 pct. af borgerne er tilfredse", "baselines", List.of(),
                "target", Map.of("kind", "SHARE", "comparator", "AT_LEAST", "percent", 80))));
        Map<String, Object> newGoal = Map.of("kind", "NATIONAL", "nationalGoal", "2022-1", "label", "Beskæftigelsesmål 2",
                "title", "Flere ledige skal opkvalificeres");
        document.put("goals", List.of(newGoal, changedGoal));
        document.put("title", "Beskæftigelsesplan 2026 for Holbæk");
        assertThat(official.put("/api/plans/" + planId + "/document", document, "If-Match", "\"0\"").status()).isEqualTo(200);

        Map<String, Object> comparison = official.get("/api/plans/" + planId + "/comparison?from=1&to=2").json();
        assertThat(comparison.get("counts")).isEqualTo(Map.of("ADDED", 1, "REMOVED", 0, "MOVED", 0, "CHANGED", 3));
        // The page words a change of the plan's own fields as Danish does: "Ændret: Planens titel".
        String page = official.getPage("/plans/" + planId + "/sammenlign?fra=1&til=2").body();
        assertThat(page).contains("Planens titel").doesNotContain("Planen</span>:").doesNotContain("Planen: Planen");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> changes = (List<Map<String, Object>>) comparison.get("changes");
        assertThat(changes).anySatisfy(c -> assertThat(c).containsEntry("kind", "ADDED").containsEntry("element", "GOAL")
                .containsEntry("where", "Beskæftigelsesmål 2: Flere ledige skal opkvalificeres"));
        assertThat(changes).anySatisfy(c -> assertThat(c).containsEntry("kind", "CHANGED").containsEntry("field", "Målværdi")
                .containsEntry("before", "mindst 75 %").containsEntry("after", "mindst 80 %"));
        // Without an approved plan for an earlier period there is nothing to compare with.
        assertThat(official.get("/api/plans/" + planId + "/comparison/last-approved").status()).isEqualTo(404);
    }

    /** The goal page's form as a browser posts it for the fixture's goal, with a new title. */
    private static Map<String, String> goalForm(Api user, String title, long version) {
        Map<String, String> form = new HashMap<>();
        form.put("_csrf", user.csrfToken());
        form.put("version", Long.toString(version));
        form.put("action", "save");
        form.put("kind", "LOCAL");
        form.put("label", "Lokalt mål 1");
        form.put("title", title);
        form.put("objectives[0]", "Flere ledige skal i job");
        form.put("successCriteria[0].text", "Mindst 75 pct. af borgerne er tilfredse");
        form.put("successCriteria[0].target.kind", "SHARE");
        form.put("successCriteria[0].target.comparator", "AT_LEAST");
        form.put("successCriteria[0].target.percent", "75");
        return form;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> goals(Api user, String planId) {
        return (List<Map<String, Object>>) user.get("/api/plans/" + planId + "/document").json().get("goals");
    }
}
