package dk.beskplan.contracts.followup;

import dk.beskplan.contracts.MessageContract;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.UUID;

/** Follow-up opened an approved plan's first status round, owned by a manager. */
@Serdeable
@MessageContract(type = "followup.follow-up-opened", version = 1)
public record FollowUpOpened(UUID planId, UUID roundId, LocalDate dueDate, String owner) {
}
