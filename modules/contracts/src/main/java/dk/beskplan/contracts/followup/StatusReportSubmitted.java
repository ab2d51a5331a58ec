package dk.beskplan.contracts.followup;

import dk.beskplan.contracts.MessageContract;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A status report was compiled and goes to the committee to be noted. {@code reportHtml} is the report as
 * rendered (the agenda item's attachment); {@code summary} a few lines for the case presentation.
 * <p>
 * Version 2 adds {@code measuredOn}: the business date of the report, the latest day its figures were measured on
 * (beside the envelope's time of recording). Null when nothing in it was measured, and in version 1 messages.
 */
@Serdeable
@MessageContract(type = "followup.status-report-submitted", version = 2)
public record StatusReportSubmitted(UUID reportId, UUID planId, String planTitle, String roundLabel, LocalDate dueDate,
                                    @Nullable String summary, @Nullable String reportHtml, String submittedBy,
                                    @Nullable LocalDate measuredOn) {
}
