package dk.beskplan.drafting.application;

import dk.beskplan.contracts.approval.PlanDecisionRecorded;
import dk.beskplan.platform.messaging.Envelope;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.persistence.Sql;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.Eventually;
import dk.beskplan.platform.testing.TestApp;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Approved with amendments" as drafting receives it (docs/adr/0007): the committee's amended text
 * becomes the approved revision; the submitted revision stays exactly as it was submitted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalWithAmendmentsTest {
    private static final String PASSWORD = "test-adgangskode-123";
    private TestApp app;
    private Api official;

    @BeforeAll
    void start() {
        app = TestApp.start();
        UserAccounts users = app.bean(UserAccounts.class);
        users.ensureMunicipality("316", "Holbæk Kommune");
        users.save("official", "Official", null, "316", Set.of(Roles.OFFICIAL), PASSWORD);
        official = app.api().login("official", PASSWORD);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAmendedTextBecomesTheApprovedRevisionAndTheSubmittedOneStays() throws java.io.IOException {
        Map<String, Object> document = new HashMap<>(Map.of("schemaVersion", 1, "municipality", "316", "fromYear", 2026,
                "toYear", 2026, "title", "Beskæftigelsesplan 2026", "committeeName", "Udvalget"));
        document.put("goals", List.of(Map.of("kind", "LOCAL", "label", "Lokalt mål 1", "title", "Flere i job",
                "objectives", List.of("Flere ledige skal i job"))));
        String id = (String) official.post("/api/plans/import", document).json().get("id");
        assertThat(official.post("/api/plans/" + id + "/submit", Map.of(), "If-Match", "\"0\"").status()).isEqualTo(200);

        Map<String, Object> amended = new HashMap<>(official.get("/api/plans/" + id + "/document").json());
        Map<String, Object> goal = new HashMap<>(((List<Map<String, Object>>) amended.get("goals")).get(0));
        goal.put("objectives", List.of("Flere ledige skal i ordinære job"));
        amended.put("goals", List.of(goal));
        PlanDecisionRecorded decision = new PlanDecisionRecorded(UUID.fromString(id), UUID.randomUUID(),
                PlanDecisionRecorded.Decision.APPROVED_WITH_AMENDMENTS, LocalDate.of(2026, 12, 10), 1, "hash",
                "Beskæftigelsesplan 2026", 2026, 2026, null,
                List.of("Målsætning 1 under Lokalt mål 1 erstattes af: Flere ledige skal i ordinære job"),
                PlanTexts.readDocument(app.bean(io.micronaut.json.JsonMapper.class).writeValueToTree(amended)),
                null, null, null);
        Envelope envelope = new Envelope(UUID.randomUUID(), "approval.plan-decision-recorded", 2, Instant.now(), "316",
                UUID.fromString(id), null, "secretary", null);
        @SuppressWarnings("unchecked")
        TransactionOperations<java.sql.Connection> tx = app.bean(TransactionOperations.class);
        tx.executeWrite(status -> {
            app.bean(OnPlanDecisionRecorded.class).handle(decision, envelope);
            return null;
        });

        Map<String, Object> plan = official.get("/api/plans/" + id).json();
        assertThat(plan).containsEntry("state", "APPROVED").containsEntry("approvedRevision", 2)
                .containsEntry("submittedRevision", 1).containsEntry("currentRevision", 2);
        assertThat(official.get("/api/plans/" + id + "/document?revision=2").body()).contains("Flere ledige skal i ordinære job");
        assertThat(official.get("/api/plans/" + id + "/document?revision=1").body())
                .contains("Flere ledige skal i job").doesNotContain("ordinære");
        List<Map<String, Object>> revisions = official.get("/api/plans/" + id + "/revisions").jsonList();
        assertThat(revisions).extracting(r -> r.get("number") + ":" + r.get("frozenAs"))
                .containsExactlyInAnyOrder("1:SUBMITTED", "2:APPROVED");
        assertThat(revisions).filteredOn(r -> Integer.valueOf(2).equals(r.get("number")))
                .extracting(r -> r.get("author")).containsExactly("secretary");

        // Each frozen revision's PDF is rendered once, soon after it was frozen, and served as stored.
        Sql sql = app.bean(Sql.class);
        List<String> frozen = Eventually.await(Duration.ofSeconds(30), "both frozen PDFs rendered", () -> tx.executeRead(s -> sql.query(
                "select revision || ':' || kind from drafting.frozen_document where plan_id = ?::uuid and pdf is not null"
                        + " order by revision", rs -> rs.getString(1), id)), rendered -> rendered.size() == 2);
        assertThat(frozen).containsExactly("1:SUBMITTED", "2:APPROVED");
        byte[] approvedPdf = tx.executeRead(s -> sql.queryOne("select pdf from drafting.frozen_document where plan_id = ?::uuid"
                + " and kind = 'APPROVED'", rs -> rs.getBytes(1), id).orElseThrow());
        assertThat(official.getBytes("/api/plans/" + id + "/document.pdf?revision=2")).isEqualTo(approvedPdf);
        List<String> sent = tx.executeRead(s -> sql.query("select type from drafting.outbox where ordering_key = ? order by id",
                rs -> rs.getString(1), id));
        // Each PDF is sent when it has been rendered: after the revision was frozen, perhaps after what came next.
        assertThat(sent).filteredOn(type -> !type.equals("drafting.plan-document-frozen"))
                .containsExactly("drafting.plan-draft-created", "drafting.plan-submitted", "drafting.plan-approved");
        assertThat(sent).filteredOn(type -> type.equals("drafting.plan-document-frozen")).hasSize(2);
        assertThat(sent.indexOf("drafting.plan-document-frozen")).isGreaterThan(sent.indexOf("drafting.plan-submitted"));
        assertThat(sent.lastIndexOf("drafting.plan-document-frozen")).isGreaterThan(sent.indexOf("drafting.plan-approved"));
    }
}
