package dk.beskplan.app;

import dk.beskplan.contracts.followup.StatusReportSubmitted;
import dk.beskplan.followup.FollowUpModule;
import dk.beskplan.platform.messaging.MessageContext;
import dk.beskplan.platform.outbox.Outbox;
import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.Eventually;
import dk.beskplan.platform.testing.MessageProbe;
import dk.beskplan.platform.testing.TestApp;
import io.micronaut.transaction.TransactionOperations;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Meetings, agendas and decisions against the real database and broker: the edge cases a secretary meets. Each test
 * gets its own municipality's worth of plans; meetings are dated so that decisions can be recorded today.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommitteeMeetingsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private TestApp app;
    private Api official;
    private Api secretary;
    private Committee committee;

    @BeforeAll
    void start() {
        app = TestApp.start();
        Fixtures.seedUsers(app);
        official = Fixtures.as(app, "a.official");
        secretary = Fixtures.as(app, "a.secretary");
        committee = new Committee(secretary);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private String submittedPlan() {
        String planId = Fixtures.createPlan(official, Fixtures.A);
        Committee.check(official.post("/api/plans/" + planId + "/submit", Map.of(), "If-Match", "\"0\""), 200);
        return planId;
    }

    private Map<String, Object> meeting(String meetingId) {
        return secretary.get("/api/approval/meetings/" + meetingId).json();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> item(String meetingId, String itemId) {
        return ((List<Map<String, Object>>) meeting(meetingId).get("agenda")).stream()
                .filter(i -> itemId.equals(i.get("id"))).findFirst().orElseThrow();
    }

    @Test
    void aDecisionIsRefusedBeforeTheMeetingBegins() {
        java.time.ZoneId danish = java.time.ZoneId.of("Europe/Copenhagen");
        java.time.LocalDateTime now = java.time.LocalDateTime.now(danish);
        java.time.LocalTime start = now.toLocalTime().plusHours(1).withSecond(0).withNano(0);
        org.junit.jupiter.api.Assumptions.assumeTrue(start.isAfter(now.toLocalTime()), "an hour from now is still today");
        String planId = submittedPlan();
        Api.Response created = secretary.post("/api/approval/meetings", Map.of("committeeId", committee.committeeId(),
                "date", now.toLocalDate().toString(), "time", start.toString(), "place", "Rådhuset",
                "submissionDeadline", now.toLocalDate().toString()));
        Committee.check(created, 201);
        String meeting = (String) created.json().get("id");
        String item = committee.place(meeting, planId);
        String at = start.format(java.time.format.DateTimeFormatter.ofPattern("HH.mm"));

        Api.Response early = committee.decide(meeting, item, "APPROVED", "Godkendt.", Map.of());
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.body()).contains("\"field\":\"decidedAt\"").contains("Mødet begynder først kl. " + at);
        // On the page: the refusal is shown at the decision form, and nothing is recorded.
        Api.Response page = secretary.postForm("/approval/moeder/" + meeting + "/punkter/" + item + "/beslutning",
                Map.of("_csrf", secretary.csrfToken(), "followed", "true", "present.0", "Anne Holm"));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"decidedAt-error\"").contains("Mødet begynder først kl. " + at)
                .contains("href=\"#decidedAt-error\"");
        assertThat(item(meeting, item)).containsEntry("status", "OPEN");
    }

    @Test
    void aDecisionIsRecordedOnceAndAClosedMeetingTakesNoMore() {
        String planId = submittedPlan();
        String meeting = committee.meetingToday();
        String item = committee.place(meeting, planId);
        String free = (String) ((List<Map<String, Object>>) secretary.post("/api/approval/meetings/" + meeting + "/agenda",
                Map.of("kind", "FREE", "title", "Orientering om ledighed")).json().get("agenda")).get(1).get("id");

        Api.Response close = secretary.post("/api/approval/meetings/" + meeting + "/close", Map.of());
        assertThat(close.status()).isEqualTo(409);
        assertThat(close.body()).contains("Punkt 1 (Beskæftigelsesplan 2026) mangler en beslutning");

        assertThat(committee.decide(meeting, item, "APPROVED", "Godkendt.", Map.of()).status()).isEqualTo(201);
        Api.Response twice = committee.decide(meeting, item, "REJECTED", "Forkastet.", Map.of());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("Punkt 1 er allerede behandlet (godkendt)");
        assertThat(committee.decide(meeting, free, "NOTED", "Taget til efterretning.", Map.of()).status()).isEqualTo(201);

        Map<String, Object> closed = secretary.post("/api/approval/meetings/" + meeting + "/close", Map.of()).json();
        assertThat(closed).containsEntry("status", "CLOSED");
        Api.Response afterClose = committee.decide(meeting, free, "APPROVED", "Godkendt.", Map.of());
        assertThat(afterClose.status()).isEqualTo(409);
        assertThat(afterClose.body()).contains("er lukket; en fejl i protokollen rettes med en rettelse");
        Api.Response onClosed = secretary.post("/api/approval/meetings/" + meeting + "/agenda", Map.of("kind", "FREE", "title", "Sent"));
        assertThat(onClosed.status()).isEqualTo(409);
    }

    @Test
    void anAmendmentToAPartThatIsNotThereIsNamedAndChangesNothing() {
        try (MessageProbe probe = app.probe()) {
            String planId = submittedPlan();
            String meeting = committee.meetingToday();
            String item = committee.place(meeting, planId);
            Api.Response wrong = committee.decide(meeting, item, "APPROVED_WITH_AMENDMENTS", "Godkendt med ændringer.",
                    Map.of("amendments", List.of(Map.of("operation", "REPLACE", "part", "CRITERION", "goal", 1, "item", 2,
                            "text", "Mindst 80 pct."))));
            assertThat(wrong.status()).isEqualTo(400);
            assertThat(wrong.body()).contains("\"field\":\"amendments\"").contains("Ændring 1: mål 1 har ikke succeskriterium 2 (det har 1)");
            Api.Response noGoal = committee.decide(meeting, item, "APPROVED_WITH_AMENDMENTS", "Godkendt med ændringer.",
                    Map.of("amendments", List.of(Map.of("operation", "REMOVE", "part", "OBJECTIVE", "goal", 4, "item", 1))));
            assertThat(noGoal.body()).contains("den indsendte plan har ikke mål 4 (den har 1 mål)");
            Api.Response noAmendments = committee.decide(meeting, item, "APPROVED_WITH_AMENDMENTS", "Godkendt.", Map.of());
            assertThat(noAmendments.status()).isEqualTo(400);
            assertThat(noAmendments.body()).contains("kræver mindst én ændring");
            // Nothing was recorded: the item is open and no decision went out.
            assertThat(item(meeting, item)).containsEntry("status", "OPEN").doesNotContainKey("decision");
            assertThat(probe.all()).noneMatch(m -> m.type().equals("approval.plan-decision-recorded") && planId.equals(m.planId()));

            Api.Response right = committee.decide(meeting, item, "APPROVED_WITH_AMENDMENTS", "Godkendt med ændringer.",
                    Map.of("amendments", List.of(Map.of("operation", "REPLACE", "part", "CRITERION", "goal", 1, "item", 1,
                            "text", "Mindst 80 pct. af borgerne er tilfredse"))));
            assertThat(right.status()).as(right.body()).isEqualTo(201);
            var decision = probe.await("approval.plan-decision-recorded", planId, WAIT);
            assertThat(decision.payload()).containsEntry("decision", "APPROVED_WITH_AMENDMENTS");
            assertThat((List<Object>) decision.payload().get("amendments")).containsExactly(
                    "Lokalt mål 1 (Flere i job), succeskriterium 1 ændres til: »Mindst 80 pct. af borgerne er tilfredse«");
            Eventually.await(WAIT, "approved in drafting", () -> official.get("/api/plans/" + planId).json(),
                    p -> "APPROVED".equals(p.get("state")));
            assertThat(official.get("/api/plans/" + planId + "/document").body()).contains("Mindst 80 pct. af borgerne er tilfredse");
            // The structured target stayed as submitted: only the words changed.
            assertThat(official.get("/api/plans/" + planId + "/document").body()).contains("\"percent\":75");
        }
    }

    /**
     * A committee amended a criterion from "at the level of the national average" to "2 percentage points above it":
     * the protocol states the new target, and follow-up evaluates it, so +0.7 points is no longer "Nået".
     */
    @Test
    @SuppressWarnings("unchecked")
    void anAmendedTargetIsTheTargetFollowUpEvaluates() {
        Map<String, Object> atLevel = Map.of("code", "1a", "text", "Andelen i job skal være på niveau med landsgennemsnittet",
                "indicator", "Andel i job", "deadline", "2026-12-31", "baselines", List.of(),
                "target", Map.of("kind", "NATIONAL_AVERAGE", "relation", "AT_LEVEL", "percentagePoints", 0, "betterWhen", "HIGHER"));
        Map<String, Object> document = new java.util.HashMap<>(Fixtures.document(Fixtures.A));
        document.put("goals", List.of(Map.of("kind", "LOCAL", "label", "Lokalt mål 1", "title", "Flere i job",
                "successCriteria", List.of(atLevel))));
        Api.Response created = official.post("/api/plans/import", document);
        Committee.check(created, 201);
        String planId = (String) created.json().get("id");
        Committee.check(official.post("/api/plans/" + planId + "/submit", Map.of(), "If-Match", "\"0\""), 200);
        try (MessageProbe probe = app.probe()) {
            String meeting = committee.meetingToday();
            String item = committee.place(meeting, planId);
            Map<String, Object> above = Map.of("kind", "NATIONAL_AVERAGE", "relation", "ABOVE", "percentagePoints", 2, "betterWhen", "HIGHER");
            Api.Response badTarget = committee.decide(meeting, item, "APPROVED_WITH_AMENDMENTS", "Godkendt med ændringer.",
                    Map.of("amendments", List.of(Map.of("operation", "REPLACE", "part", "CRITERION", "goal", 1, "item", 1,
                            "measure", Map.of("target", Map.of("kind", "NATIONAL_AVERAGE", "relation", "SIDEWAYS"))))));
            assertThat(badTarget.status()).as(badTarget.body()).isEqualTo(400);
            assertThat(badTarget.body()).contains("relation");

            Committee.check(committee.decide(meeting, item, "APPROVED_WITH_AMENDMENTS", "Godkendt med ændringer.",
                    Map.of("amendments", List.of(Map.of("operation", "REPLACE", "part", "CRITERION", "goal", 1, "item", 1,
                            "text", "Andelen i job skal være 2 procentpoint over landsgennemsnittet", "measure", Map.of("target", above))))), 201);
            var decision = probe.await("approval.plan-decision-recorded", planId, WAIT);
            assertThat((List<Object>) decision.payload().get("amendments")).containsExactly("Lokalt mål 1 (Flere i job), succeskriterium 1a ændres til: "
                    + "»Andelen i job skal være 2 procentpoint over landsgennemsnittet«; måltal: mindst 2 procentpoint over landsgennemsnittet");
            assertThat(probe.await("followup.follow-up-opened", planId, WAIT)).isNotNull();
        }
        Api manager = Fixtures.as(app, "a.manager");
        Map<String, Object> task = FollowUps.task(manager, UUID.fromString(planId), "1a");
        assertThat(task).containsEntry("targetDescription", "Mindst 2 procentpoint over landsgennemsnittet");
        String evaluation = "/api/followup/tasks/" + task.get("id") + "/evaluation";
        assertThat(manager.post(evaluation, Map.of("value", 40.7, "comparisonValue", 40.0)).json())
                .as("0.7 points above is at the submitted level, not 2 points above").containsEntry("evaluation", "NOT_MET");
        assertThat(manager.post(evaluation, Map.of("value", 42.0, "comparisonValue", 40.0)).json()).containsEntry("evaluation", "MET");
    }

    @Test
    void aPostponedItemMovesToTheLaterMeetingAndThePlanWaits() {
        try (MessageProbe probe = app.probe()) {
            String planId = submittedPlan();
            String committeeId = committee.committeeId();
            String first = committee.meeting(committeeId, Committee.today().minusDays(1));
            String later = committee.meeting(committeeId, Committee.today());
            String item = committee.place(first, planId);

            Api.Response noTarget = committee.decide(first, item, "POSTPONED", "Udsat.", Map.of());
            assertThat(noTarget.status()).isEqualTo(400);
            assertThat(noTarget.body()).contains("\"field\":\"postponedTo\"");
            assertThat(committee.decide(first, item, "POSTPONED", "Udsat til næste møde.", Map.of("postponedTo", later)).status())
                    .isEqualTo(201);
            assertThat(item(first, item)).containsEntry("status", "POSTPONED");
            @SuppressWarnings("unchecked")
            Map<String, Object> moved = ((List<Map<String, Object>>) meeting(later).get("agenda")).get(0);
            assertThat(moved).containsEntry("planId", planId).containsEntry("status", "OPEN")
                    .containsEntry("postponedFrom", Committee.today().minusDays(1).toString());
            assertThat(probe.await("approval.plan-decision-recorded", planId, WAIT).payload()).containsEntry("decision", "POSTPONED");
            assertThat(official.get("/api/plans/" + planId).json()).containsEntry("state", "SUBMITTED");
            Eventually.await(WAIT, "the postponement on the plan page", () -> official.getPage("/plans/" + planId).body(),
                    page -> page.contains("udsatte behandlingen af planen på mødet"));

            assertThat(committee.decide(later, (String) moved.get("id"), "APPROVED", "Godkendt.", Map.of()).status()).isEqualTo(201);
            Eventually.await(WAIT, "approved in drafting", () -> official.get("/api/plans/" + planId).json(),
                    p -> "APPROVED".equals(p.get("state")));
        }
    }

    @Test
    void aPlanWithdrawnFromTheAgendaIsMarkedWithdrawnAndReturnsToItsItemWhenResubmitted() {
        try (MessageProbe probe = app.probe()) {
            String planId = submittedPlan();
            String meeting = committee.meetingToday();
            String item = committee.place(meeting, planId);

            Api.Response stale = official.post("/api/plans/" + planId + "/withdraw", Map.of("reason", "Forkert mål"),
                    "If-Match", "\"0\"");
            assertThat(stale.status()).isEqualTo(409);
            Api.Response withdrawn = official.post("/api/plans/" + planId + "/withdraw",
                    Map.of("reason", "Målet for sygedagpenge skal rettes"));
            assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
            assertThat(withdrawn.json()).containsEntry("state", "DRAFT");
            assertThat(probe.await("drafting.plan-withdrawn", planId, WAIT).payload())
                    .containsEntry("revisionNumber", 1).containsEntry("reason", "Målet for sygedagpenge skal rettes");
            Eventually.await(WAIT, "the item marked withdrawn", () -> item(meeting, item), i -> "WITHDRAWN".equals(i.get("status")));
            Api.Response decideWithdrawn = committee.decide(meeting, item, "APPROVED", "Godkendt.", Map.of());
            assertThat(decideWithdrawn.status()).isEqualTo(409);
            assertThat(decideWithdrawn.body()).contains("er trukket tilbage af forvaltningen");
            Api.Response again = official.post("/api/plans/" + planId + "/withdraw", Map.of());
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.body()).contains("Kun en indsendt plan kan trækkes tilbage");

            // Submitted again: a revision of its own, and back on the same item of the still planned meeting.
            Api.Response resubmitted = official.post("/api/plans/" + planId + "/submit", Map.of());
            assertThat(resubmitted.json()).containsEntry("state", "SUBMITTED").containsEntry("submittedRevision", 2);
            Eventually.await(WAIT, "the item open again with revision 2", () -> item(meeting, item),
                    i -> "OPEN".equals(i.get("status")) && Integer.valueOf(2).equals(i.get("revision")));
            assertThat(committee.inboxPlans()).noneMatch(i -> planId.equals(i.get("planId")));
            assertThat(committee.decide(meeting, item, "APPROVED", "Godkendt.", Map.of()).status()).isEqualTo(201);
            Map<String, Object> plan = Eventually.await(WAIT, "approved in drafting", () -> official.get("/api/plans/" + planId).json(),
                    p -> "APPROVED".equals(p.get("state")));
            assertThat(plan).containsEntry("approvedRevision", 2);
            assertThat(probe.await("drafting.plan-approved", planId, WAIT).payload()).containsEntry("approvedRevision", 2)
                    .containsEntry("amended", false);
        }
    }

    @Test
    void withACouncilStageTheCommitteeRecommendsAndTheCouncilDecides() {
        Api bOfficial = Fixtures.as(app, "b.official");
        Api bSecretary = Fixtures.as(app, "b.secretary");
        Committee b = new Committee(bSecretary);
        String committeeId = b.committeeId();
        Api.Response council = bSecretary.post("/api/approval/committees", Map.of("name", "Byrådet", "kind", "COUNCIL",
                "members", Committee.MEMBERS.stream().map(n -> Map.of("name", n, "party", "A")).toList()));
        Committee.check(council, 201);
        String councilId = (String) council.json().get("id");
        Committee.check(bSecretary.put("/api/approval/route", Map.of("stages", List.of(
                Map.of("kind", "DECISION", "committeeId", committeeId), Map.of("kind", "DECISION", "committeeId", councilId))),
                "If-Match", "\"0\""), 200);

        try (MessageProbe probe = app.probe()) {
            String rejected = Fixtures.createPlan(bOfficial, Fixtures.B);
            String approved = Fixtures.createPlan(bOfficial, Fixtures.B);
            for (String planId : List.of(rejected, approved)) {
                Committee.check(bOfficial.post("/api/plans/" + planId + "/submit", Map.of()), 200);
            }
            // The committee recommends both; neither is in force yet.
            String committeeMeeting = b.meeting(committeeId, Committee.today());
            List<String> items = List.of(b.place(committeeMeeting, rejected), b.place(committeeMeeting, approved));
            for (String item : items) {
                Committee.check(b.decide(committeeMeeting, item, "APPROVED", "Udvalget indstiller planen til godkendelse.", Map.of()), 201);
            }
            for (String planId : List.of(rejected, approved)) {
                assertThat(probe.await("approval.plan-decision-recorded", planId, WAIT).payload())
                        .containsEntry("decision", "APPROVED").containsEntry("finalDecision", false);
            }
            // The council rejects the one and approves the other.
            String councilMeeting = b.meeting(councilId, Committee.today());
            String rejectedItem = b.place(councilMeeting, rejected);
            String approvedItem = b.place(councilMeeting, approved);
            assertThat(bOfficial.get("/api/plans/" + rejected).json()).containsEntry("state", "SUBMITTED");
            // The officials see where it stands.
            Eventually.await(WAIT, "the recommendation on the plan page", () -> bOfficial.getPage("/plans/" + rejected).body(),
                    page -> page.contains("Udvalget for Beskæftigelse indstillede planen til godkendelse på mødet"));
            Committee.check(b.decide(councilMeeting, rejectedItem, "REJECTED", "Byrådet forkastede planen.", Map.of()), 201);
            Committee.check(b.decide(councilMeeting, approvedItem, "APPROVED", "Byrådet godkendte planen.", Map.of()), 201);

            Map<String, Object> refused = Eventually.await(WAIT, "rejected in drafting", () -> bOfficial.get("/api/plans/" + rejected).json(),
                    p -> "REJECTED".equals(p.get("state")));
            assertThat(refused).containsEntry("decisionRemarks", "Byrådet forkastede planen.");
            var inForce = probe.await("drafting.plan-approved", approved, WAIT);
            assertThat(inForce.payload()).containsEntry("decidingBody", "Byrådet").containsEntry("approvedRevision", 1);
            assertThat(probe.await("followup.follow-up-opened", approved, WAIT)).isNotNull();
            // What the committee only recommended and the council rejected never came into force.
            assertThat(probe.all()).noneMatch(m -> rejected.equals(m.planId())
                    && (m.type().equals("drafting.plan-approved") || m.type().equals("followup.follow-up-opened")));
            assertThat(bOfficial.get("/api/plans/" + approved).json()).containsEntry("state", "APPROVED");
        }
    }

    @Test
    void quorumVotesAndLateItemsAreChecked() {
        String planId = submittedPlan();
        String committeeId = committee.committeeId();
        String meeting = committee.meeting(committeeId, Committee.today());
        // A second item placed after the deadline (yesterday) is marked late.
        Api.Response created = secretary.post("/api/approval/meetings", Map.of("committeeId", committeeId,
                "date", Committee.today().toString(), "submissionDeadline", Committee.today().minusDays(1).toString()));
        String lateMeeting = (String) created.json().get("id");
        String item = committee.place(lateMeeting, planId);
        assertThat(item(lateMeeting, item)).containsEntry("late", true);
        assertThat((List<?>) meeting(meeting).getOrDefault("agenda", List.of())).isEmpty();

        Api.Response oneOfThree = committee.decide(lateMeeting, item, "APPROVED", "Godkendt.", Map.of("present", List.of("Anne Holm")));
        assertThat(oneOfThree.status()).isEqualTo(400);
        assertThat(oneOfThree.body()).contains("\"field\":\"present\"").contains("ikke beslutningsdygtigt: 1 af 3");
        Api.Response stranger = committee.decide(lateMeeting, item, "APPROVED", "Godkendt.",
                Map.of("present", List.of("Anne Holm", "Ukendt Person")));
        assertThat(stranger.body()).contains("Ukendt Person er ikke medlem");
        Api.Response tooManyVotes = committee.decide(lateMeeting, item, "APPROVED", "Godkendt.",
                Map.of("votes", List.of(Map.of("party", "A", "inFavour", 3, "against", 0, "abstained", 0),
                        Map.of("party", "V", "inFavour", 0, "against", 1, "abstained", 0))));
        assertThat(tooManyVotes.status()).isEqualTo(400);
        assertThat(tooManyVotes.body()).contains("\"field\":\"votes\"").contains("4 stemmer");
        Api.Response negative = committee.decide(lateMeeting, item, "APPROVED", "Godkendt.",
                Map.of("votes", List.of(Map.of("party", "A", "inFavour", -1, "against", 0, "abstained", 0))));
        assertThat(negative.status()).isEqualTo(400);
        Api.Response noted = committee.decide(lateMeeting, item, "NOTED", "Taget til efterretning.", Map.of());
        assertThat(noted.status()).isEqualTo(400);
        assertThat(noted.body()).contains("\"field\":\"outcome\"");

        Api.Response voted = committee.decide(lateMeeting, item, "APPROVED", "Godkendt.",
                Map.of("votes", List.of(Map.of("party", "A", "inFavour", 1, "against", 0, "abstained", 0),
                        Map.of("party", "V", "inFavour", 1, "against", 0, "abstained", 0),
                        Map.of("party", "F", "inFavour", 0, "against", 1, "abstained", 0))));
        assertThat(voted.status()).as(voted.body()).isEqualTo(201);
        assertThat(secretary.getAny("/api/approval/meetings/" + lateMeeting + "/protocol").body())
                .contains("For: A (1), V (1). Imod: F (1). Undlod at stemme: ingen.")
                .contains("Punktet er optaget efter fristen for dagsordenen.");
    }

    @Test
    void theAgendaCanBeOrderedAndItemsMovedOrTakenOff() {
        String planId = submittedPlan();
        String committeeId = committee.committeeId();
        String meeting = committee.meeting(committeeId, Committee.today().plusDays(7));
        String other = committee.meeting(committeeId, Committee.today().plusDays(14));
        String plan = committee.place(meeting, planId);
        secretary.post("/api/approval/meetings/" + meeting + "/agenda", Map.of("kind", "FREE", "title", "Orientering"));
        Api.Response reordered = secretary.post("/api/approval/meetings/" + meeting + "/agenda/" + plan + "/position",
                Map.of("position", 2));
        assertThat(reordered.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> agenda = (List<Map<String, Object>>) reordered.json().get("agenda");
        assertThat(agenda).extracting(i -> i.get("title")).containsExactly("Orientering", "Beskæftigelsesplan 2026");
        // A stale version is refused, not applied over someone else's change.
        Api.Response stale = secretary.post("/api/approval/meetings/" + meeting + "/agenda/" + plan + "/position",
                Map.of("position", 1), "If-Match", "\"0\"");
        assertThat(stale.status()).isEqualTo(409);
        // Deciding before the meeting day is refused.
        Api.Response early = committee.decide(meeting, plan, "APPROVED", "Godkendt.", Map.of());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("holdes først");

        Api.Response moved = secretary.post("/api/approval/meetings/" + meeting + "/agenda/" + plan + "/move",
                Map.of("targetMeetingId", other));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat((List<?>) meeting(meeting).get("agenda")).hasSize(1);
        assertThat((List<?>) meeting(other).get("agenda")).hasSize(1);
        @SuppressWarnings("unchecked")
        String movedItem = (String) ((List<Map<String, Object>>) meeting(other).get("agenda")).get(0).get("id");
        Api.Response off = secretary.post("/api/approval/meetings/" + other + "/agenda/" + movedItem + "/move", Map.of());
        assertThat(off.status()).isEqualTo(200);
        assertThat(committee.inboxPlans()).anyMatch(p -> planId.equals(p.get("planId")));
    }

    @Test
    void aCorrectionNamesWhatItCorrectsAndThePublishedProtocolFollows() {
        try (MessageProbe probe = app.probe()) {
            String planId = submittedPlan();
            String meeting = committee.approve(planId);
            Map<String, Object> closed = secretary.post("/api/approval/meetings/" + meeting + "/close", Map.of()).json();
            assertThat(closed).containsEntry("status", "CLOSED");
            var first = probe.await("approval.meeting-protocol-published", m -> meeting.equals(m.payload().get("meetingId")), WAIT);
            assertThat((String) first.payload().get("protocolHtml")).contains("Indstillingen blev godkendt.");
            @SuppressWarnings("unchecked")
            String item = (String) ((List<Map<String, Object>>) closed.get("agenda")).get(0).get("id");

            Api.Response noReason = secretary.post("/api/approval/meetings/" + meeting + "/agenda/" + item + "/corrections",
                    Map.of("reason", "", "protocolText", "Godkendt", "present", Committee.MEMBERS));
            assertThat(noReason.status()).isEqualTo(400);
            assertThat(noReason.body()).contains("\"field\":\"reason\"");
            Api.Response corrected = secretary.post("/api/approval/meetings/" + meeting + "/agenda/" + item + "/corrections",
                    Map.of("reason", "Carina Lund havde meldt afbud", "protocolText", "Indstillingen blev godkendt enstemmigt.",
                            "present", List.of("Anne Holm", "Bo Vestergaard")));
            assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
            var correction = probe.await("approval.decision-corrected", planId, WAIT);
            assertThat(correction.payload()).containsEntry("reason", "Carina Lund havde meldt afbud");
            var second = probe.await("approval.meeting-protocol-published",
                    m -> meeting.equals(m.payload().get("meetingId")) && !m.messageId().equals(first.messageId()), WAIT);
            assertThat((String) second.payload().get("protocolHtml")).contains("Indstillingen blev godkendt enstemmigt.")
                    .contains("Fraværende: Carina Lund (F)").contains("Carina Lund havde meldt afbud");
            // The decision itself is unchanged; the correction sits beside it.
            Map<String, Object> decision = (Map<String, Object>) item(meeting, item).get("decision");
            assertThat(decision).containsEntry("protocolText", "Indstillingen blev godkendt.");
            assertThat((List<?>) decision.get("corrections")).hasSize(1);
        }
    }

    @Test
    void agendaAndProtocolRenderAsPdf() throws Exception {
        String planId = submittedPlan();
        String meeting = committee.approve(planId);
        for (String doc : List.of("agenda.pdf", "protocol.pdf")) {
            Api.Response pdf = secretary.getAny("/api/approval/meetings/" + meeting + "/" + doc);
            assertThat(pdf.status()).isEqualTo(200);
            byte[] bytes = secretary.getBytes("/api/approval/meetings/" + meeting + "/" + doc);
            try (var document = Loader.loadPDF(bytes)) {
                String text = new PDFTextStripper().getText(document);
                assertThat(text).contains("Udvalget for Beskæftigelse").contains("Beskæftigelsesplan 2026").contains("Sagsfremstilling");
                if (doc.startsWith("protocol")) {
                    assertThat(text).contains("Beslutningsprotokol").contains("Godkendt").contains("Til stede: Anne Holm (A)");
                } else {
                    assertThat(text).contains("Dagsorden").doesNotContain("Beslutningsprotokol");
                }
            }
        }
    }

    /** Issue 17, item 4: some plans name no committee and do not number their goals; they go the whole way all the same. */
    @Test
    @SuppressWarnings("unchecked")
    void aPlanThatNamesNoCommitteeAndNumbersNoGoalIsPlacedDecidedAndApproved() throws Exception {
        Map<String, Object> document = new java.util.HashMap<>(Fixtures.document(Fixtures.A));
        document.remove("committeeName");
        Map<String, Object> goal = new java.util.HashMap<>(((List<Map<String, Object>>) document.get("goals")).get(0));
        goal.remove("label");
        document.put("goals", List.of(goal));
        Api.Response imported = official.post("/api/plans/import", document);
        Committee.check(imported, 201);
        String planId = (String) imported.json().get("id");
        Committee.check(official.post("/api/plans/" + planId + "/submit", Map.of(), "If-Match", "\"0\""), 200);

        committee.awaitInInbox(planId);
        assertThat(committee.inboxPlans()).filteredOn(p -> planId.equals(p.get("planId")))
                .allSatisfy(p -> assertThat(p.get("committeeName")).isNull());
        String meeting = committee.approve(planId);
        try (var agenda = Loader.loadPDF(secretary.getBytes("/api/approval/meetings/" + meeting + "/agenda.pdf"))) {
            assertThat(new PDFTextStripper().getText(agenda)).contains("Beskæftigelsesplan 2026").doesNotContain("null");
        }
        Eventually.await(WAIT, "the plan approved", () -> official.get("/api/plans/" + planId).json(),
                p -> "APPROVED".equals(p.get("state")));
        String page = official.getPage("/plans/" + planId + "/dokument").body();
        assertThat(page).contains("<h2>Flere i job</h2>").doesNotContain(">null", "null:");
    }

    @Test
    void aStatusReportFromFollowUpIsNoted() throws Exception {
        try (MessageProbe probe = app.probe()) {
            UUID reportId = UUID.randomUUID();
            UUID planId = UUID.randomUUID();
            // Follow-up's outbox, as follow-up will send it (issue 5 builds the report itself).
            @SuppressWarnings("unchecked")
            TransactionOperations<java.sql.Connection> tx = app.bean(TransactionOperations.class);
            tx.executeWrite(status -> app.bean(Outbox.class).append(FollowUpModule.MODULE,
                    new StatusReportSubmitted(reportId, planId, "Beskæftigelsesplan 2026", "Årlig status 2026",
                            LocalDate.of(2026, 12, 31), "Seks af ti succeskriterier er nået.",
                            "<!DOCTYPE html><html lang=\"da\"><title>Status</title><h1>Status 2026</h1></html>", "a.manager", null),
                    new MessageContext(Fixtures.A, planId, "a.manager", null)));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> reports = Eventually.await(WAIT, "the report in the in-box",
                    () -> (List<Map<String, Object>>) secretary.get("/api/approval/inbox").json().get("statusReports"),
                    r -> r.stream().anyMatch(x -> reportId.toString().equals(x.get("reportId"))));
            assertThat(reports).isNotEmpty();
            String meeting = committee.meetingToday();
            Api.Response placed = secretary.post("/api/approval/meetings/" + meeting + "/agenda",
                    Map.of("kind", "STATUS_REPORT", "reportId", reportId.toString()));
            assertThat(placed.status()).as(placed.body()).isEqualTo(201);
            @SuppressWarnings("unchecked")
            Map<String, Object> item = ((List<Map<String, Object>>) placed.json().get("agenda")).get(0);
            assertThat(item).containsEntry("title", "Status på Beskæftigelsesplan 2026 (Årlig status 2026)");
            assertThat((String) item.get("caseText")).contains("Seks af ti succeskriterier er nået.");
            assertThat(committee.decide(meeting, (String) item.get("id"), "APPROVED", "Godkendt.", Map.of()).status()).isEqualTo(400);
            Api.Response noted = secretary.post("/api/approval/meetings/" + meeting + "/agenda/" + item.get("id") + "/decision",
                    Map.of("followedRecommendation", true, "present", Committee.MEMBERS));
            assertThat(noted.status()).as(noted.body()).isEqualTo(201);
            assertThat(noted.json()).containsEntry("outcome", "NOTED").containsEntry("protocolText", "Status blev taget til efterretning.");
            var message = probe.await("approval.status-report-noted", planId, WAIT);
            assertThat(message.payload()).containsEntry("reportId", reportId.toString())
                    .containsEntry("decidingBody", "Udvalget for Beskæftigelse");
            assertThat(secretary.getPage("/approval/statusrapporter/" + reportId).body()).contains("Status 2026");
        }
    }
}
