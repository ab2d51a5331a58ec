package dk.beskplan.app;

import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.Eventually;
import dk.beskplan.platform.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may report (issue 15, finding 8; docs/security.md, "Roles and actions"): the goal's manager and the municipality's
 * officials give status, another manager is refused (403: problem+json, a Danish refusal on the page); a manager takes
 * a goal over only when an official or its manager gives it; readers open a status report only once the committee has
 * noted it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhoMayReportTest {
    private static final String NOT_YOURS = "Du kan kun afgive status på mål, du er ansvarlig for.";
    private static final String NOT_YOURS_TO_GIVE = "Kun en embedsmand eller målets ansvarlige leder";
    private TestApp app;
    private Api official;
    private Api owner;
    private Api otherManager;

    @BeforeAll
    void start() {
        app = TestApp.start(Map.of("beskplan.followup.scheduler-enabled", false));
        Fixtures.seedUsers(app);
        // a.manager comes first by name: the municipality's default manager, owner of every goal when a plan opens.
        app.bean(UserAccounts.class).save("a.manager2", "Mette Madsen", "a.manager2@test.beskplan.dk", Fixtures.A, Set.of(Roles.MANAGER),
                Fixtures.PASSWORD);
        official = Fixtures.as(app, "a.official");
        owner = Fixtures.as(app, "a.manager");
        otherManager = Fixtures.as(app, "a.manager2");
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void theGoalsManagerAndOfficialsReportAnotherManagerIsRefused() {
        UUID planId = FollowUps.approve(app, Fixtures.A, FollowUps.document(Fixtures.A), official);
        Object share = FollowUps.task(official, planId, "1a").get("id");
        Object count = FollowUps.task(official, planId, "2a").get("id");

        Api.Response refused = FollowUps.report(otherManager, share, Map.of("value", 76, "measuredOn", FollowUps.y("2026-01-15")));
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body()).contains(NOT_YOURS).contains("A Manager");
        String version = FollowUps.task(official, planId, "1a").get("version").toString();
        Api.Response page = otherManager.postForm("/followup/opgaver/" + share, Map.of("_csrf", otherManager.csrfToken(),
                "value", "76", "measuredOn", FollowUps.y("2026-01-15"), "version", version));
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("<html").contains(NOT_YOURS);
        assertThat(FollowUps.task(official, planId, "1a")).as("nothing saved").containsEntry("state", "OPEN").containsEntry("version", 0);

        assertThat(FollowUps.report(owner, share, Map.of("value", 76, "measuredOn", FollowUps.y("2026-01-15"))).status())
                .as("the goal's manager").isEqualTo(200);
        assertThat(FollowUps.report(official, count, Map.of("value", 512, "measuredOn", FollowUps.y("2026-01-15"))).status())
                .as("an official of the municipality").isEqualTo(200);
        // Another municipality's official does not even see the task; a reader and a secretary have no say.
        assertThat(Fixtures.as(app, "b.official").put("/api/followup/tasks/" + count + "/report", Map.of("value", 1), "If-Match", "\"1\"")
                .status()).isEqualTo(404);
        assertThat(Fixtures.as(app, "a.secretary").put("/api/followup/tasks/" + count + "/report", Map.of("value", 1), "If-Match", "\"1\"")
                .status()).isEqualTo(403);
        assertThat(Fixtures.as(app, "a.reader").put("/api/followup/tasks/" + count + "/report", Map.of("value", 1), "If-Match", "\"1\"")
                .status()).isEqualTo(403);
    }

    @Test
    void aManagerTakesAGoalOverOnlyWhenAnOfficialOrItsManagerGivesIt() {
        UUID planId = FollowUps.approve(app, Fixtures.A, FollowUps.document(Fixtures.A), official);
        String goal1 = "/api/followup/plans/" + planId + "/goals/1/manager";

        Api.Response taken = otherManager.put(goal1, Map.of("manager", "a.manager2"));
        assertThat(taken.status()).as(taken.body()).isEqualTo(403);
        assertThat(taken.header("Content-Type")).startsWith("application/problem+json");
        assertThat(taken.body()).contains(NOT_YOURS_TO_GIVE).contains("A Manager");
        Api.Response page = otherManager.postForm("/followup/planer/" + planId + "/maal/1/ansvarlig",
                Map.of("_csrf", otherManager.csrfToken(), "manager", "a.manager2"));
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("<html").contains(NOT_YOURS_TO_GIVE);
        assertThat(goalManager(planId, 1)).isEqualTo("a.manager");

        // The owner gives it: now the other manager answers for it and the owner no longer does.
        assertThat(owner.put(goal1, Map.of("manager", "a.manager2")).status()).isEqualTo(200);
        assertThat(goalManager(planId, 1)).isEqualTo("a.manager2");
        assertThat(FollowUps.task(official, planId, "1a")).containsEntry("owner", "a.manager2");
        assertThat(owner.put(goal1, Map.of("manager", "a.manager")).status()).as("taking it back").isEqualTo(403);
        assertThat(FollowUps.report(owner, FollowUps.task(official, planId, "1a").get("id"),
                Map.of("value", 76, "measuredOn", FollowUps.y("2026-01-15"))).status()).isEqualTo(403);
        // An official gives any goal.
        assertThat(official.put(goal1, Map.of("manager", "a.manager")).status()).isEqualTo(200);
        assertThat(goalManager(planId, 1)).isEqualTo("a.manager");
        assertThat(Fixtures.as(app, "a.secretary").put(goal1, Map.of("manager", "a.manager2")).status()).isEqualTo(403);
    }

    @Test
    @SuppressWarnings("unchecked")
    void readersOpenAStatusReportOnlyOnceTheCommitteeHasNotedIt() {
        UUID planId = FollowUps.approve(app, Fixtures.A, FollowUps.document(Fixtures.A), official);
        String roundId = (String) official.get("/api/followup/plans/" + planId + "/rounds").jsonList().get(0).get("id");
        Committee.check(FollowUps.report(owner, FollowUps.task(owner, planId, "1a").get("id"), Map.of("value", 72,
                "measuredOn", FollowUps.y("2026-01-15"), "comment", "Tæt på, trods kaffemaskinerne")), 200);
        Api.Response sent = official.post("/api/followup/plans/" + planId + "/rounds/" + roundId + "/report", Map.of());
        Committee.check(sent, 201);
        String reportId = (String) sent.json().get("reportId");
        Map<String, Object> submitted = Eventually.await(FollowUps.WAIT, "the report in the archive",
                () -> official.get("/api/archive/plans/" + planId + "/timeline").jsonList(),
                t -> t.stream().anyMatch(e -> "followup.status-report-submitted".equals(e.get("type"))))
                .stream().filter(e -> "followup.status-report-submitted".equals(e.get("type"))).findFirst().orElseThrow();
        Object documentId = ((List<Map<String, Object>>) submitted.get("documents")).get(0).get("id");

        Api reader = Fixtures.as(app, "a.reader");
        assertThat(reader.getAny("/api/archive/documents/" + documentId).status()).as("sent, not yet noted").isEqualTo(404);
        assertThat(reader.getPage("/arkiv/dokumenter/" + documentId).status()).isEqualTo(404);
        assertThat(reader.get("/api/archive/search?q=kaffemaskinerne").jsonList()).isEmpty();
        assertThat(reader.getAny("/api/followup/plans/" + planId + "/rounds/" + roundId + "/report").status()).isEqualTo(403);
        assertThat(official.getAny("/api/archive/documents/" + documentId).status()).as("the administration reads it").isEqualTo(200);
        assertThat(official.get("/api/archive/search?q=kaffemaskinerne").jsonList()).isNotEmpty();

        Committee committee = new Committee(Fixtures.as(app, "a.secretary"));
        committee.notes(committee.meetingToday(), reportId);
        Eventually.await(FollowUps.WAIT, "the noting in the archive", () -> reader.getAny("/api/archive/documents/" + documentId).status(),
                s -> s == 200);
        assertThat(reader.getAny("/api/archive/documents/" + documentId).body()).contains("kaffemaskinerne");
        assertThat(reader.getPage("/arkiv/dokumenter/" + documentId).status()).isEqualTo(200);
        assertThat(reader.get("/api/archive/search?q=kaffemaskinerne").jsonList()).extracting(h -> h.get("kind")).containsExactly("STATUS_REPORT");
    }

    @SuppressWarnings("unchecked")
    private String goalManager(UUID planId, int number) {
        return (String) official.get("/api/followup/plans/" + planId + "/goals").jsonList().stream()
                .filter(g -> ((Number) g.get("number")).intValue() == number).findFirst().orElseThrow().get("manager");
    }
}
