package dk.beskplan.drafting.application;

import dk.beskplan.platform.work.PeriodicWorker;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;

/**
 * The frozen revisions whose PDF is still to be rendered (docs/adr/0023-the-archive-holds-the-approved-bytes.md).
 * Freezing a revision only records the request, in the freezing transaction, so that a submission answers at once
 * and the decision's consumer does not wait a second for a PDF. One background thread per instance renders the
 * requests, one at a time, woken after the freezing commit and on a sweep (requests of an instance that stopped,
 * renders refused on a busy moment), so that PDF rendering never takes more than one of the render slots
 * people's downloads share.
 */
@Singleton
public class FrozenPdfQueue implements ApplicationEventListener<ServerStartupEvent> {
    private final FrozenDocumentRepository requests;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final PeriodicWorker worker;

    FrozenPdfQueue(FrozenDocumentRepository requests, TransactionOperations<Connection> transactions, Clock clock,
                   Provider<PlanPdfs> pdfs, @Value("${beskplan.drafting.frozen-pdf-sweep:10s}") Duration sweep) {
        this.requests = requests;
        this.transactions = transactions;
        this.clock = clock;
        // A provider: the PDFs service renders through the plan's documents, which need the plan service, which
        // requests PDFs here.
        this.worker = new PeriodicWorker("frozen-pdfs", sweep, () -> pdfs.get().renderRequested(this::running));
    }

    /** Records the request in the caller's transaction; the worker starts on it once that transaction commits. */
    void request(FrozenDocumentRepository.Request request) {
        requests.request(request, clock.instant());
        transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("a frozen PDF is requested in the freezing transaction"))
                .registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        worker.wake();
                    }
                });
    }

    private boolean running() {
        return worker.running();
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        worker.start();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.stop(Duration.ofSeconds(30));
    }
}
