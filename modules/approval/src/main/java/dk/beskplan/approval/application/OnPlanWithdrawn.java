package dk.beskplan.approval.application;

import dk.beskplan.approval.ApprovalModule;
import dk.beskplan.approval.domain.Meeting;
import dk.beskplan.approval.domain.Submission;
import dk.beskplan.contracts.drafting.PlanWithdrawn;
import dk.beskplan.platform.domain.Result;
import dk.beskplan.platform.mail.MailedPlan;
import dk.beskplan.platform.messaging.Envelope;
import dk.beskplan.platform.messaging.ModuleMessageHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;

/** The administration took a plan back: its submission stops, and its open agenda item is marked withdrawn. */
@Singleton
class OnPlanWithdrawn extends ModuleMessageHandler<PlanWithdrawn> {
    private static final Logger LOG = LoggerFactory.getLogger(OnPlanWithdrawn.class);

    private final SubmissionRepository submissions;
    private final MeetingRepository meetings;
    private final SecretaryMail mail;
    private final Clock clock;

    OnPlanWithdrawn(SubmissionRepository submissions, MeetingRepository meetings, SecretaryMail mail, Clock clock) {
        super(ApprovalModule.MODULE, PlanWithdrawn.class);
        this.submissions = submissions;
        this.meetings = meetings;
        this.mail = mail;
        this.clock = clock;
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
                        plan.toYear()), withdrawn.revisionNumber(), plan.committeeName(), submission, envelope.actor(),
                withdrawn.reason(), takenFrom.orElse(null));
    }
}
