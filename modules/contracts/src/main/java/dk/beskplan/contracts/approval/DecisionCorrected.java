package dk.beskplan.contracts.approval;

import dk.beskplan.contracts.MessageContract;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/**
 * A recorded decision was corrected: decisions are never edited, so the correction is a record of its own that
 * names the decision it corrects and why. Corrections fix how the decision was written down (protocol text,
 * members present, the vote); they do not change its outcome.
 */
@Serdeable
@MessageContract(type = "approval.decision-corrected", version = 1)
public record DecisionCorrected(UUID correctionId, UUID correctsDecisionId, @Nullable UUID planId, UUID meetingId,
                                String reason, String protocolText) {
}
