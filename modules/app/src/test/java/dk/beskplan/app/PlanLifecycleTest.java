package dk.beskplan.app;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dk.beskplan.platform.testing.Api;
import jakarta.mail.internet.MimeMessage;
import dk.beskplan.platform.testing.Eventually;
import dk.beskplan.platform.testing.MessageProbe;
import dk.beskplan.platform.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The plan's life through the HTTP API only, waiting on the real messages between the modules:
 * draft → submitted → approved by the committee → follow-up opened → all of it in the archive.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanLifecycleTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private TestApp app;

    private GreenMail smtp;

    @BeforeAll
    void start() {
        // A real SMTP server in-process: the decision mail to the submitting official must arrive.
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        app = TestApp.start(Map.of("beskplan.mail.enabled", true, "beskplan.mail.host", "127.0.0.1",
                "beskplan.mail.port", smtp.getSmtp().getPort(), "beskplan.mail.sweep-interval", "300ms"));
        Fixtures.seedUsers(app);
    }

    @AfterAll
    void stop() {
        app.close();
        smtp.stop();
    }

    /** The mails a.official has received about this plan. */
    private List<MimeMessage> mailsAbout(String planId) {
        return java.util.Arrays.stream(smtp.getReceivedMessagesForDomain("test.beskplan.dk"))
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals("a.official@test.beskplan.dk");
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .filter(m -> GreenMailUtil.getBody(m).contains(planId)).toList();
    }

    @Test
    void draftIsSubmittedApprovedFollowedUpAndArchived() throws Exception {
        try (MessageProbe probe = app.probe()) {
            Api official = Fixtures.as(app, "a.official");
            String planId = Fixtures.createPlan(official, Fixtures.A);
            Api.Response submitted = official.post("/api/plans/" + planId + "/submit", Map.of(), "If-Match", "\"0\"");
            assertThat(submitted.status()).isEqualTo(200);
            assertThat(submitted.json()).containsEntry("state", "SUBMITTED");
            var submittedMessage = probe.await("drafting.plan-submitted", planId, WAIT);

            // The secretary sees it waiting (it arrived in approval as a message).
            Api secretary = Fixtures.as(app, "a.secretary");
            Committee committee = new Committee(secretary);
            committee.awaitInInbox(planId);
            List<Map<String, Object>> inbox = committee.inboxPlans().stream().filter(i -> planId.equals(i.get("planId"))).toList();
            assertThat(inbox).hasSize(1);
            assertThat(inbox.get(0)).containsEntry("revision", 1)
                    .containsEntry("contentHash", submittedMessage.payload().get("contentHash"));
            // The committee's module holds the document exactly as submitted (the agenda's attachment).
            Api.Response attachment = secretary.get("/api/approval/submissions/" + planId + "/revisions/1/document");
            assertThat(attachment.status()).isEqualTo(200);
            assertThat(attachment.json()).containsEntry("title", "Beskæftigelsesplan 2026");
            assertThat(attachment.body()).contains("Mindst 75 pct. af borgerne er tilfredse");
            assertThat(official.get("/api/approval/submissions/" + planId + "/revisions/1/document").status()).isEqualTo(403);

            // On today's agenda; the committee approves it.
            String meeting = committee.meetingToday();
            String item = committee.place(meeting, planId);
            assertThat(committee.inboxPlans()).noneMatch(i -> planId.equals(i.get("planId")));
            Api.Response decided = committee.decide(meeting, item, "APPROVED", "Planen blev godkendt.", Map.of());
            assertThat(decided.status()).as(decided.body()).isEqualTo(201);
            var decision = probe.await("approval.plan-decision-recorded", planId, WAIT);
            assertThat(decision.payload()).containsEntry("decision", "APPROVED").containsEntry("finalDecision", true)
                    .containsEntry("decidingBody", "Udvalget for Beskæftigelse").containsEntry("meetingId", meeting);
            // Follow-up opens from the version in force that drafting publishes (it carries the goals and criteria).
            var inForce = probe.await("drafting.plan-approved", planId, WAIT);
            var opened = probe.await("followup.follow-up-opened", planId, WAIT);
            assertThat(opened.causationId()).isEqualTo(inForce.messageId());

            // The official who submitted it is told by mail, once.
            List<MimeMessage> mails = Eventually.await(WAIT, "the decision mail", () -> mailsAbout(planId), m -> !m.isEmpty());
            assertThat(mails).hasSize(1);
            assertThat(mails.get(0).getSubject()).isEqualTo("Beskæftigelsesplan 2026: godkendt af Udvalget for Beskæftigelse");
            assertThat(mails.get(0).getAllRecipients()[0].toString()).isEqualTo("a.official@test.beskplan.dk");
            String today = java.time.format.DateTimeFormatter.ofPattern("d. MMMM yyyy", java.util.Locale.forLanguageTag("da-DK"))
                    .format(Committee.today());
            assertThat(GreenMailUtil.getBody(mails.get(0))).contains(today).contains("Planen blev godkendt.");

            // Drafting shows it approved.
            Map<String, Object> plan = Eventually.await(WAIT, "the plan approved in drafting",
                    () -> official.get("/api/plans/" + planId).json(), p -> "APPROVED".equals(p.get("state")));
            assertThat(plan).containsEntry("approvedRevision", 1);

            // Follow-up opened the first round, due at the end of the period, owned by the manager.
            List<Map<String, Object>> rounds = official.get("/api/followup/plans/" + planId + "/rounds").jsonList();
            assertThat(rounds).hasSize(1);
            assertThat(rounds.get(0)).containsEntry("dueDate", "2026-12-31").containsEntry("owner", "a.manager")
                    .containsEntry("state", "OPEN");

            // The archive tells the whole story with who, when and the message id.
            assertThat(inForce.causationId()).isEqualTo(decision.messageId());
            assertThat(inForce.payload()).containsEntry("approvedRevision", 1).containsEntry("amended", false)
                    .containsEntry("contentHash", submittedMessage.payload().get("contentHash"));
            List<Map<String, Object>> timeline = Eventually.await(WAIT, "eight events in the archive",
                    () -> official.get("/api/archive/plans/" + planId + "/timeline").jsonList(), t -> t.size() == 8);
            // What people did, in the order they did it; each PDF is rendered once, soon after its revision was frozen,
            // and stands in the timeline when it was rendered (docs/adr/0023).
            String frozenPdf = "drafting.plan-document-frozen";
            List<Map<String, Object>> acts = timeline.stream().filter(e -> !frozenPdf.equals(e.get("type"))).toList();
            assertThat(acts.subList(0, 4)).extracting(e -> e.get("type")).containsExactly("drafting.plan-draft-created",
                    "drafting.plan-submitted", "approval.plan-placed-on-agenda", "approval.plan-decision-recorded");
            assertThat(acts.subList(0, 4)).extracting(e -> e.get("actor"))
                    .containsExactly("a.official", "a.official", "a.secretary", "a.secretary");
            assertThat(acts.subList(0, 4)).extracting(e -> e.get("what")).containsExactly("Udkast oprettet",
                    "Indsendt til godkendelse", "Sat på dagsordenen: Udvalget for Beskæftigelse, mødet " + today,
                    "Godkendt af Udvalget for Beskæftigelse");
            assertThat(acts.get(3)).containsEntry("messageId", decision.messageId());
            var submittedPdf = probe.await(frozenPdf, m -> planId.equals(m.planId())
                    && "SUBMITTED".equals(m.payload().get("kind")), WAIT);
            var approvedPdf = probe.await(frozenPdf, m -> planId.equals(m.planId())
                    && "APPROVED".equals(m.payload().get("kind")), WAIT);
            assertThat(submittedPdf.actor()).isEqualTo("a.official");
            assertThat(submittedPdf.causationId()).isNull();
            assertThat(approvedPdf.causationId()).isEqualTo(decision.messageId());
            List<Object> order = timeline.stream().map(e -> e.get("messageId")).toList();
            assertThat(order.indexOf(submittedPdf.messageId().toString()))
                    .isGreaterThan(order.indexOf(submittedMessage.messageId().toString()));
            assertThat(order.indexOf(approvedPdf.messageId().toString()))
                    .isGreaterThan(order.indexOf(decision.messageId().toString()));
            assertThat(timeline).filteredOn(e -> frozenPdf.equals(e.get("type"))).extracting(e -> e.get("what"))
                    .containsExactlyInAnyOrder("Den indsendte revision dannet som PDF, én gang for alle",
                            "Den godkendte udgave dannet som PDF, én gang for alle");
            assertThat(acts.subList(4, 6)).extracting(e -> e.get("messageId"), e -> e.get("actor"), e -> e.get("what"))
                    .containsExactlyInAnyOrder(tuple(inForce.messageId(), "system:drafting", "Godkendt udgave i kraft"),
                            tuple(opened.messageId(), "system:followup", "Opfølgning åbnet"));
            assertThat(timeline).allSatisfy(e -> assertThat(e.get("occurredAt")).isNotNull());
        }
    }

    @Test
    void returnedPlanGoesBackToDraftWithTheCommitteesRemarks() {
        try (MessageProbe probe = app.probe()) {
            Api official = Fixtures.as(app, "a.official");
            String planId = Fixtures.createPlan(official, Fixtures.A);
            official.post("/api/plans/" + planId + "/submit", Map.of());
            probe.await("drafting.plan-submitted", planId, WAIT);
            Committee committee = new Committee(Fixtures.as(app, "a.secretary"));
            String meeting = committee.meetingToday();
            String item = committee.place(meeting, planId);

            Api.Response noRemarks = committee.decide(meeting, item, "RETURNED", " ", Map.of());
            assertThat(noRemarks.status()).isEqualTo(400);
            assertThat(noRemarks.body()).contains("\"field\":\"protocolText\"");

            assertThat(committee.decide(meeting, item, "RETURNED", "Mål 3 skal skærpes", Map.of()).status()).isEqualTo(201);
            Map<String, Object> plan = Eventually.await(WAIT, "back to draft",
                    () -> official.get("/api/plans/" + planId).json(), p -> "DRAFT".equals(p.get("state")));
            assertThat(plan).containsEntry("decisionRemarks", "Mål 3 skal skærpes");

            Api.Response twice = committee.decide(meeting, item, "APPROVED", "Godkendt", Map.of());
            assertThat(twice.status()).isEqualTo(409);
            assertThat(twice.body()).contains("allerede behandlet");
        }
    }
}
