package dk.beskplan.contracts.drafting;

import dk.beskplan.contracts.MessageContract;
import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/** An official created a new draft plan. */
@Serdeable
@MessageContract(type = "drafting.plan-draft-created", version = 1)
public record PlanDraftCreated(UUID planId, String title, int fromYear, int toYear, String committeeName) {
}
