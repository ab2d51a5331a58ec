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
 * The follow-up part of the demo (README): Holbæk 2025 in follow-up with the mid-year round reported and its status
 * report with the committee, the annual round partly reported and the managers reminded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoFollowUpTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private TestApp app;

    @BeforeAll
    void start() {
        app = TestApp.start(Map.of("beskplan.followup.scheduler-enabled", false), "demo");
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void holbaek2025IsInFollowUpWithAReportAtTheCommitteeAndAPartlyReportedRound() {
        Api official = app.api().login("holbaek.embedsmand", DemoUsers.PASSWORD);
        String planId = (String) Eventually.await(WAIT, "Holbæk 2025 in follow-up", () -> official.get("/api/followup/plans").jsonList(),
                        list -> list.stream().anyMatch(p -> "Beskæftigelsesplan 2025".equals(p.get("title"))))
                .stream().filter(p -> "Beskæftigelsesplan 2025".equals(p.get("title"))).findFirst().orElseThrow().get("planId");
        List<Map<String, Object>> rounds = Eventually.await(WAIT, "the mid-year report sent and the annual round started",
                () -> official.get("/api/followup/plans/" + planId + "/rounds").jsonList(),
                r -> r.size() == 2 && "SUBMITTED".equals(r.get(0).get("state")) && ((Integer) r.get(1).get("reported")) == 6);
        assertThat(rounds).extracting(r -> r.get("label")).containsExactly("Halvårsstatus 2025", "Årlig status 2025");
        assertThat(rounds.get(1)).containsEntry("state", "OPEN").containsEntry("tasks", 14);

        Api secretary = app.api().login("holbaek.sekretaer", DemoUsers.PASSWORD);
        String inbox = Eventually.await(WAIT, "the report in the secretary's in-box", () -> secretary.get("/api/approval/inbox").body(),
                b -> b.contains("Halvårsstatus 2025"));
        assertThat(inbox).contains("Beskæftigelsesplan 2025");
        String report = official.getAny("/api/followup/plans/" + planId + "/rounds/" + rounds.get(0).get("id") + "/report").body();
        assertThat(report).contains("light-green").contains("light-red").contains("<svg");
        Api manager2 = app.api().login("holbaek.leder2", DemoUsers.PASSWORD);
        assertThat(manager2.get("/api/followup/tasks").jsonList()).as("goals 4–6, annual round").hasSize(6);
    }

    /** Holbæk 2023, approved in December 2022: its mid-year round closed as not followed up, its annual round escalated. */
    @Test
    void holbaek2023IsOverdueEscalatedAndAtTheTopOfTheManagersTasks() {
        Api official = app.api().login("holbaek.embedsmand", DemoUsers.PASSWORD);
        String planId = (String) Eventually.await(WAIT, "Holbæk 2023 in follow-up", () -> official.get("/api/followup/plans").jsonList(),
                        list -> list.stream().anyMatch(p -> "Beskæftigelsesplan 2023".equals(p.get("title"))))
                .stream().filter(p -> "Beskæftigelsesplan 2023".equals(p.get("title"))).findFirst().orElseThrow().get("planId");
        List<Map<String, Object>> rounds = Eventually.await(WAIT, "the mid-year round closed and the annual round escalated",
                () -> official.get("/api/followup/plans/" + planId + "/rounds").jsonList(),
                r -> r.size() == 2 && "NOT_FOLLOWED_UP".equals(r.get(0).get("state")) && "SUBMITTED".equals(r.get(1).get("state")));
        assertThat(rounds.get(0)).containsEntry("closedBy", "holbaek.embedsmand").containsEntry("closedReason",
                "Halvåret 2023 blev fulgt op uden for Beskplan, før planen kom ind i systemet.");
        assertThat(official.get("/api/followup/plans").jsonList()).filteredOn(p -> planId.equals(p.get("planId"))).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("waiting", true).containsEntry("overdueRounds", 1));
        Api manager = app.api().login("holbaek.leder", DemoUsers.PASSWORD);
        List<Map<String, Object>> tasks = manager.get("/api/followup/tasks").jsonList();
        assertThat(tasks.get(0)).containsEntry("planTitle", "Beskæftigelsesplan 2023").containsEntry("roundLabel", "Årlig status 2023")
                .containsEntry("roundState", "SUBMITTED");
        String page = manager.getPage("/followup/opgaver").body();
        assertThat(page).contains("Overskredet").contains("Beskæftigelsesplan 2023 – Årlig status 2023").contains("Tidligere runder");
    }
}
