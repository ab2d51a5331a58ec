package dk.beskplan.approval.application;

import dk.beskplan.approval.ApprovalModule;
import dk.beskplan.approval.domain.Submission;
import dk.beskplan.contracts.approval.PlanDecisionRecorded;
import dk.beskplan.contracts.drafting.PlanSubmitted;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

import dk.beskplan.platform.mail.Mail;
import dk.beskplan.platform.messaging.Envelope;
import dk.beskplan.platform.messaging.MessageContext;
import dk.beskplan.platform.messaging.MessageHandler;
import dk.beskplan.platform.outbox.Outbox;
import dk.beskplan.platform.persistence.Sql;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.web.Conflict;
import dk.beskplan.platform.web.InvalidInput;
import dk.beskplan.platform.web.NotFound;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The secretary's in-box and the recording of decisions; fills the in-box from drafting's messages. */
@Singleton
public class ApprovalService implements MessageHandler<PlanSubmitted> {

    /** A submission as the in-box lists it. */
    @Serdeable
    public record InboxItem(UUID planId, int revision, String title, int fromYear, int toYear, String committeeName,
                            String contentHash, String submittedBy, Instant submittedAt, String status) {
    }

    private final Sql sql;
    private final Outbox outbox;
    private final Clock clock;
    private final JsonMapper json;
    private final Mail mail;
    private final UserAccounts users;

    ApprovalService(Sql sql, Outbox outbox, Clock clock, JsonMapper json, Mail mail, UserAccounts users) {
        this.sql = sql;
        this.outbox = outbox;
        this.clock = clock;
        this.json = json;
        this.mail = mail;
        this.users = users;
    }

    @Override
    public String module() {
        return ApprovalModule.MODULE.name();
    }

    @Override
    public Class<PlanSubmitted> messageType() {
        return PlanSubmitted.class;
    }

    /** A plan was submitted: it waits in the in-box of its municipality's secretaries. */
    @Override
    public void handle(PlanSubmitted submitted, Envelope envelope) {
        // The submitted document is kept as the agenda's attachment and as the text amendments apply to.
        sql.update("insert into approval.submission (plan_id, revision, municipality, title, from_year, to_year,"
                        + " committee_name, content_hash, submitted_by, submitted_at, status, document)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'AWAITING_DECISION', cast(? as jsonb)) on conflict do nothing",
                submitted.planId(), submitted.revisionNumber(), envelope.municipality(), submitted.title(),
                submitted.fromYear(), submitted.toYear(), submitted.committeeName(), submitted.contentHash(),
                submitted.submittedBy(), envelope.occurredAt(), documentJson(submitted.document()));
    }

    @Transactional
    public List<InboxItem> inbox(CurrentUser user) {
        return sql.query(SELECT_ITEM + " where municipality = ? and status = 'AWAITING_DECISION' order by submitted_at",
                ApprovalService::item, user.municipality());
    }

