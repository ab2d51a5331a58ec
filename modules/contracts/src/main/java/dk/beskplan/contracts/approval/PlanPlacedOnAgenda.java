package dk.beskplan.contracts.approval;

import dk.beskplan.contracts.MessageContract;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.UUID;

/** The secretary put a submitted plan on a meeting's agenda ({@code late}: after the meeting's submission deadline). */
@Serdeable
@MessageContract(type = "approval.plan-placed-on-agenda", version = 1)
public record PlanPlacedOnAgenda(UUID planId, int revisionNumber, UUID meetingId, String decidingBody,
                                 LocalDate meetingDate, boolean late) {
}
