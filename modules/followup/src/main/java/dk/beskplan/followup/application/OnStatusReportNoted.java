package dk.beskplan.followup.application;

import dk.beskplan.contracts.approval.StatusReportNoted;
import dk.beskplan.followup.FollowUpModule;
import dk.beskplan.platform.messaging.Envelope;
import dk.beskplan.platform.messaging.MessageHandler;
import jakarta.inject.Singleton;

/** The committee noted a status report: its round is done, and with the last round the plan's follow-up. */
@Singleton
class OnStatusReportNoted implements MessageHandler<StatusReportNoted> {
    private final StatusReports reports;

    OnStatusReportNoted(StatusReports reports) {
        this.reports = reports;
    }

    @Override
    public String module() {
        return FollowUpModule.MODULE.name();
    }

    @Override
    public Class<StatusReportNoted> messageType() {
        return StatusReportNoted.class;
    }

    @Override
    public void handle(StatusReportNoted noted, Envelope envelope) {
        reports.noted(noted, envelope);
    }
}
