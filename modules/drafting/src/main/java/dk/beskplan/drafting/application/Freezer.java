package dk.beskplan.drafting.application;

import dk.beskplan.contracts.drafting.PlanDocumentFrozen;
import dk.beskplan.platform.documents.DocumentRenderer;
import dk.beskplan.platform.domain.Hashes;
import jakarta.inject.Singleton;

/**
 * Renders the PDF of a revision about to be frozen, once, before the transaction that freezes it: the render takes a
 * second or more and must not hold the plan's row (docs/adr/0023-the-archive-holds-the-approved-bytes.md).
 */
@Singleton
public class Freezer {
    private final PlanDocuments documents;
    private final DocumentRenderer renderer;

    Freezer(PlanDocuments documents, DocumentRenderer renderer) {
        this.documents = documents;
        this.renderer = renderer;
    }

    /** For a person's request: in a render slot, or refused with 503 when the slots are full (nothing is frozen then). */
    public FrozenPdf render(PlanService.Document toFreeze) {
        PlanDocuments.Rendered rendered = documents.html(toFreeze);
        return frozen(toFreeze, rendered, renderer.pdf(rendered.html()));
    }

    /** For a message consumer, which must not fail on a busy moment: on the calling thread, outside the slots. */
    FrozenPdf renderHere(PlanService.Document toFreeze) {
        PlanDocuments.Rendered rendered = documents.html(toFreeze);
        return frozen(toFreeze, rendered, renderer.pdfHere(rendered.html()));
    }

    private static FrozenPdf frozen(PlanService.Document doc, PlanDocuments.Rendered rendered, byte[] pdf) {
        PlanDocumentFrozen.Kind kind = FrozenPdf.kindOf(doc.frozenAs());
        return new FrozenPdf(doc.plan().id(), doc.revision(), kind, doc.contentHash(), rendered.fileName() + ".pdf", pdf,
                Hashes.sha256Hex(pdf));
    }
}
