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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Applies the delivered messages to a module: the inbox records and the handlers' state changes commit in one
 * transaction, and only then are the messages acknowledged. A message id seen before is acknowledged without running
 * the handlers again. The deliveries waiting at a module's consumer share one such transaction ({@link #processBatch},
 * docs/adr/0027 and docs/adr/0030).
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
     * Applies the deliveries waiting at a module's consumer (one or more), in their order, in one transaction: one inbox
     * insert for all of them, then the module's handlers (the archive's {@link EveryMessageHandler#handleAll}, each
     * message's {@link MessageHandler}); the consumer acknowledges them after its commit. Transient database failures
     * are retried with back-off (they say nothing about the messages, so they must not count towards their delivery
     * limit) until {@code stopping} says the application is shutting down. An unreadable body is dead-lettered and left
     * out. When the transaction fails for anything but a transient reason, nothing of it is kept and each message is
     * applied again on its own, in its own transaction, so a poison message is requeued (and dead-lettered at the
     * delivery limit) while the others are applied. One outcome per body, in the same order.
     */
    public List<Outcome> processBatch(ModuleDescriptor module, List<byte[]> bodies, BooleanSupplier stopping) {
        Outcome[] outcomes = new Outcome[bodies.size()];
        List<Integer> positions = new ArrayList<>();
        List<Envelope> envelopes = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            Envelope envelope = read(module, bodies.get(i));
            if (envelope == null) {
                outcomes[i] = Outcome.DEAD_LETTER;
            } else {
                positions.add(i);
                envelopes.add(envelope);
            }
        }
        Outcome together = envelopes.size() > 1 ? processTogether(module, envelopes, stopping) : null;
        for (int j = 0; j < envelopes.size(); j++) {
            outcomes[positions.get(j)] = together != null ? together : processOne(module, envelopes.get(j), stopping);
        }
        return Arrays.asList(outcomes);
    }

    /** The envelope, or null (counted, logged) when the body is not one: such a message can never be applied. */
    private Envelope read(ModuleDescriptor module, byte[] body) {
        try {
            return codec.read(body);
        } catch (IOException | RuntimeException e) {
            LOG.error("Module {}: unreadable message dead-lettered: {}", module.name(), e.toString());
            count(module, "dead_lettered");
            return null;
        }
    }

    private Outcome processOne(ModuleDescriptor module, Envelope envelope, BooleanSupplier stopping) {
        try {
            Optional<Boolean> applied = transactionally(module, envelope.messageId().toString(), () -> apply(module, envelope),
                    stopping);
            if (applied.isEmpty()) {
                count(module, "requeued");
                return Outcome.REQUEUE;
            }
            LOG.debug("Module {}: {} {} {}", module.name(), envelope.type(), envelope.messageId(),
                    applied.get() ? "applied" : "was a duplicate");
            count(module, applied.get() ? "applied" : "duplicate");
            return Outcome.ACK;
        } catch (RuntimeException e) {
            LOG.error("Module {}: handling {} {} failed; it is requeued and dead-lettered after the delivery limit",
                    module.name(), envelope.type(), envelope.messageId(), e);
            count(module, "requeued");
            return Outcome.REQUEUE;
        }
    }

    /**
     * All the envelopes in one transaction: ACK when it committed, REQUEUE when a transient failure met the shutdown,
     * null when it failed otherwise (then they are applied one at a time).
     */
    private Outcome processTogether(ModuleDescriptor module, List<Envelope> envelopes, BooleanSupplier stopping) {
        try {
            Optional<Integer> applied = transactionally(module, "a batch of " + envelopes.size() + " messages",
                    () -> applyAll(module, envelopes), stopping);
            if (applied.isEmpty()) {
                count(module, "requeued", envelopes.size());
                return Outcome.REQUEUE;
            }
            LOG.debug("Module {}: a batch of {} messages, {} applied", module.name(), envelopes.size(), applied.get());
            count(module, "applied", applied.get());
            count(module, "duplicate", envelopes.size() - applied.get());
            return Outcome.ACK;
        } catch (RuntimeException e) {
            LOG.warn("Module {}: a batch of {} messages failed ({}); applying them one at a time", module.name(),
                    envelopes.size(), e.toString());
            return null;
        }
    }

    /**
     * The work's result, in one transaction. Transient failures are retried with back-off; empty when one met the
     * shutdown. Any other failure is thrown.
     */
    private <T> Optional<T> transactionally(ModuleDescriptor module, String what, Supplier<T> work, BooleanSupplier stopping) {
        long backoff = 250;
        while (true) {
            try {
                return Optional.of(transactions.executeWrite(status -> work.get()));
            } catch (RuntimeException e) {
                if (!isTransient(e)) {
                    throw e;
                }
                if (stopping.getAsBoolean()) {
                    return Optional.empty();
                }
                LOG.warn("Module {}: transient failure on {}, retrying in {} ms: {}", module.name(), what, backoff, e.toString());
                if (!sleep(backoff)) {
                    return Optional.empty();
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
    }

    /** Messages consumed per module and outcome (docs/operations.md). */
    private void count(ModuleDescriptor module, String outcome) {
        count(module, outcome, 1);
    }

    private void count(ModuleDescriptor module, String outcome, int messages) {
        if (messages > 0) {
            Counter.builder("beskplan.messages.consumed").description("Messages delivered to a module, by what became of them")
                    .tag("module", module.name()).tag("outcome", outcome).register(metrics).increment(messages);
        }
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

    /**
     * The batch's inbox rows in one statement, then the handlers for the messages seen for the first time (a message
     * delivered twice in the batch counts once), in delivery order. Returns how many were applied.
     */
    private int applyAll(ModuleDescriptor module, List<Envelope> envelopes) {
        Map<UUID, Envelope> distinct = new LinkedHashMap<>();
        envelopes.forEach(e -> distinct.putIfAbsent(e.messageId(), e));
        String[] ids = distinct.keySet().stream().map(UUID::toString).toArray(String[]::new);
        String[] types = distinct.values().stream().map(Envelope::type).toArray(String[]::new);
        Set<UUID> fresh = new HashSet<>(sql.query("insert into " + module.table("inbox") + " (message_id, type)"
                + " select id, type from unnest(cast(? as uuid[]), cast(? as text[])) as m (id, type)"
                + " on conflict (message_id) do nothing returning message_id", rs -> rs.getObject(1, UUID.class), ids, types));
        List<Envelope> applied = distinct.values().stream().filter(e -> fresh.contains(e.messageId())).toList();
        if (applied.isEmpty()) {
            return 0;
        }
        EveryMessageHandler every = everyMessageHandlers.get(module.name());
        if (every != null) {
            every.handleAll(applied);
        }
        Map<String, MessageHandler<?>> handlers = handlersByModule.getOrDefault(module.name(), Map.of());
        for (Envelope envelope : applied) {
            MessageHandler<?> handler = handlers.get(envelope.type());
            if (handler != null) {
                dispatch(handler, envelope);
            }
        }
        return applied.size();
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
