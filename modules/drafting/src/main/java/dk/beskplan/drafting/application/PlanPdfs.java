package dk.beskplan.drafting.application;

import dk.beskplan.contracts.drafting.PlanDocumentFrozen;
import dk.beskplan.drafting.DraftingModule;
import dk.beskplan.drafting.domain.Plan;
import dk.beskplan.platform.documents.DocumentRenderer;
import dk.beskplan.platform.documents.RenderBusy;
import dk.beskplan.platform.domain.Hashes;
import dk.beskplan.platform.outbox.Outbox;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The plan's PDFs. A draft's is rendered on request. A frozen revision's is rendered once
 * (docs/adr/0023-the-archive-holds-the-approved-bytes.md): by {@link FrozenPdfQueue}'s worker soon after it was
 * frozen, or by the first person who asks before that; stored with its SHA-256 and sent to the archive in
 * drafting.plan-document-frozen in one transaction, and served as those bytes from then on (a withdrawn revision's is
 * the one submitted).
 */
@Singleton
public class PlanPdfs {
    private static final Logger LOG = LoggerFactory.getLogger(PlanPdfs.class);
    private static final int BATCH = 10;

    private final PlanDocuments documents;
    private final DocumentRenderer renderer;
    private final FrozenDocumentRepository frozen;
    private final FrozenPdfRepository legacy;
    private final PlanRepository plans;
    private final PlanTexts texts;
    private final Outbox outbox;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    PlanPdfs(PlanDocuments documents, DocumentRenderer renderer, FrozenDocumentRepository frozen, FrozenPdfRepository legacy,
             PlanRepository plans, PlanTexts texts, Outbox outbox, TransactionOperations<Connection> transactions, Clock clock) {
        this.documents = documents;
        this.renderer = renderer;
        this.frozen = frozen;
        this.legacy = legacy;
        this.plans = plans;
        this.texts = texts;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The PDF of a rendered revision: a draft's now, a frozen one's as rendered once. */
    public byte[] pdf(PlanDocuments.Rendered rendered) {
        if (!rendered.frozen()) {
            return renderer.pdf(rendered.html());
        }
        PlanDocumentFrozen.Kind kind = FrozenPdf.kindOf(rendered.frozenAs());
        Optional<FrozenPdf> stored = transactions.executeRead(status -> frozen.find(rendered.planId(), rendered.revision(), kind));
        if (stored.isPresent()) {
            return stored.get().pdf();
        }
        Optional<FrozenDocumentRepository.Request> pending = transactions.executeRead(
                status -> frozen.pending(rendered.planId(), rendered.revision(), kind));
        if (pending.isPresent()) {
            return renderOnce(pending.get());
        }
        // Frozen before drafting kept the frozen PDFs (its migration V7): rendered once, on first request.
        return renderer.pdfOnce("drafting:" + rendered.planId() + ":" + rendered.revision(),
                () -> transactions.executeRead(status -> legacy.find(rendered.planId(), rendered.revision())),
                rendered::html,
                pdf -> transactions.executeWrite(status -> legacy.insert(rendered.planId(), rendered.revision(), pdf,
                        clock.instant())));
    }

    /**
     * The worker's pass: renders the requested PDFs, oldest first, while {@code running}. A render refused because the
     * slots are full waits for the next pass; a failing one is counted and, after a few, left for an operator.
     */
    void renderRequested(BooleanSupplier running) {
        while (running.getAsBoolean()) {
            var batch = transactions.executeRead(status -> frozen.pending(BATCH));
            for (FrozenDocumentRepository.Request request : batch) {
                if (!running.getAsBoolean()) {
                    return;
                }
                try {
                    renderAndStore(request);
                } catch (RenderBusy busy) {
                    if (busy.outOfMemory()) {
                        failed(request, busy);
                    }
                    return; // the slots are full (or the heap was): the next pass tries again
                } catch (RuntimeException e) {
                    failed(request, e);
                }
            }
            if (batch.size() < BATCH) {
                return;
            }
        }
    }

    private void failed(FrozenDocumentRepository.Request request, RuntimeException e) {
        int attempts = transactions.executeWrite(status -> frozen.failed(request));
        LOG.error("Plan {} revision {}: the {} PDF could not be rendered (attempt {} of {})", request.planId(),
                request.revision(), request.kind(), attempts, FrozenDocumentRepository.MAX_ATTEMPTS, e);
    }

    /**
     * Renders a requested PDF once however many ask at the same moment, stores it and sends it to the archive in one
     * transaction, and answers the bytes kept (another instance may have stored its rendering first).
     */
    private byte[] renderOnce(FrozenDocumentRepository.Request request) {
        renderAndStore(request);
        return transactions.executeRead(status -> frozen.find(request.planId(), request.revision(), request.kind()))
                .orElseThrow().pdf();
    }

    /** As {@link #renderOnce}, for the worker, which needs no bytes back: no reading them again. */
    private void renderAndStore(FrozenDocumentRepository.Request request) {
        PlanService.Document document = transactions.executeRead(status -> {
            Plan plan = plans.find(request.planId()).orElseThrow();
            PlanRepository.Revision revision = plans.revision(request.planId(), request.revision()).orElseThrow();
            return new PlanService.Document(plan, request.revision(), texts.stored(revision.content()), revision.contentHash(),
                    request.kind().name());
        });
        PlanDocuments.Rendered rendered = documents.html(document);
        renderer.pdfOnce("drafting:frozen:" + request.planId() + ":" + request.revision() + ":" + request.kind(),
                () -> transactions.executeRead(status -> frozen.find(request.planId(), request.revision(), request.kind())
                        .map(FrozenPdf::pdf)),
                rendered::html,
                pdf -> store(request, document.plan(), new FrozenPdf(request.planId(), request.revision(), request.kind(),
                        request.contentHash(), rendered.fileName() + ".pdf", pdf, Hashes.sha256Hex(pdf))));
    }

    private void store(FrozenDocumentRepository.Request request, Plan plan, FrozenPdf pdf) {
        transactions.executeWrite(status -> {
            if (frozen.complete(pdf, clock.instant())) {
                outbox.append(DraftingModule.MODULE, pdf.message(plan, request.frozenOn()), request.context());
            }
            return null;
        });
    }
}
