package dk.beskplan.platform.messaging;

import java.util.List;

/**
 * Receives every message published by any module (the module's queue is bound with {@code #}); used by
 * the archive, which keeps everything. Same transaction and failure rules as {@link MessageHandler}.
 *
 * <p>Its module consumes in batches: the deliveries waiting at the consumer are applied together, in one
 * transaction with their inbox rows, through {@link #handleAll} (docs/adr/0027).
 */
public interface EveryMessageHandler {

    String module();

    void handle(Envelope envelope);

    /**
     * Applies several messages in the order they were delivered, inside the caller's one transaction (each already
     * recorded in the inbox, none a duplicate). Throwing rolls back all of them; the consumer then applies them one at
     * a time, so that only a message that fails on its own is redelivered.
     */
    default void handleAll(List<Envelope> envelopes) {
        envelopes.forEach(this::handle);
    }
}
