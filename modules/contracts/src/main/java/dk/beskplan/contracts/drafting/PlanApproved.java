package dk.beskplan.contracts.drafting;

import dk.beskplan.contracts.MessageContract;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import dk.beskplan.plandocument.PlanDocument;
import java.util.UUID;

/**
 * A plan is finally approved and in force: drafting froze the approved version and publishes it. The message
 * carries the approved document itself (docs/plan-document.md) with its content hash, so that follow-up can build
 * its status rounds from the goals and success criteria, and the archive can keep the approved version as it was,
 * without asking drafting.
 * <p>
 * {@code approvedRevision} is drafting's revision number of the approved version: the submitted revision, or a new
 * revision holding the text with the committee's amendments ({@code amended}). {@code decisionId} is the decision
 * that put it in force, {@code decidingBody} the committee or council that made it, on {@code approvedOn}.
 */
@Serdeable
@MessageContract(type = "drafting.plan-approved", version = 1)
public record PlanApproved(UUID planId, String title, int fromYear, int toYear, @Nullable String committeeName,
                           int approvedRevision, int submittedRevision, boolean amended, String contentHash,
                           PlanDocument document, UUID decisionId, String decidingBody, LocalDate approvedOn) {
}
