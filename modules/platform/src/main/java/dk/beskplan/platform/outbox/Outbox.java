package dk.beskplan.platform.outbox;

import dk.beskplan.contracts.MessageContract;
import dk.beskplan.platform.ModuleDescriptor;
import dk.beskplan.platform.messaging.Envelope;
import dk.beskplan.platform.messaging.JsonCodec;
import dk.beskplan.platform.messaging.MessageContext;
import dk.beskplan.platform.messaging.MessageTypes;
import dk.beskplan.platform.persistence.Sql;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.util.UUID;

/**
 * Writes a message to the sending module's outbox in the caller's transaction, so the message exists
 * exactly when the state change that caused it does. The relay publishes it after the commit.
 */
@Singleton
public class Outbox {
    private final Sql sql;
    private final JsonCodec codec;
    private final TransactionOperations<Connection> transactions;
    private final OutboxRelays relays;
    private final Clock clock;

    public Outbox(Sql sql, JsonCodec codec, TransactionOperations<Connection> transactions, OutboxRelays relays,
                  Clock clock) {
        this.sql = sql;
        this.codec = codec;
        this.transactions = transactions;
        this.relays = relays;
        this.clock = clock;
    }

    /** Records {@code message} for publication; must be called inside the module's transaction. */
    public Envelope append(ModuleDescriptor module, Object message, MessageContext context) {
        var status = transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("Outbox.append needs a transaction"));
        MessageContract contract = MessageTypes.contractOf(message.getClass());
        Envelope envelope = new Envelope(UUID.randomUUID(), contract.type(), contract.version(), clock.instant(),
                context.municipality(), context.planId(), context.causationId(), context.actor(),
                codec.toTree(message));
        sql.update("insert into " + module.table("outbox")
                        + " (message_id, type, ordering_key, envelope, created_at) values (?, ?, ?, ?, ?)",
                envelope.messageId(), envelope.type(), envelope.orderingKey(),
                new String(codec.write(envelope), StandardCharsets.UTF_8), envelope.occurredAt());
        // Publish right after the commit instead of waiting for the next sweep.
        status.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relays.wake(module.name());
            }
        });
        return envelope;
    }
}
