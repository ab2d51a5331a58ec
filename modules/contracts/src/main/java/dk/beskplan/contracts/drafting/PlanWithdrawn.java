package dk.beskplan.contracts.drafting;

import dk.beskplan.contracts.MessageContract;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/**
 * The administration took a submitted revision back before the committee decided on it; the plan is a draft
 * again. The committee's module takes it off any agenda that has not been held (the item stays, marked withdrawn).
 */
@Serdeable
@MessageContract(type = "drafting.plan-withdrawn", version = 1)
public record PlanWithdrawn(UUID planId, int revisionNumber, String title, @Nullable String reason) {
}
