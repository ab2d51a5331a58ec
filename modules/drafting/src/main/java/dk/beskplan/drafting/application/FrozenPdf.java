package dk.beskplan.drafting.application;

import dk.beskplan.contracts.drafting.PlanDocumentFrozen;
import dk.beskplan.drafting.domain.Plan;

import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;

/**
 * A frozen revision's PDF as rendered once (docs/adr/0023-the-archive-holds-the-approved-bytes.md): the bytes, their
 * SHA-256, and what they are the PDF of.
 */
public record FrozenPdf(UUID planId, int revision, PlanDocumentFrozen.Kind kind, String contentHash, String fileName,
                        byte[] pdf, String sha256) {

    /** The message that takes these bytes to the archive. */
    PlanDocumentFrozen message(Plan plan, LocalDate frozenOn) {
        return new PlanDocumentFrozen(planId, plan.title(), plan.period().fromYear(), plan.period().toYear(), revision, kind,
                contentHash, fileName, PlanDocumentFrozen.PDF, sha256, Base64.getEncoder().encodeToString(pdf), frozenOn);
    }

    /** The kind of PDF a revision frozen as {@code frozenAs} is served as: a withdrawn revision's is the one submitted. */
    static PlanDocumentFrozen.Kind kindOf(String frozenAs) {
        return "APPROVED".equals(frozenAs) ? PlanDocumentFrozen.Kind.APPROVED : PlanDocumentFrozen.Kind.SUBMITTED;
    }
}
