package dk.beskplan.approval.application;

import dk.beskplan.approval.ApprovalModule;
import dk.beskplan.contracts.followup.StatusReportSubmitted;
import dk.beskplan.platform.messaging.Envelope;
import dk.beskplan.platform.messaging.ModuleMessageHandler;
import jakarta.inject.Singleton;

/** Follow-up compiled a status report: it waits for the secretary to place it on an agenda. */
@Singleton
class OnStatusReportSubmitted extends ModuleMessageHandler<StatusReportSubmitted> {
    private final SubmissionRepository submissions;

    OnStatusReportSubmitted(SubmissionRepository submissions) {
        super(ApprovalModule.MODULE, StatusReportSubmitted.class);
        this.submissions = submissions;
    }

    @Override
    public void handle(StatusReportSubmitted report, Envelope envelope) {
        submissions.receiveReport(report.reportId(), report.planId(), envelope.municipality(), report.planTitle(),
                report.roundLabel(), report.dueDate(), report.summary(), report.reportHtml(), report.submittedBy(),
                envelope.occurredAt());
    }
}
