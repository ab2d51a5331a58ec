package dk.beskplan.app;

import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.TestApp;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Users of two municipalities, A (316) and B (250), created through the real account service. */
final class Fixtures {
    static final String PASSWORD = "test-adgangskode-123";
    static final String A = "316";
    static final String B = "250";

    private Fixtures() {
    }

    static void seedUsers(TestApp app) {
        UserAccounts users = app.bean(UserAccounts.class);
        users.ensureMunicipality(A, "Holbæk Kommune");
        users.ensureMunicipality(B, "Frederikssund Kommune");
        users.save("a.official", "A Official", "a.official@test.beskplan.dk", A, Set.of(Roles.OFFICIAL), PASSWORD);
        users.save("a.secretary", "A Secretary", "a.secretary@test.beskplan.dk", A, Set.of(Roles.SECRETARY), PASSWORD);
        users.save("a.manager", "A Manager", "a.manager@test.beskplan.dk", A, Set.of(Roles.MANAGER), PASSWORD);
        users.save("a.reader", "A Reader", "a.reader@test.beskplan.dk", A, Set.of(Roles.READER), PASSWORD);
        users.save("b.official", "B Official", "b.official@test.beskplan.dk", B, Set.of(Roles.OFFICIAL), PASSWORD);
        users.save("b.secretary", "B Secretary", "b.secretary@test.beskplan.dk", B, Set.of(Roles.SECRETARY), PASSWORD);
    }

    /**
     * The demo (README) with what the browser tests walk through ready: Holbæk's plans approved and the mid-year
     * status report waiting in the secretary's in-box.
     */
    static TestApp startDemo() {
        java.time.Duration wait = java.time.Duration.ofSeconds(90);
        TestApp app = TestApp.start(Map.of(), "demo");
        Api official = app.api().login("holbaek.embedsmand", Api.DEMO_PASSWORD);
        dk.beskplan.platform.testing.Eventually.await(wait, "Holbæk's demo plans approved", () -> official.get("/api/plans").jsonList(),
                list -> list.size() == 2 && list.stream().allMatch(p -> "APPROVED".equals(p.get("state"))));
        Api secretary = app.api().login("holbaek.sekretaer", Api.DEMO_PASSWORD);
        dk.beskplan.platform.testing.Eventually.await(wait, "the demo's status report in the in-box",
                () -> secretary.get("/api/approval/inbox").body(), body -> body.contains("reportId"));
        return app;
    }

    static Api as(TestApp app, String username) {
        return app.api().login(username, PASSWORD);
    }

    static Map<String, Object> newPlan(String municipality) {
        return Map.of("municipality", municipality, "fromYear", 2026, "toYear", 2026,
                "title", "Beskæftigelsesplan 2026", "committeeName", "Udvalget for Beskæftigelse, Uddannelse og Erhverv");
    }

    /** A small but complete plan document with one goal and one criterion. */
    static Map<String, Object> document(String municipality) {
        Map<String, Object> criterion = Map.of("text", "Mindst 75 pct. af borgerne er tilfredse", "baselines", List.of(),
                "target", Map.of("kind", "SHARE", "comparator", "AT_LEAST", "percent", 75));
        Map<String, Object> goal = Map.of("kind", "LOCAL", "label", "Lokalt mål 1", "title", "Flere i job",
                "objectives", List.of("Flere ledige skal i job"), "successCriteria", List.of(criterion));
        return Map.of("schemaVersion", 1, "municipality", municipality, "fromYear", 2026, "toYear", 2026,
                "title", "Beskæftigelsesplan 2026", "committeeName", "Udvalget for Beskæftigelse, Uddannelse og Erhverv",
                "goals", List.of(goal));
    }

    static String createPlan(Api official, String municipality) {
        Api.Response created = official.post("/api/plans/import", document(municipality));
        if (created.status() != 201) {
            throw new AssertionError("create failed: " + created.status() + " " + created.body());
        }
        return (String) created.json().get("id");
    }
}
