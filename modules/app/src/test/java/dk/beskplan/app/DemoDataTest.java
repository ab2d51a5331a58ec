package dk.beskplan.app;

import dk.beskplan.platform.demo.DemoUsers;
import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.Eventually;
import dk.beskplan.platform.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo a newcomer starts (README): the reference plans imported, submitted and approved at their committee's
 * meeting, the way a municipality would have done it, and a planned meeting ahead for Holbæk.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private TestApp app;

    @BeforeAll
    void start() {
        app = TestApp.start(Map.of(), "demo");
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void holbaekHasItsPlansApprovedAtAHeldMeetingAndAPlannedMeetingAhead() {
        Api official = app.api().login("holbaek.embedsmand", DemoUsers.PASSWORD);
        List<Map<String, Object>> plans = Eventually.await(WAIT, "Holbæk's two demo plans approved",
                () -> official.get("/api/plans").jsonList(),
                list -> list.size() == 2 && list.stream().allMatch(p -> "APPROVED".equals(p.get("state"))));
        assertThat(plans).extracting(p -> p.get("title")).contains("Beskæftigelsesplan 2025");

        Api secretary = app.api().login("holbaek.sekretaer", DemoUsers.PASSWORD);
        List<Map<String, Object>> meetings = secretary.get("/api/approval/meetings").jsonList();
        assertThat(meetings).filteredOn(m -> "2024-12-04".equals(m.get("date")))
                .singleElement().satisfies(m -> assertThat(m).containsEntry("status", "CLOSED").containsEntry("items", 1));
        assertThat(meetings).filteredOn(m -> "PLANNED".equals(m.get("status"))).hasSize(1);
        String held = (String) meetings.stream().filter(m -> "2024-12-04".equals(m.get("date"))).findFirst().orElseThrow().get("id");
        assertThat(secretary.get("/api/approval/meetings/" + held).body())
                .contains("Beskæftigelsesplan 2025").contains("\"outcome\":\"APPROVED\"");
        assertThat(app.api().getPage("/offentlig/316").body()).contains("Beskæftigelsesplan 2025");
    }

    @Test
    void theArchiveHoldsTheWholeHistoryOfHolbaeksPlansAndItsChainIsIntact() {
        Api official = app.api().login("holbaek.embedsmand", DemoUsers.PASSWORD);
        List<Map<String, Object>> plans = Eventually.await(WAIT, "Holbæk's two plans in force in the archive",
                () -> official.get("/api/archive/plans").jsonList(),
                list -> list.size() == 2 && list.stream().allMatch(p -> Boolean.TRUE.equals(p.get("published"))));
        for (Map<String, Object> plan : plans) {
            List<Map<String, Object>> timeline = Eventually.await(WAIT, "the protocol of " + plan.get("title"),
                    () -> official.get("/api/archive/plans/" + plan.get("planId") + "/timeline").jsonList(),
                    t -> t.stream().anyMatch(e -> "approval.meeting-protocol-published".equals(e.get("type"))));
            assertThat(timeline).extracting(e -> e.get("type")).contains("drafting.plan-draft-created", "drafting.plan-submitted",
                    "approval.plan-placed-on-agenda", "approval.plan-decision-recorded", "drafting.plan-approved");
            Map<String, Object> verified = official.get("/api/archive/plans/" + plan.get("planId") + "/verification").json();
            assertThat(verified).containsEntry("intact", true);
        }
        assertThat(official.get("/api/archive/search?q=fleksjob").jsonList()).extracting(h -> h.get("planId"))
                .containsAll(plans.stream().map(p -> p.get("planId")).toList());
    }

    /**
     * Business time: Holbæk 2023 was imported, submitted and approved in 2022 (the messages carry those dates beside the
     * time they were recorded), so its timeline goes by those dates and the plan as it stood in 2022 and 2023 is shown.
     */
    @Test
    void theArchiveTellsHolbaek2023sHistoryOnTheDaysItHappened() {
        Api official = app.api().login("holbaek.embedsmand", DemoUsers.PASSWORD);
        String planId = (String) Eventually.await(WAIT, "Holbæk 2023 in the archive", () -> official.get("/api/archive/plans").jsonList(),
                        list -> list.stream().anyMatch(p -> "Beskæftigelsesplan 2023".equals(p.get("title")) && Boolean.TRUE.equals(p.get("published"))))
                .stream().filter(p -> "Beskæftigelsesplan 2023".equals(p.get("title"))).findFirst().orElseThrow().get("planId");
        List<Map<String, Object>> timeline = Eventually.await(WAIT, "the protocol", () -> official.get("/api/archive/plans/" + planId + "/timeline").jsonList(),
                t -> t.stream().anyMatch(e -> "drafting.plan-approved".equals(e.get("type"))));
        Map<String, Object> dates = new java.util.HashMap<>();
        timeline.forEach(e -> dates.putIfAbsent((String) e.get("type"), e.get("businessDate")));
        assertThat(dates).containsEntry("drafting.plan-draft-created", "2022-11-02").containsEntry("drafting.plan-submitted", "2022-11-09")
                .containsEntry("approval.plan-placed-on-agenda", "2022-11-23").containsEntry("approval.plan-decision-recorded", "2022-12-07")
                .containsEntry("drafting.plan-approved", "2022-12-07");
        assertThat(timeline.get(0)).containsEntry("type", "drafting.plan-draft-created");

        assertThat(official.get("/api/archive/plans/" + planId + "/as-of?date=2022-11-15").json()).containsEntry("state", "SUBMITTED");
        assertThat(official.get("/api/archive/plans/" + planId + "/as-of?date=2023-06-01").json()).containsEntry("state", "APPROVED")
                .containsEntry("approvedRevision", 1);
        assertThat(official.get("/api/archive/plans/" + planId + "/as-of?date=2022-10-01").json()).containsEntry("existed", false)
                .containsEntry("emptyBecause", "Planen fandtes ikke endnu den 1. oktober 2022: dens historik begynder den 2. november 2022"
                        + " (udkast oprettet).");
    }
}
