package dk.beskplan.contracts.followup;

import dk.beskplan.contracts.MessageContract;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The plan's follow-up is closed and nothing more is reported on it. {@code rounds} status rounds were held,
 * {@code reportsNoted} of them noted by the committee.
 * <p>
 * Version 2 adds {@code reason}: an official closed the follow-up once the plan period was over, with rounds not noted
 * (why, in their words). Null when it closed by itself because the committee noted the last round, as every version 1
 * message did.
 */
@Serdeable
@MessageContract(type = "followup.follow-up-closed", version = 2)
public record FollowUpClosed(UUID planId, String title, int fromYear, int toYear, LocalDate closedOn, int rounds,
                             int reportsNoted, @Nullable String reason) {
}
