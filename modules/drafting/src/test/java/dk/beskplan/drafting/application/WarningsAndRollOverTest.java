package dk.beskplan.drafting.application;

import dk.beskplan.contracts.approval.PlanDecisionRecorded;
import dk.beskplan.platform.messaging.Envelope;
import dk.beskplan.platform.persistence.Sql;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.TestApp;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Before a plan is submitted the officials are warned of what to look at (a goal without success criteria, a deadline
 * before the plan's period), and a plan carried over to the next period has every date moved by the period and lists
 * every text still naming the old year; none of it stops the submission. A plan that names no committee goes the whole
 * way too.
 */
class WarningsAndRollOverTest {

    /** Holbæk's 2025 plan in brief: no committee named, one goal with a criterion due in 2025, one goal with none. */
    private static Map<String, Object> plan2025() {
        Map<String, Object> criterion = new HashMap<>(Map.of("code", "1a", "text", "I 2025 skal 60 pct. af de ledige være i job",
                "deadline", "2025-12-31",
                "baselines", List.of(Map.of("label", "Status 2024", "date", "2024-08-31", "value", 55, "unit", "PERCENT")),
                "target", Map.of("kind", "CHANGE_FROM_BASELINE", "baselineValue", 55, "baselineDate", "2024-08-31",
                        "targetValue", 60, "targetDate", "2025-12-31", "betterWhen", "HIGHER")));
        Map<String, Object> withCriteria = new HashMap<>(Map.of("kind", "LOCAL", "label", "Mål 1", "title", "Flere i job",
                "objectives", List.of("Jobcentret fortsætter i 2025 med virksomhedsrettede tilbud"), "successCriteria", List.of(criterion)));
        Map<String, Object> without = Map.of("kind", "LOCAL", "title", "Flere unge i uddannelse");
        Map<String, Object> doc = new HashMap<>(Map.of("schemaVersion", 1, "municipality", "316", "fromYear", 2025, "toYear", 2025,
                "title", "Beskæftigelsesplan 2025"));
        doc.put("goals", List.of(withCriteria, without));
        return doc;
    }

    @Test
    void aPlanCarriedOverHasItsDatesMovedItsOldYearsListedAndIsStillSubmittedWithWarnings() {
        try (TestApp app = TestApp.start()) {
            UserAccounts users = app.bean(UserAccounts.class);
            users.ensureMunicipality("316", "Holbæk Kommune");
            users.save("official", "Official", null, "316", Set.of(Roles.OFFICIAL), "test-adgangskode-123");
            carryOver(app, app.api().login("official", "test-adgangskode-123"));
        }
    }

    @SuppressWarnings("unchecked")
    private static void carryOver(TestApp app, Api official) {
        Api.Response imported = official.post("/api/plans/import", plan2025());
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        String id = (String) imported.json().get("id");
        assertThat(imported.json().get("committeeName")).isNull();

        // Before submission: the goal without criteria, and nothing else (2025's dates are in 2025's plan).
        List<Map<String, Object>> warnings = official.get("/api/plans/" + id + "/warnings").jsonList();
        assertThat(warnings).extracting(w -> w.get("path") + " " + w.get("kind"))
                .containsExactly("goals[1].successCriteria GOAL_WITHOUT_CRITERIA");
        assertThat((String) warnings.get(0).get("message")).contains("Flere unge i uddannelse", "ingen succeskriterier");
        assertThat(official.getPage("/plans/" + id).body()).contains("Se på dette, før du indsender (1)", "Flere unge i uddannelse« har ingen succeskriterier");

        Api.Response submitted = official.post("/api/plans/" + id + "/submit", Map.of(), "If-Match", "\"0\"");
        assertThat(submitted.status()).as("warnings do not stop a submission").isEqualTo(200);
        assertThat(submittedCommittee(app, id)).as("the message names no committee").isEqualTo("null");
        approve(app, id);

        Api.Response rolled = official.post("/api/plans/" + id + "/roll-over", Map.of());
        assertThat(rolled.status()).as(rolled.body()).isEqualTo(201);
        String next = (String) rolled.json().get("id");
        assertThat(rolled.json()).containsEntry("title", "Beskæftigelsesplan 2026").containsEntry("fromYear", 2026);

        Map<String, Object> document = official.get("/api/plans/" + next + "/document").json();
        Map<String, Object> criterion = ((List<Map<String, Object>>) ((List<Map<String, Object>>) document.get("goals")).get(0)
                .get("successCriteria")).get(0);
        assertThat(criterion).containsEntry("deadline", "2026-12-31");
        assertThat((Map<String, Object>) criterion.get("target")).containsEntry("baselineDate", "2025-08-31").containsEntry("targetDate", "2026-12-31");
        assertThat(((List<Map<String, Object>>) criterion.get("baselines")).get(0)).containsEntry("date", "2025-08-31");

        // Every text still naming 2025, for review; the moved dates are not among them.
        List<Map<String, Object>> review = official.get("/api/plans/" + next + "/warnings").jsonList();
        assertThat(review).filteredOn(w -> "OLD_YEAR".equals(w.get("kind"))).extracting(w -> w.get("path"))
                .containsExactlyInAnyOrder("goals[0].objectives[0]", "goals[0].successCriteria[0].text");
        assertThat(review).filteredOn(w -> "OLD_YEAR".equals(w.get("kind"))).extracting(w -> (String) w.get("message"))
                .allMatch(m -> m.contains("nævner 2025") && m.contains("2026"));
        assertThat(review).extracting(w -> w.get("kind")).doesNotContain("DATE_BEFORE_PERIOD");
        assertThat(official.getPage("/plans/" + next).body()).contains("Planen er videreført", "Teksten nævner 2025");

        // A deadline left in the old period is warned of; the plan can still be submitted.
        document.put("goals", List.of(withDeadline((Map<String, Object>) ((List<?>) document.get("goals")).get(0), "2025-12-31"),
                ((List<?>) document.get("goals")).get(1)));
        assertThat(official.put("/api/plans/" + next + "/document", document, "If-Match", "\"0\"").status()).isEqualTo(200);
        assertThat(official.get("/api/plans/" + next + "/warnings").jsonList())
                .filteredOn(w -> "DATE_BEFORE_PERIOD".equals(w.get("kind"))).extracting(w -> w.get("path"))
                .containsExactly("goals[0].successCriteria[0].deadline");
        assertThat(official.post("/api/plans/" + next + "/submit", Map.of(), "If-Match", "\"1\"").status()).isEqualTo(200);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withDeadline(Map<String, Object> goal, String deadline) {
        Map<String, Object> criterion = new HashMap<>(((List<Map<String, Object>>) goal.get("successCriteria")).get(0));
        criterion.put("deadline", deadline);
        Map<String, Object> changed = new HashMap<>(goal);
        changed.put("successCriteria", List.of(criterion));
        return changed;
    }

    private static String submittedCommittee(TestApp app, String planId) {
        return tx(app).executeRead(s -> app.bean(Sql.class).query("select envelope::jsonb -> 'payload' ->> 'committeeName' from drafting.outbox"
                + " where ordering_key = ? and type = 'drafting.plan-submitted'", rs -> String.valueOf(rs.getString(1)), planId)).get(0);
    }

    private static void approve(TestApp app, String id) {
        PlanDecisionRecorded decision = new PlanDecisionRecorded(UUID.fromString(id), UUID.randomUUID(),
                PlanDecisionRecorded.Decision.APPROVED, LocalDate.of(2024, 12, 10), 1, "hash", "Beskæftigelsesplan 2025", 2025, 2025,
                null, null, null, null, null, null);
        Envelope envelope = new Envelope(UUID.randomUUID(), "approval.plan-decision-recorded", 2, Instant.now(), "316",
                UUID.fromString(id), null, "secretary", null);
        tx(app).executeWrite(status -> {
            app.bean(OnPlanDecisionRecorded.class).handle(decision, envelope);
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    private static TransactionOperations<java.sql.Connection> tx(TestApp app) {
        return app.bean(TransactionOperations.class);
    }
}
