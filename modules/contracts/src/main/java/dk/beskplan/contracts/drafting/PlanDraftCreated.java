package dk.beskplan.contracts.drafting;

import dk.beskplan.contracts.MessageContract;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An official created a new draft plan.
 * <p>
 * Version 2 adds {@code createdOn}: the business date, the day the draft was started (beside the envelope's time of
 * recording; they differ when a plan's history is brought in after the fact). Null in version 1 messages.
 */
@Serdeable
@MessageContract(type = "drafting.plan-draft-created", version = 2)
public record PlanDraftCreated(UUID planId, String title, int fromYear, int toYear, @Nullable String committeeName,
                               @Nullable LocalDate createdOn) {
}
