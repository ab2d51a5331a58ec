package dk.beskplan.contracts.drafting;

import dk.beskplan.contracts.MessageContract;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import dk.beskplan.plandocument.PlanDocument;
import java.util.UUID;

/**
 * A draft was frozen and sent to the committee. The revision number and content hash identify exactly
 * what the committee is asked to decide on.
 * <p>
 * Version 2 adds {@code document}: the submitted plan document itself (docs/plan-document.md), so that the
 * committee's module can attach it to the agenda and apply amendments to exactly that text, and the
 * archive keeps it, without asking drafting. Version 1 messages have no document (null).
 * <p>
 * Version 3 adds {@code submittedOn}: the business date, the day the plan was sent to the committee (beside the
 * envelope's time of recording). Null in older messages.
 */
@Serdeable
@MessageContract(type = "drafting.plan-submitted", version = 3)
public record PlanSubmitted(UUID planId, String title, int fromYear, int toYear, @Nullable String committeeName,
                            int revisionNumber, String contentHash, String submittedBy,
                            @Nullable PlanDocument document, @Nullable LocalDate submittedOn) {
}
