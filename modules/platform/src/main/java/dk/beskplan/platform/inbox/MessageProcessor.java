package dk.beskplan.platform.inbox;

import dk.beskplan.platform.ModuleDescriptor;
import dk.beskplan.platform.messaging.Envelope;
import dk.beskplan.platform.messaging.EveryMessageHandler;
import dk.beskplan.platform.messaging.JsonCodec;
import dk.beskplan.platform.messaging.MessageHandler;
import dk.beskplan.platform.messaging.MessageTypes;
import dk.beskplan.platform.persistence.Sql;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * Applies one delivered message to one module: the inbox record and the handlers' state changes commit in
 * one transaction, and only then is the message acknowledged. A message id seen before is acknowledged
 * without running the handlers again.
 */
@Singleton
public class MessageProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(MessageProcessor.class);
    private static final long MAX_BACKOFF_MS = 15_000;

    /** What the consumer does with the delivery afterwards. */
    public enum Outcome {
        /** Applied now, or applied before: acknowledge. */
        ACK,
        /** Failed: return it to the queue; the queue's delivery limit dead-letters it eventually. */
        REQUEUE,
        /** Cannot ever be read: dead-letter it at once. */
        DEAD_LETTER
    }

    private final Sql sql;
    private final JsonCodec codec;
    private final TransactionOperations<Connection> transactions;
    private final Map<String, Map<String, MessageHandler<?>>> handlersByModule = new HashMap<>();
    private final Map<String, EveryMessageHandler> everyMessageHandlers = new HashMap<>();
    private final MeterRegistry metrics;

    public MessageProcessor(Sql sql, JsonCodec codec, TransactionOperations<Connection> transactions,
                            List<MessageHandler<?>> handlers, List<EveryMessageHandler> everyMessage, MeterRegistry metrics) {
        this.metrics = metrics;
        this.sql = sql;
        this.codec = codec;
        this.transactions = transactions;
        for (MessageHandler<?> handler : handlers) {
            String type = MessageTypes.typeOf(handler.messageType());
            var previous = handlersByModule.computeIfAbsent(handler.module(), m -> new HashMap<>()).put(type, handler);
            if (previous != null) {
                throw new IllegalStateException("Two handlers for " + type + " in module " + handler.module());
            }
        }
        everyMessage.forEach(h -> everyMessageHandlers.put(h.module(), h));
    }

    /** The routing keys a module's queue is bound with: its handled types, or everything. */
    public Set<String> routingKeys(ModuleDescriptor module) {
        if (everyMessageHandlers.containsKey(module.name())) {
            return Set.of("#");
        }
        return new TreeSet<>(handlersByModule.getOrDefault(module.name(), Map.of()).keySet());
    }

    /**
     * Applies the message. Transient database failures are retried here with back-off (they say nothing
     * about the message, so they must not count towards its delivery limit) until {@code stopping} says
     * the application is shutting down.
     */
    public Outcome process(ModuleDescriptor module, byte[] body, BooleanSupplier stopping) {
        Envelope envelope;
        try {
            envelope = codec.read(body);
        } catch (IOException | RuntimeException e) {
            LOG.error("Module {}: unreadable message dead-lettered: {}", module.name(), e.toString());
            count(module, "dead_lettered");
            return Outcome.DEAD_LETTER;
        }
        long backoff = 250;
        while (true) {
            try {
                boolean applied = transactions.executeWrite(status -> apply(module, envelope));
                LOG.debug("Module {}: {} {} {}", module.name(), envelope.type(), envelope.messageId(),
                        applied ? "applied" : "was a duplicate");
                count(module, applied ? "applied" : "duplicate");
                return Outcome.ACK;
            } catch (RuntimeException e) {
                if (isTransient(e) && !stopping.getAsBoolean()) {
                    LOG.warn("Module {}: transient failure on {}, retrying in {} ms: {}", module.name(),
                            envelope.messageId(), backoff, e.toString());
                    if (!sleep(backoff)) {
                        count(module, "requeued");
                        return Outcome.REQUEUE;
                    }
                    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
                    continue;
                }
                LOG.error("Module {}: handling {} {} failed; it is requeued and dead-lettered after the delivery limit",
                        module.name(), envelope.type(), envelope.messageId(), e);
                count(module, "requeued");
                return Outcome.REQUEUE;
            }
        }
    }

    /** Messages consumed per module and outcome (docs/operations.md). */
    private void count(ModuleDescriptor module, String outcome) {
        Counter.builder("beskplan.messages.consumed").description("Messages delivered to a module, by what became of them")
                .tag("module", module.name()).tag("outcome", outcome).register(metrics).increment();
    }

    private boolean apply(ModuleDescriptor module, Envelope envelope) {
        int fresh = sql.update("insert into " + module.table("inbox") + " (message_id, type) values (?, ?)"
                + " on conflict (message_id) do nothing", envelope.messageId(), envelope.type());
        if (fresh == 0) {
            return false;
        }
        EveryMessageHandler every = everyMessageHandlers.get(module.name());
        if (every != null) {
            every.handle(envelope);
        }
        MessageHandler<?> handler = handlersByModule.getOrDefault(module.name(), Map.of()).get(envelope.type());
        if (handler != null) {
            dispatch(handler, envelope);
        }
        return true;
    }

    private <T> void dispatch(MessageHandler<T> handler, Envelope envelope) {
        int readable = MessageTypes.contractOf(handler.messageType()).version();
        if (envelope.schemaVersion() > readable) {
            throw new IllegalStateException("Module " + handler.module() + " reads " + envelope.type() + " up to v"
                    + readable + ", got v" + envelope.schemaVersion());
        }
        handler.handle(codec.payload(envelope, handler.messageType()), envelope);
    }

    /** Connection trouble, failover, serialization conflicts: worth retrying without blaming the message. */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sqlException && sqlException.getSQLState() != null) {
                String state = sqlException.getSQLState();
                if (state.startsWith("08") || state.equals("40001") || state.equals("40P01")
                        || state.equals("57P01") || state.equals("57P03")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
