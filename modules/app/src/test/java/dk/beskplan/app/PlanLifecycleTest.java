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
            List<Map<String, Object>> inbox = Eventually.await(WAIT, "the plan in the secretary's in-box",
                    () -> secretary.get("/api/approval/inbox").jsonList(),
                    items -> items.stream().anyMatch(i -> planId.equals(i.get("planId"))));
            inbox = inbox.stream().filter(i -> planId.equals(i.get("planId"))).toList();
            assertThat(inbox).hasSize(1);
            assertThat(inbox.get(0)).containsEntry("revision", 1)
                    .containsEntry("contentHash", submittedMessage.payload().get("contentHash"));
            // The committee's module holds the document exactly as submitted (the agenda's attachment).
            Api.Response attachment = secretary.get("/api/approval/submissions/" + planId + "/revisions/1/document");
            assertThat(attachment.status()).isEqualTo(200);
            assertThat(attachment.json()).containsEntry("title", "Beskæftigelsesplan 2026");
            assertThat(attachment.body()).contains("Mindst 75 pct. af borgerne er tilfredse");
            assertThat(official.get("/api/approval/submissions/" + planId + "/revisions/1/document").status()).isEqualTo(403);

            Api.Response decided = secretary.post("/api/approval/submissions/" + planId + "/decision",
                    Map.of("decision", "APPROVED", "meetingDate", "2026-01-20"));
            assertThat(decided.status()).as(decided.body()).isEqualTo(200);
            var decision = probe.await("approval.plan-decision-recorded", planId, WAIT);
            var opened = probe.await("followup.follow-up-opened", planId, WAIT);
            assertThat(opened.causationId()).isEqualTo(decision.messageId());

            // The official who submitted it is told by mail, once.
            List<MimeMessage> mails = Eventually.await(WAIT, "the decision mail", () -> mailsAbout(planId), m -> !m.isEmpty());
            assertThat(mails).hasSize(1);
            assertThat(mails.get(0).getSubject()).isEqualTo("Beskæftigelsesplan 2026: godkendt af udvalget");
            assertThat(mails.get(0).getAllRecipients()[0].toString()).isEqualTo("a.official@test.beskplan.dk");
            assertThat(GreenMailUtil.getBody(mails.get(0))).contains("20. januar 2026");

            // Drafting shows it approved.
            Map<String, Object> plan = Eventually.await(WAIT, "the plan approved in drafting",
                    () -> official.get("/api/plans/" + planId).json(), p -> "APPROVED".equals(p.get("state")));
            assertThat(plan).containsEntry("approvedRevision", 1);
            assertThat(secretary.get("/api/approval/inbox").jsonList()).noneMatch(i -> planId.equals(i.get("planId")));

            // Follow-up opened the first round, due at the end of the period, owned by the manager.
            List<Map<String, Object>> rounds = official.get("/api/followup/plans/" + planId + "/rounds").jsonList();
            assertThat(rounds).hasSize(1);
            assertThat(rounds.get(0)).containsEntry("dueDate", "2026-12-31").containsEntry("owner", "a.manager")
                    .containsEntry("state", "OPEN");

            // The archive tells the whole story with who, when and the message id.
            List<Map<String, Object>> timeline = Eventually.await(WAIT, "four events in the archive",
                    () -> official.get("/api/archive/plans/" + planId + "/timeline").jsonList(), t -> t.size() == 4);
            assertThat(timeline).extracting(e -> e.get("type")).containsExactly("drafting.plan-draft-created",
                    "drafting.plan-submitted", "approval.plan-decision-recorded", "followup.follow-up-opened");
            assertThat(timeline).extracting(e -> e.get("actor"))
                    .containsExactly("a.official", "a.official", "a.secretary", "system:followup");
            assertThat(timeline).extracting(e -> e.get("what"))
                    .containsExactly("Udkast oprettet", "Indsendt til godkendelse", "Godkendt af udvalget", "Opfølgning åbnet");
            assertThat(timeline.get(2)).containsEntry("messageId", decision.messageId());
            assertThat(timeline.get(3)).containsEntry("messageId", opened.messageId());
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
            Api secretary = Fixtures.as(app, "a.secretary");
            Eventually.await(WAIT, "in-box", () -> secretary.get("/api/approval/inbox").jsonList(),
                    items -> items.stream().anyMatch(i -> planId.equals(i.get("planId"))));

            Api.Response noRemarks = secretary.post("/api/approval/submissions/" + planId + "/decision",
                    Map.of("decision", "RETURNED", "meetingDate", "2026-01-20"));
            assertThat(noRemarks.status()).isEqualTo(400);
            assertThat(noRemarks.body()).contains("\"field\":\"remarks\"");

            secretary.post("/api/approval/submissions/" + planId + "/decision",
                    Map.of("decision", "RETURNED", "meetingDate", "2026-01-20", "remarks", "Mål 3 skal skærpes"));
            Map<String, Object> plan = Eventually.await(WAIT, "back to draft",
                    () -> official.get("/api/plans/" + planId).json(), p -> "DRAFT".equals(p.get("state")));
            assertThat(plan).containsEntry("decisionRemarks", "Mål 3 skal skærpes");

            Api.Response twice = secretary.post("/api/approval/submissions/" + planId + "/decision",
                    Map.of("decision", "APPROVED", "meetingDate", "2026-01-20"));
            assertThat(twice.status()).isEqualTo(409);
        }
    }
}
