package dk.beskplan.contracts.drafting;

import dk.beskplan.contracts.MessageContract;
import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/**
 * A draft was frozen and sent to the committee. The revision number and content hash identify exactly
 * what the committee is asked to decide on.
 */
@Serdeable
@MessageContract(type = "drafting.plan-submitted", version = 1)
public record PlanSubmitted(UUID planId, String title, int fromYear, int toYear, String committeeName,
                            int revisionNumber, String contentHash, String submittedBy) {
}
