package dk.beskplan.platform.outbox;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dk.beskplan.platform.ModuleDescriptor;
import dk.beskplan.platform.messaging.MessagingConfig;
import dk.beskplan.platform.persistence.Sql;
import io.micronaut.transaction.TransactionOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Publishes one module's outbox to the broker: with publisher confirms and the mandatory flag, marking a
 * row published only when the broker confirmed it and did not return it as unroutable.
 *
 * <p>Order: a batch holds at most one message per plan (the oldest unpublished one), so a plan's next
 * message is published only after the previous one was confirmed. Across app instances only one relay per
 * module works at a time (an advisory lock held for the batch's transaction).
 */
public final class OutboxRelay implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private record Row(long id, String messageId, String type, String orderingKey, String envelope) {
    }

    private final ModuleDescriptor module;
    private final MessagingConfig config;
    private final Sql sql;
    private final TransactionOperations<java.sql.Connection> transactions;
    private final Supplier<Connection> broker;
    private final Semaphore signal = new Semaphore(0);
    private final Set<String> returned = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;
    private Channel channel;

    public OutboxRelay(ModuleDescriptor module, MessagingConfig config, Sql sql,
                       TransactionOperations<java.sql.Connection> transactions, Supplier<Connection> broker) {
        this.module = module;
        this.config = config;
        this.sql = sql;
        this.transactions = transactions;
        this.broker = broker;
    }

    public String moduleName() {
        return module.name();
    }

    public void wake() {
        signal.release();
    }

    public void stop() {
        running = false;
        signal.release();
    }

    @Override
    public void run() {
        while (running) {
            try {
                signal.tryAcquire(config.getSweepInterval().toMillis(), TimeUnit.MILLISECONDS);
                signal.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                // Keep going while batches come back full: a backlog drains without waiting for sweeps.
                while (running && publishBatch() >= config.getRelayBatchSize()) {
                    Thread.onSpinWait();
                }
            } catch (Exception e) {
                LOG.warn("Relay {}: publishing failed, will retry: {}", module.name(), e.toString());
                closeChannel();
            }
        }
        closeChannel();
    }

    /** Publishes one batch; returns how many rows it picked. */
    int publishBatch() {
        Connection connection = broker.get();
        if (connection == null || !connection.isOpen()) {
            return 0;
        }
        return transactions.executeWrite(status -> {
            boolean mine = sql.queryOne("select pg_try_advisory_xact_lock(hashtext(?))",
                    rs -> rs.getBoolean(1), "beskplan.outbox." + module.name()).orElse(false);
            if (!mine) {
                return 0;
            }
            List<Row> batch = sql.query("select id, message_id, type, ordering_key, envelope from ("
                            + " select distinct on (ordering_key) id, message_id, type, ordering_key, envelope"
                            + " from " + module.table("outbox") + " where published_at is null"
                            + " order by ordering_key, id) heads order by id limit ?",
                    rs -> new Row(rs.getLong("id"), rs.getString("message_id"), rs.getString("type"),
                            rs.getString("ordering_key"), rs.getString("envelope")),
                    config.getRelayBatchSize());
            if (batch.isEmpty()) {
                return 0;
            }
            publish(connection, batch);
            List<Long> published = new ArrayList<>();
            List<Long> unroutable = new ArrayList<>();
            for (Row row : batch) {
                (returned.contains(row.messageId()) ? unroutable : published).add(row.id());
            }
            sql.update("update " + module.table("outbox") + " set published_at = now(), attempts = attempts + 1"
                    + " where id = any(?)", (Object) toArray(published));
            if (!unroutable.isEmpty()) {
                // No queue took it: a topology fault. The plan's later messages wait behind it, in order.
                LOG.error("Relay {}: {} message(s) unroutable, kept for retry", module.name(), unroutable.size());
                sql.update("update " + module.table("outbox") + " set attempts = attempts + 1,"
                        + " last_error = 'unroutable: no queue bound' where id = any(?)", (Object) toArray(unroutable));
            }
            return batch.size();
        });
    }

    private void publish(Connection connection, List<Row> batch) throws IOException, InterruptedException, TimeoutException {
        Channel ch = channel(connection);
        returned.clear();
        for (Row row : batch) {
            AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                    .messageId(row.messageId())
                    .type(row.type())
                    .correlationId(row.orderingKey())
                    .contentType("application/json")
                    .deliveryMode(2)
                    .appId("beskplan." + module.name())
                    .build();
            ch.basicPublish(config.eventsExchange(), row.type(), true, props, row.envelope().getBytes(StandardCharsets.UTF_8));
        }
        // Returns for unroutable messages arrive before their confirms, so `returned` is complete after this.
        if (!ch.waitForConfirms(config.getConfirmTimeout().toMillis())) {
            throw new IOException("broker did not confirm every message of the batch");
        }
    }

    private Channel channel(Connection connection) throws IOException {
        if (channel == null || !channel.isOpen()) {
            channel = connection.createChannel();
            channel.confirmSelect();
            channel.addReturnListener(ret -> returned.add(ret.getProperties().getMessageId()));
        }
        return channel;
    }

    private void closeChannel() {
        Channel ch = channel;
        channel = null;
        if (ch != null && ch.isOpen()) {
            try {
                ch.close();
            } catch (Exception ignored) {
                // The connection is going or gone; nothing to release.
            }
        }
    }

    private static long[] toArray(List<Long> ids) {
        return ids.stream().mapToLong(Long::longValue).toArray();
    }
}
