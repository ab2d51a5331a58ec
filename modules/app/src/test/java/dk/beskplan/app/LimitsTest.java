package dk.beskplan.app;

import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits of issue 15, finding 2 (docs/security.md, "Limits"): a plan above them is refused by name before it
 * is stored, a body above the request size is refused before it is read, and a frozen document's PDF is rendered once
 * and then served from the database, so nobody can make the server render it again and again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LimitsTest {
    private TestApp app;
    private Api official;

    @BeforeAll
    void start() {
        app = TestApp.start();
        Fixtures.seedUsers(app);
        official = Fixtures.as(app, "a.official");
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withCriteria(int goals, int criteriaPerGoal) {
        Map<String, Object> document = new HashMap<>(Fixtures.document(Fixtures.A));
        Map<String, Object> goal = ((List<Map<String, Object>>) document.get("goals")).get(0);
        Map<String, Object> criterion = ((List<Map<String, Object>>) goal.get("successCriteria")).get(0);
        List<Map<String, Object>> many = new ArrayList<>();
        for (int g = 0; g < goals; g++) {
            Map<String, Object> copy = new HashMap<>(goal);
            copy.put("label", "Lokalt mål " + (g + 1));
            copy.put("successCriteria", java.util.Collections.nCopies(criteriaPerGoal, criterion));
            many.add(copy);
        }
        document.put("goals", many);
        return document;
    }

    private Connection connect() throws java.sql.SQLException {
        return DriverManager.getConnection(app.context().getRequiredProperty("datasources.default.url", String.class), "postgres", "");
    }

    private long plans() throws Exception {
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery("select count(*) from drafting.plan")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aPlanAboveTheLimitsIsRefusedByNameAndNothingIsStored() throws Exception {
        long before = plans();

        // 201 success criteria (the reference plans have at most 20): refused, naming the field.
        Api.Response criteria = official.post("/api/plans/import", withCriteria(3, 67));
        assertThat(criteria.status()).as(criteria.body()).isEqualTo(400);
        assertThat(criteria.json().get("errors").toString()).contains("field=successCriteria").contains("højst 200 succeskriterier");

        // 41 goals (the reference plans have at most 7).
        Api.Response goals = official.post("/api/plans/import", withCriteria(41, 1));
        assertThat(goals.status()).isEqualTo(400);
        assertThat(goals.json().get("errors").toString()).contains("field=goals").contains("højst 40 mål");

        // At the limits it is accepted: 40 goals with 5 criteria each.
        assertThat(official.post("/api/plans/import", withCriteria(40, 5)).status()).isEqualTo(201);

        // A body above the request size (2 MB) is refused before it is read, by name, in Danish.
        String huge = "{\"title\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}";
        Api.Response tooLarge = official.postRaw("/api/plans/import", huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("errors").toString()).contains("field=body").contains("for stor");

        assertThat(plans()).as("only the plan at the limits was stored").isEqualTo(before + 1);
    }

    @Test
    void aFrozenRevisionsPdfIsRenderedOnceAndServedFromTheDatabase() throws Exception {
        String planId = Fixtures.createPlan(official, Fixtures.A);
        Committee.check(official.post("/api/plans/" + planId + "/submit", Map.of(), "If-Match", "\"0\""), 200);

        byte[] first = official.getBytes("/api/plans/" + planId + "/document.pdf?revision=1");
        byte[] second = official.getBytes("/api/plans/" + planId + "/document.pdf?revision=1");
        assertThat(new String(first, 0, 5)).isEqualTo("%PDF-");
        assertThat(second).as("the stored bytes, not a second rendering").isEqualTo(first);
        // Rendered once for the frozen revision (docs/adr/0023), by the worker or at this first request, whichever came
        // first: kept as the frozen document, not in the store for revisions frozen before it existed.
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery("select (select count(*) from drafting.frozen_document"
                + " where plan_id = '" + UUID.fromString(planId) + "' and revision = 1 and kind = 'SUBMITTED' and pdf is not null),"
                + " (select count(*) from drafting.frozen_pdf where plan_id = '" + UUID.fromString(planId) + "')")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
            assertThat(rs.getLong(2)).isZero();
        }
    }

    @Test
    void aSentStatusReportsPdfIsRenderedOnceAndKeptWithIt() throws Exception {
        Api manager = Fixtures.as(app, "a.manager");
        UUID planId = FollowUps.approve(app, Fixtures.A, FollowUps.document(Fixtures.A), official);
        String roundId = (String) official.get("/api/followup/plans/" + planId + "/rounds").jsonList().get(0).get("id");
        String report = "/api/followup/plans/" + planId + "/rounds/" + roundId + "/report";
        Committee.check(official.post(report, Map.of()), 201);

        byte[] first = manager.getBytes(report + ".pdf");
        byte[] second = official.getBytes(report + ".pdf");
        assertThat(new String(first, 0, 5)).isEqualTo("%PDF-");
        assertThat(second).isEqualTo(first);
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery("select pdf is not null from followup.status_report"
                + " where round_id = '" + roundId + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).isTrue();
        }
    }
}