    @Transactional
    public PlanDecisionRecorded decide(UUID planId, Submission.Outcome outcome, LocalDate meetingDate, String remarks,
                                       CurrentUser user) {
        if (outcome == null) {
            throw InvalidInput.field("decision", "skal være APPROVED, RETURNED eller REJECTED");
        }
        if (meetingDate == null) {
            throw InvalidInput.field("meetingDate", "skal udfyldes");
        }
        if (outcome != Submission.Outcome.APPROVED && (remarks == null || remarks.isBlank())) {
            // Bad input, named by its field (400), before the domain's own rule would refuse it.
            throw InvalidInput.field("remarks", "skal udfyldes, når planen sendes tilbage eller forkastes");
        }
        InboxItem item = sql.queryOne(SELECT_ITEM + " where plan_id = ? and municipality = ?"
                        + " order by revision desc limit 1", ApprovalService::item, planId, user.municipality())
                .orElseThrow(() -> new NotFound("Der er ingen indsendt plan med dette id"));
        Submission submission = new Submission(item.planId(), item.revision(), user.municipality(),
                Submission.Status.valueOf(item.status()), 0);
        Submission.Decision decision = submission.decide(outcome, meetingDate, remarks).orElseThrow(Conflict::new);
        int updated = sql.update("update approval.submission set status = 'DECIDED', version = version + 1"
                + " where plan_id = ? and revision = ? and status = 'AWAITING_DECISION'", planId, item.revision());
        if (updated == 0) {
            throw new Conflict("En anden har netop registreret en beslutning om denne plan");
        }
        sql.update("insert into approval.decision (id, plan_id, revision, decision, meeting_date, remarks, decided_by, decided_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)", decision.id(), planId, item.revision(), outcome, meetingDate,
                remarks, user.username(), clock.instant());
        PlanDecisionRecorded message = new PlanDecisionRecorded(planId, decision.id(),
                PlanDecisionRecorded.Decision.valueOf(outcome.name()), meetingDate, item.revision(), item.contentHash(),
                item.title(), item.fromYear(), item.toYear(), remarks, null, null, null, null, null);
        outbox.append(ApprovalModule.MODULE, message, MessageContext.byUser(user.username(), user.municipality(), planId));
        tellTheSubmitter(item, outcome, meetingDate, remarks, decision.id());
        return message;
    }

    /** The official who submitted the plan hears what the committee decided (queued with the decision). */
    private void tellTheSubmitter(InboxItem item, Submission.Outcome outcome, LocalDate meetingDate, @Nullable String remarks,
                                  UUID decisionId) {
        String address = users.find(item.submittedBy()).map(UserAccounts.User::email).orElse(null);
        if (address == null || address.isBlank()) {
            return; // no address on file: the plan page still shows the decision
        }
        String what = switch (outcome) {
            case APPROVED -> "godkendt";
            case RETURNED -> "sendt tilbage til forvaltningen";
            case REJECTED -> "forkastet";
        };
        String date = meetingDate.format(java.time.format.DateTimeFormatter.ofPattern("d. MMMM yyyy", java.util.Locale.forLanguageTag("da-DK")));
        StringBuilder body = new StringBuilder()
                .append("Udvalget har på mødet ").append(date).append(" ").append(what).append(" ")
                .append(item.title()).append(" (revision ").append(item.revision()).append(").\n");
        if (remarks != null && !remarks.isBlank()) {
            body.append("\nUdvalgets bemærkninger:\n").append(remarks).append("\n");
        }
        body.append("\nSe planen: ").append(mail.link("/plans/" + item.planId())).append("\n");
        mail.queue(ApprovalModule.MODULE, address, item.title() + ": " + what + " af udvalget", body.toString(),
                "decision:" + decisionId);
    }

    /** The plan document exactly as submitted (the agenda item's attachment); empty for v1 submissions. */
    @Transactional
    public Optional<String> submittedDocument(UUID planId, int revision, CurrentUser user) {
        return sql.queryOne("select document::text as document from approval.submission"
                        + " where plan_id = ? and revision = ? and municipality = ?",
                        rs -> Optional.ofNullable(rs.getString("document")), planId, revision, user.municipality())
                .orElseThrow(() -> new NotFound("Der er ingen indsendt plan med dette id og denne revision"));
    }

    private String documentJson(@Nullable Map<String, Object> document) {
        if (document == null) {
            return null;
        }
        try {
            return json.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String SELECT_ITEM = "select plan_id, revision, title, from_year, to_year, committee_name,"
            + " content_hash, submitted_by, submitted_at, status from approval.submission";

    private static InboxItem item(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new InboxItem(rs.getObject("plan_id", UUID.class), rs.getInt("revision"), rs.getString("title"),
                rs.getInt("from_year"), rs.getInt("to_year"), rs.getString("committee_name"), rs.getString("content_hash"),
                rs.getString("submitted_by"), Sql.instant(rs, "submitted_at"), rs.getString("status"));
    }
}
