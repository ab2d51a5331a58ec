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
}
