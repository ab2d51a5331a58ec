package dk.beskplan.approval.application;

import dk.beskplan.approval.ApprovalModule;
import dk.beskplan.approval.domain.AgendaItem;
import dk.beskplan.approval.domain.ApprovalRoute;
import dk.beskplan.approval.domain.Committee;
import dk.beskplan.approval.domain.Meeting;
import dk.beskplan.approval.domain.Submission;
import dk.beskplan.contracts.approval.PlanPlacedOnAgenda;
import dk.beskplan.contracts.drafting.PlanSubmitted;
import dk.beskplan.platform.mail.MailedPlan;
import dk.beskplan.platform.messaging.Envelope;
import dk.beskplan.platform.messaging.MessageContext;
import dk.beskplan.platform.messaging.ModuleMessageHandler;
import dk.beskplan.platform.outbox.Outbox;
import dk.beskplan.platform.persistence.JsonColumns;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A plan was submitted: it starts on the municipality's route (a hearing, or the in-box). A plan that was withdrawn
 * from a planned meeting and comes back as a new revision returns to its place on that agenda.
 */
@Singleton
class OnPlanSubmitted extends ModuleMessageHandler<PlanSubmitted> {
    private final SubmissionRepository submissions;
    private final CommitteeRepository committees;
    private final MeetingRepository meetings;
    private final JsonColumns json;
    private final Outbox outbox;
    private final SecretaryMail mail;
    private final Clock clock;

    OnPlanSubmitted(SubmissionRepository submissions, CommitteeRepository committees, MeetingRepository meetings,
              JsonColumns json, Outbox outbox, SecretaryMail mail, Clock clock) {
        super(ApprovalModule.MODULE, PlanSubmitted.class);
        this.submissions = submissions;
        this.committees = committees;
        this.meetings = meetings;
        this.json = json;
        this.outbox = outbox;
        this.mail = mail;
        this.clock = clock;
    }

    @Override
    public void handle(PlanSubmitted submitted, Envelope envelope) {
        String municipality = envelope.municipality();
        LocalDate today = Meetings.today(clock);
        ApprovalRoute route = committees.route(municipality).route();
        Submission submission = Submission.arrive(submitted.planId(), submitted.revisionNumber(), municipality, route);
        // Back to the agenda it was withdrawn from, if that meeting is still planned and it is that committee's turn.
        Optional<Meeting> withdrawnFrom = submission.status() == Submission.Status.AWAITING_AGENDA
                ? meetings.holdingPlan(submitted.planId(), municipality)
                .filter(m -> route.stage(0) instanceof ApprovalRoute.Decision d
                        && m.committeeId().equals(d.committeeId()))
                : Optional.empty();
        Optional<AgendaItem> reopened = withdrawnFrom.flatMap(m -> m.resubmitted(submitted.planId(), submitted.revisionNumber(), today));
        if (reopened.isPresent()) {
            submission.placeOnAgendaOf(withdrawnFrom.get().committeeId()).orElseThrow(IllegalStateException::new);
        }
        boolean fresh = submissions.insert(submission, submitted.title(), submitted.fromYear(), submitted.toYear(),
                submitted.committeeName(), submitted.contentHash(), submitted.submittedBy(), envelope.occurredAt(),
                submitted.document(), submission.status() == Submission.Status.IN_HEARING ? today : null);
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
                    meeting.id(), body, meeting.date(), reopened.get().late(), today), MessageContext.reactingTo(envelope, module()));
        }
        mail.planSubmitted(new MailedPlan(submitted.planId(), submitted.title(), municipality, submitted.fromYear(),
                        submitted.toYear()), submitted.revisionNumber(), submitted.committeeName(), submission, submitted.submittedBy(),
                submission.status() == Submission.Status.IN_HEARING ? submission.hearingDeadline(today) : null,
                backOnAgenda ? withdrawnFrom.get() : null);
    }
}
