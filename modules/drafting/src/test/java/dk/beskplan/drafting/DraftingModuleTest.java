package dk.beskplan.drafting;

import dk.beskplan.platform.persistence.Sql;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.Eventually;
import dk.beskplan.platform.testing.TestApp;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drafting alone (with the platform) against the real database and broker: drive the use cases through
 * the API and look at what landed in the drafting schema and its outbox.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DraftingModuleTest {
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

    static Map<String, Object> document() {
        Map<String, Object> criterion = new HashMap<>(Map.of("code", "1a", "text", "Mindst 75 pct. er tilfredse", "baselines", List.of(),
                "target", Map.of("kind", "SHARE", "comparator", "AT_LEAST", "percent", 75)));
        Map<String, Object> goal = new HashMap<>(Map.of("kind", "NATIONAL", "nationalGoal", "2022-4", "label", "Beskæftigelsesmål 1",
                "title", "Alle ledige skal have en værdig sagsbehandling", "objectives", List.of("Flere skal være tilfredse"),
                "initiatives", List.of(Map.of("title", "Ledetråde", "blocks", List.of(Map.of("type", "paragraph", "text", "Ledere kender ledetrådene.")))),
                "successCriteria", List.of(criterion)));
        Map<String, Object> doc = new HashMap<>(Map.of("schemaVersion", 1, "municipality", "316", "fromYear", 2025, "toYear", 2025,
                "title", "Beskæftigelsesplan 2025", "committeeName", "Udvalget for Beskæftigelse, Uddannelse og Erhverv"));
        doc.put("goals", List.of(goal));
        return doc;
    }

    @Test
    void importingADocumentCreatesADraftAndAnnouncesIt() {
        Api.Response created = official.post("/api/plans/import", document());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = (String) created.json().get("id");
        assertThat(outbox(id)).containsExactly("drafting.plan-draft-created");
        Map<String, Object> exported = official.get("/api/plans/" + id + "/document").json();
        assertThat(exported).containsEntry("title", "Beskæftigelsesplan 2025");
        assertThat(exported.get("goals").toString()).contains("Ledetråde", "værdig sagsbehandling", "percent=75");
    }

    @Test
    void anInvalidDocumentListsEveryErrorByPathAndCreatesNothing() {
        Map<String, Object> bad = document();
        bad.put("toYear", 2020);
        bad.put("municipality", "250"); // another municipality's: named together with the rest, not after it
        bad.put("subtitle", "ukendt felt");
        bad.put("goals", List.of(Map.of("kind", "GLOBAL", "label", "", "title", " ", // a blank label is none; a blank title is an error
                "successCriteria", List.of(Map.of("text", "x", "target", Map.of("kind", "SHARE", "comparator", "AT_LEAST", "percent", 175)),
                        Map.of("text", "y", "target", Map.of("kind", "WISHFUL"))))));
        int before = plans();
        Api.Response refused = official.post("/api/plans/import", bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        List<String> fields = ((List<?>) refused.json().get("errors")).stream().map(e -> (String) ((Map<?, ?>) e).get("field")).toList();
        assertThat(fields).contains("municipality", "subtitle", "toYear", "goals[0].kind", "goals[0].title",
                "goals[0].successCriteria[0].target.percent", "goals[0].successCriteria[1].target.kind");
        assertThat(plans()).isEqualTo(before);
    }

    @Test
    void everySaveIsARevisionAndAStaleSaveIsRefused() {
        String id = (String) official.post("/api/plans/import", document()).json().get("id");
        Map<String, Object> changed = document();
        changed.put("title", "Beskæftigelsesplan 2025 (rettet)");

        assertThat(official.put("/api/plans/" + id + "/document", changed).status()).as("If-Match is required").isEqualTo(428);
        Api.Response first = official.put("/api/plans/" + id + "/document", changed, "If-Match", "\"0\"");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"1\"");
        // A second official still holding version 0 is refused, and nothing is overwritten.
        Map<String, Object> other = document();
        other.put("title", "Et andet bud");
        Api.Response stale = official.put("/api/plans/" + id + "/document", other, "If-Match", "\"0\"");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(official.get("/api/plans/" + id).json()).containsEntry("title", "Beskæftigelsesplan 2025 (rettet)")
                .containsEntry("currentRevision", 2);

        List<Map<String, Object>> revisions = official.get("/api/plans/" + id + "/revisions").jsonList();
        assertThat(revisions).extracting(r -> r.get("number")).containsExactly(2, 1);
        assertThat(revisions).allSatisfy(r -> assertThat(r.get("author")).isEqualTo("official"));
        assertThat(official.get("/api/plans/" + id + "/document?revision=1").json()).containsEntry("title", "Beskæftigelsesplan 2025");
    }

    @Test
    void aSubmittedPlanIsFrozen() {
        String id = (String) official.post("/api/plans/import", document()).json().get("id");
        assertThat(official.post("/api/plans/" + id + "/submit", Map.of()).status()).isEqualTo(200);
        assertThat(outbox(id)).startsWith("drafting.plan-draft-created", "drafting.plan-submitted");
        // Its PDF follows once rendered, in a message of its own.
        Eventually.await(Duration.ofSeconds(30), "the frozen PDF's message", () -> outbox(id),
                sent -> sent.equals(List.of("drafting.plan-draft-created", "drafting.plan-submitted", "drafting.plan-document-frozen")));
        assertThat(official.put("/api/plans/" + id + "/document", document(), "If-Match", "\"1\"").status()).isEqualTo(409);
        assertThat(official.get("/api/plans/" + id + "/revisions").jsonList().get(0)).containsEntry("frozenAs", "SUBMITTED");
    }

    /**
     * The submitted revision's PDF is rendered once, soon after the submission: stored with its SHA-256, sent to the
     * archive (drafting.plan-document-frozen), and served from then on, byte for byte. Asked for at once, while the
     * worker may be rendering it, it is still rendered once: the bytes served are the bytes stored and sent, in one
     * message.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theSubmittedRevisionsPdfIsRenderedOnceStoredAndSent() throws Exception {
        String id = (String) official.post("/api/plans/import", document()).json().get("id");
        assertThat(official.post("/api/plans/" + id + "/submit", Map.of()).status()).isEqualTo(200);
        byte[] askedAtOnce = official.getBytes("/api/plans/" + id + "/document.pdf?revision=1");
        Map<String, Object> stored = tx().executeRead(s -> app.bean(Sql.class).queryOne("select kind, revision, sha256, pdf,"
                        + " content_hash from drafting.frozen_document where plan_id = ?::uuid", rs -> Map.<String, Object>of("kind",
                        rs.getString(1), "revision", rs.getInt(2), "sha256", rs.getString(3), "pdf", rs.getBytes(4), "contentHash",
                        rs.getString(5)), id).orElseThrow());
        byte[] pdf = (byte[]) stored.get("pdf");
        assertThat(stored).containsEntry("kind", "SUBMITTED").containsEntry("revision", 1)
                .containsEntry("sha256", sha256(pdf));
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        String envelope = tx().executeRead(s -> app.bean(Sql.class).queryOne("select envelope from drafting.outbox"
                + " where ordering_key = ? and type = 'drafting.plan-document-frozen'", rs -> rs.getString(1), id).orElseThrow());
        Map<String, Object> payload = (Map<String, Object>) app.bean(io.micronaut.json.JsonMapper.class)
                .readValue(envelope, Map.class).get("payload");
        assertThat(payload).containsEntry("planId", id).containsEntry("revisionNumber", 1).containsEntry("kind", "SUBMITTED")
                .containsEntry("mediaType", "application/pdf").containsEntry("sha256", sha256(pdf))
                .containsEntry("contentHash", stored.get("contentHash"));
        assertThat(java.util.Base64.getDecoder().decode((String) payload.get("pdf"))).isEqualTo(pdf);

        // Served as stored, again and again, not rendered anew.
        assertThat(askedAtOnce).isEqualTo(pdf);
        assertThat(outbox(id)).filteredOn("drafting.plan-document-frozen"::equals).hasSize(1);
        assertThat(official.getBytes("/api/plans/" + id + "/document.pdf?revision=1")).isEqualTo(pdf);
        assertThat(official.getBytes("/api/plans/" + id + "/document.pdf")).isEqualTo(pdf);
    }

    private static String sha256(byte[] bytes) throws java.security.NoSuchAlgorithmException {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void anEmptyPlanCannotBeSubmitted() {
        Api.Response created = official.post("/api/plans", Map.of("municipality", "316", "fromYear", 2026, "toYear", 2026,
                "title", "Tom plan", "committeeName", "Udvalget"));
        String id = (String) created.json().get("id");
        Api.Response refused = official.post("/api/plans/" + id + "/submit", Map.of());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").toString()).contains("goals");
        assertThat(official.get("/api/plans/" + id).json()).containsEntry("state", "DRAFT");
    }

    private List<String> outbox(String planId) {
        return tx().executeRead(s -> app.bean(Sql.class).query("select type from drafting.outbox where ordering_key = ? order by id",
                rs -> rs.getString(1), planId));
    }

    private int plans() {
        return tx().executeRead(s -> app.bean(Sql.class).queryOne("select count(*) from drafting.plan", rs -> rs.getInt(1)).orElseThrow());
    }

    @SuppressWarnings("unchecked")
    private TransactionOperations<Connection> tx() {
        return app.bean(TransactionOperations.class);
    }
}
