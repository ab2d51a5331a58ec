package dk.beskplan.contracts.approval;

import dk.beskplan.contracts.MessageContract;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The secretary put a submitted plan on a meeting's agenda ({@code late}: after the meeting's submission deadline).
 * <p>
 * Version 2 adds {@code placedOn}: the business date, the day it was placed on the agenda (the meeting is on
 * {@code meetingDate}). Null in version 1 messages.
 */
@Serdeable
@MessageContract(type = "approval.plan-placed-on-agenda", version = 2)
public record PlanPlacedOnAgenda(UUID planId, int revisionNumber, UUID meetingId, String decidingBody,
                                 LocalDate meetingDate, boolean late, @Nullable LocalDate placedOn) {
}
