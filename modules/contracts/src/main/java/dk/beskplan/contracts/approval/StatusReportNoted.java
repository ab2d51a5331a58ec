package dk.beskplan.contracts.approval;

import dk.beskplan.contracts.MessageContract;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.UUID;

/** The committee noted a status report ("taget til efterretning"), with any remarks: follow-up closes the round. */
@Serdeable
@MessageContract(type = "approval.status-report-noted", version = 1)
public record StatusReportNoted(UUID reportId, UUID planId, UUID meetingId, String decidingBody, LocalDate meetingDate,
                                @Nullable String remarks) {
}
