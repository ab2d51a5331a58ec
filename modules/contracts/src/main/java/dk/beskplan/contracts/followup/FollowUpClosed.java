package dk.beskplan.contracts.followup;

import dk.beskplan.contracts.MessageContract;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The plan period is over and the committee has noted the last status report: the plan's follow-up is closed and
 * nothing more is reported on it. {@code rounds} status rounds were held, {@code reportsNoted} of them noted.
 */
@Serdeable
@MessageContract(type = "followup.follow-up-closed", version = 1)
public record FollowUpClosed(UUID planId, String title, int fromYear, int toYear, LocalDate closedOn, int rounds,
                             int reportsNoted) {
}
