package dk.beskplan.contracts.followup;

import dk.beskplan.contracts.MessageContract;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An official closed a status round as "ikke fulgt op": a historic round from before the plan was followed up here, or
 * an abandoned one. {@code reason} says why; {@code missing} of its {@code tasks} criteria had no status. The round asks
 * for nothing more; {@code closedOn} is the day it was closed.
 */
@Serdeable
@MessageContract(type = "followup.round-not-followed-up", version = 1)
public record RoundNotFollowedUp(UUID planId, UUID roundId, String roundLabel, LocalDate dueDate, int tasks, int missing,
                                 String reason, LocalDate closedOn) {
}
