package dk.beskplan.approval.application;

import dk.beskplan.approval.ApprovalModule;
import dk.beskplan.approval.domain.AgendaItem;
import dk.beskplan.approval.domain.ApprovalRoute;
import dk.beskplan.approval.domain.Committee;
import dk.beskplan.approval.domain.Meeting;
import dk.beskplan.approval.domain.Submission;
import dk.beskplan.contracts.approval.PlanPlacedOnAgenda;
import dk.beskplan.contracts.drafting.PlanSubmitted;
import dk.beskplan.contracts.drafting.PlanWithdrawn;
import dk.beskplan.contracts.followup.StatusReportSubmitted;
import dk.beskplan.platform.domain.Result;
import dk.beskplan.platform.mail.MailedPlan;
import dk.beskplan.platform.messaging.Envelope;
import dk.beskplan.platform.messaging.MessageContext;
import dk.beskplan.platform.messaging.MessageHandler;
import dk.beskplan.platform.outbox.Outbox;
import dk.beskplan.platform.persistence.Sql;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/** How the other modules' messages reach the secretary: submissions, withdrawals and status reports. */
final class SubmissionHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(SubmissionHandlers.class);

    private SubmissionHandlers() {
    }

    /**
     * A plan was submitted: it starts on the municipality's route (a hearing, or the in-box). A plan that was withdrawn
     * from a planned meeting and comes back as a new revision returns to its place on that agenda.
     */
    @Singleton
    static class Submitted implements MessageHandler<PlanSubmitted> {
        private final SubmissionRepository submissions;
        private final CommitteeRepository committees;
        private final MeetingRepository meetings;
        private final JsonColumns json;
        private final Outbox outbox;
        private final SecretaryMail mail;
        private final Clock clock;

        Submitted(SubmissionRepository submissions, CommitteeRepository committees, MeetingRepository meetings,
                  JsonColumns json, Outbox outbox, SecretaryMail mail, Clock clock) {
            this.submissions = submissions;
            this.committees = committees;
            this.meetings = meetings;
            this.json = json;
            this.outbox = outbox;
            this.mail = mail;
            this.clock = clock;
        }

        @Override
        public String module() {
            return ApprovalModule.MODULE.name();
        }

        @Override
        public Class<PlanSubmitted> messageType() {
            return PlanSubmitted.class;
        }

        @Override
        public void handle(PlanSubmitted submitted, Envelope envelope) {
            String municipality = envelope.municipality();
            LocalDate today = LocalDate.now(clock.withZone(Meetings.DANISH_TIME));
            ApprovalRoute route = committees.route(municipality).route();
            Submission submission = Submission.arrive(submitted.planId(), submitted.revisionNumber(), municipality, route);
            // Back to the agenda it was withdrawn from, if that meeting is still planned and it is that committee's turn.
            Optional<Meeting> withdrawnFrom = submission.status() == Submission.Status.AWAITING_AGENDA
                    ? meetings.holdingPlan(submitted.planId(), municipality)
                    .filter(m -> route.stage(0) instanceof ApprovalRoute.Decision d
                            && (d.committeeId() == null || d.committeeId().equals(m.committeeId())))
                    : Optional.empty();
            Optional<AgendaItem> reopened = withdrawnFrom.flatMap(m -> m.resubmitted(submitted.planId(), submitted.revisionNumber(), today));
            if (reopened.isPresent()) {
                submission.placeOnAgendaOf(withdrawnFrom.get().committeeId()).orElseThrow(IllegalStateException::new);
            }
            boolean fresh = submissions.insert(submission, submitted.title(), submitted.fromYear(), submitted.toYear(),
                    submitted.committeeName(), submitted.contentHash(), submitted.submittedBy(), envelope.occurredAt(),
                    json.write(submitted.document()), submission.status() == Submission.Status.IN_HEARING ? today : null);
            if (!fresh) {
                return; // redelivered: already in the in-box
            }
            if (submission.status() == Submission.Status.IN_HEARING) {
                ApprovalRoute.Hearing hearing = (ApprovalRoute.Hearing) route.stage(0);
                submissions.askHearing(submission.planId(), submission.revision(), 0, hearing.body(), today,
                        submission.hearingDeadline(today));
            }
            boolean backOnAgenda = reopened.isPresent() && submission.status() == Submission.Status.ON_AGENDA;
            if (backOnAgenda) {
                Meeting meeting = withdrawnFrom.get();
                meetings.save(meeting, "system:approval", clock.instant());
                String body = committees.find(meeting.committeeId(), municipality).map(Committee::name).orElse("udvalget");
                outbox.append(ApprovalModule.MODULE, new PlanPlacedOnAgenda(submission.planId(), submission.revision(),
                        meeting.id(), body, meeting.date(), reopened.get().late()), MessageContext.reactingTo(envelope, module()));
            }
            mail.planSubmitted(new MailedPlan(submitted.planId(), submitted.title(), municipality, submitted.fromYear(),
                            submitted.toYear()), submitted.revisionNumber(), submission, submitted.submittedBy(),
                    submission.status() == Submission.Status.IN_HEARING ? submission.hearingDeadline(today) : null,
                    backOnAgenda ? withdrawnFrom.get() : null);
        }
    }

    /** The administration took a plan back: its submission stops, and its open agenda item is marked withdrawn. */
    @Singleton
    static class Withdrawn implements MessageHandler<PlanWithdrawn> {
        private final SubmissionRepository submissions;
        private final MeetingRepository meetings;
        private final SecretaryMail mail;
        private final Clock clock;

        Withdrawn(SubmissionRepository submissions, MeetingRepository meetings, SecretaryMail mail, Clock clock) {
            this.submissions = submissions;
            this.meetings = meetings;
            this.mail = mail;
            this.clock = clock;
        }

        @Override
        public String module() {
            return ApprovalModule.MODULE.name();
        }

        @Override
        public Class<PlanWithdrawn> messageType() {
            return PlanWithdrawn.class;
        }

        @Override
        public void handle(PlanWithdrawn withdrawn, Envelope envelope) {
            Optional<SubmissionRepository.Row> row = submissions.find(withdrawn.planId(), withdrawn.revisionNumber(),
                    envelope.municipality());
            if (row.isEmpty()) {
                LOG.warn("Plan {} revision {} withdrawn, but never arrived here", withdrawn.planId(), withdrawn.revisionNumber());
                return;
            }
            Submission submission = row.get().submission();
            if (submission.withdraw() instanceof Result.Rejected<Submission> rejected) {
                // Decided before the withdrawal arrived: the decision stands in the protocol; drafting keeps it as history.
                LOG.warn("Plan {} withdrawn after the decision: {}", withdrawn.planId(), rejected.reason());
                return;
            }
            submissions.update(submission, row.get().currentDocument(), row.get().amendments(), row.get().hearingAsked());
            Optional<Meeting> takenFrom = meetings.holdingPlan(withdrawn.planId(), envelope.municipality())
                    .filter(meeting -> meeting.withdraw(withdrawn.planId()).isPresent());
            takenFrom.ifPresent(meeting -> meetings.save(meeting, envelope.actor(), clock.instant()));
            SubmissionRepository.Row plan = row.get();
            mail.planWithdrawn(new MailedPlan(withdrawn.planId(), plan.title(), envelope.municipality(), plan.fromYear(),
                            plan.toYear()), withdrawn.revisionNumber(), submission, envelope.actor(),
                    withdrawn.reason(), takenFrom.orElse(null));
        }
    }

    /** Follow-up compiled a status report: it waits for the secretary to place it on an agenda. */
    @Singleton
    static class StatusReportArrived implements MessageHandler<StatusReportSubmitted> {
        private final Sql sql;

        StatusReportArrived(Sql sql) {
            this.sql = sql;
        }

        @Override
        public String module() {
            return ApprovalModule.MODULE.name();
        }

        @Override
        public Class<StatusReportSubmitted> messageType() {
            return StatusReportSubmitted.class;
        }

        @Override
        public void handle(StatusReportSubmitted report, Envelope envelope) {
            sql.update("insert into approval.status_report (report_id, plan_id, municipality, plan_title, round_label, due_date,"
                            + " summary, report_html, submitted_by, received_at, status)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'AWAITING_AGENDA') on conflict do nothing",
                    report.reportId(), report.planId(), envelope.municipality(), report.planTitle(), report.roundLabel(),
                    report.dueDate(), report.summary(), report.reportHtml(), report.submittedBy(), envelope.occurredAt());
        }
    }
}
