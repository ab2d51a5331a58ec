package dk.beskplan.app;

import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.Eventually;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives the committee's side over the API the way a secretary does: a committee with members, a meeting, the plan
 * placed on its agenda, the decision recorded. Scenario tests read "submit, then the committee approves".
 */
final class Committee {
    static final List<String> MEMBERS = List.of("Anne Holm", "Bo Vestergaard", "Carina Lund");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Api secretary;

    Committee(Api secretary) {
        this.secretary = secretary;
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Copenhagen"));
    }

    /**
     * The municipality's committee (created on first use): three members, parties A, V and F. It is created as the
     * committee that decides plans: the secretary chooses that explicitly (a new committee never decides by default).
     */
    String committeeId() {
        List<Map<String, Object>> existing = secretary.get("/api/approval/committees").jsonList();
        if (!existing.isEmpty()) {
            return (String) existing.stream().filter(c -> "COMMITTEE".equals(c.get("kind"))).findFirst().orElseThrow().get("id");
        }
        Api.Response created = secretary.post("/api/approval/committees", Map.of("name", "Udvalget for Beskæftigelse",
                "members", List.of(Map.of("name", "Anne Holm", "party", "A", "role", "CHAIR"),
                        Map.of("name", "Bo Vestergaard", "party", "V"), Map.of("name", "Carina Lund", "party", "F")),
                "decidesPlans", true));
        check(created, 201);
        return (String) created.json().get("id");
    }

    /** A meeting of the committee today, without an hour (it begins with the day, so decisions can be recorded at once). */
    String meetingToday() {
        return meeting(committeeId(), today());
    }

    String meeting(String committeeId, LocalDate date) {
        Api.Response created = secretary.post("/api/approval/meetings", Map.of("committeeId", committeeId,
                "date", date.toString(), "place", "Rådhuset", "submissionDeadline", date.toString()));
        check(created, 201);
        return (String) created.json().get("id");
    }

    /** Waits for the plan in the in-box (it arrives as a message), then puts it on the meeting's agenda. */
    String place(String meetingId, String planId) {
        awaitInInbox(planId);
        Api.Response placed = secretary.post("/api/approval/meetings/" + meetingId + "/agenda",
                Map.of("kind", "PLAN", "planId", planId));
        check(placed, 201);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> agenda = (List<Map<String, Object>>) placed.json().get("agenda");
        return (String) agenda.stream().filter(i -> planId.equals(i.get("planId"))).reduce((a, b) -> b).orElseThrow().get("id");
    }

    void awaitInInbox(String planId) {
        Eventually.await(WAIT, "the plan in the secretary's in-box", this::inboxPlans,
                items -> items.stream().anyMatch(i -> planId.equals(i.get("planId"))));
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> inboxPlans() {
        return (List<Map<String, Object>>) secretary.get("/api/approval/inbox").json().get("plans");
    }

    /** Records a decision with all members present; {@code extra} adds or overrides fields. */
    Api.Response decide(String meetingId, String itemId, String outcome, String protocolText, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>();
        body.put("outcome", outcome);
        body.put("protocolText", protocolText);
        body.put("present", MEMBERS);
        body.putAll(extra);
        return secretary.post("/api/approval/meetings/" + meetingId + "/agenda/" + itemId + "/decision", body);
    }

    /** Submit-to-approved in one step: today's meeting, on the agenda, the committee follows the recommendation. */
    String approve(String planId) {
        String meeting = meetingToday();
        String item = place(meeting, planId);
        Api.Response decided = secretary.post("/api/approval/meetings/" + meeting + "/agenda/" + item + "/decision",
                Map.of("followedRecommendation", true, "present", MEMBERS));
        check(decided, 201);
        return meeting;
    }

    static void check(Api.Response response, int status) {
        if (response.status() != status) {
            throw new AssertionError("expected " + status + " but got " + response.status() + ": " + response.body());
        }
    }

    /** Puts a status report from the in-box on the meeting's agenda and the committee notes it (follows the recommendation). */
    void notes(String meetingId, String reportId) {
        Eventually.await(WAIT, "the report in the secretary's in-box", () -> secretary.get("/api/approval/inbox").body(),
                b -> b.contains(reportId));
        Api.Response placed = secretary.post("/api/approval/meetings/" + meetingId + "/agenda", Map.of("kind", "STATUS_REPORT", "reportId", reportId));
        check(placed, 201);
        @SuppressWarnings("unchecked")
        String itemId = (String) ((List<Map<String, Object>>) placed.json().get("agenda")).get(0).get("id");
        check(secretary.post("/api/approval/meetings/" + meetingId + "/agenda/" + itemId + "/decision",
                Map.of("followedRecommendation", true, "present", MEMBERS)), 201);
    }
}
