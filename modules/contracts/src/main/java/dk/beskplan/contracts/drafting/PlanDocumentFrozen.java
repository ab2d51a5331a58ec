package dk.beskplan.contracts.drafting;

import dk.beskplan.contracts.MessageContract;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A plan revision was frozen and its PDF rendered, once: the submitted revision when it was submitted
 * ({@link Kind#SUBMITTED}), the approved version when the final decision was applied ({@link Kind#APPROVED}). The
 * message carries the PDF itself, so the archive keeps exactly the file drafting serves from then on
 * (docs/adr/0023-the-archive-holds-the-approved-bytes.md).
 * <p>
 * {@code pdf} is the file's bytes in base64 (RFC 4648, with padding, no line breaks); {@code sha256} is the SHA-256 of
 * those bytes (not of the base64 text), lower-case hex. {@code contentHash} is the plan document's content hash of the
 * revision (as in {@code drafting.plan-submitted} and {@code drafting.plan-approved}); {@code fileName} the name the
 * plan's PDF is served under; {@code frozenOn} the business date (the day of the submission or of the decision).
 * A reference plan's PDF is a few hundred kB; the broker's limit is far above any plan within the plan limits
 * (docs/operations.md, "Message size").
 */
@Serdeable
@MessageContract(type = "drafting.plan-document-frozen", version = 1)
public record PlanDocumentFrozen(UUID planId, String title, int fromYear, int toYear, int revisionNumber, Kind kind,
                                 String contentHash, String fileName, String mediaType, String sha256, String pdf,
                                 LocalDate frozenOn) {

    /** Why the revision was frozen. */
    public enum Kind {
        SUBMITTED,
        APPROVED
    }

    public static final String PDF = "application/pdf";
}
