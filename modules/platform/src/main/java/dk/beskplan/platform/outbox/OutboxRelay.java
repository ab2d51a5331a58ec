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

    /** An outbox row at the head of its plan's queue; {@code queued}: how many of that plan's messages wait, itself included. */
    private record Row(long id, String messageId, String type, String orderingKey, String envelope, int queued) {
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
                // Keep going while more is waiting (a backlog, or a plan's next message, committed while the batch
                // before ran): it is published now, not after the next commit or sweep.
                while (running && publishBatch()) {
                    Thread.onSpinWait();
                }
            } catch (Exception e) {
                LOG.warn("Relay {}: publishing failed, will retry: {}", module.name(), e.toString());
                closeChannel();
            }
        }
        closeChannel();
    }

    /**
     * Publishes one batch; returns whether more is waiting: the batch was full, or a plan had messages queued behind
     * the one just published (a batch takes one per plan, to keep each plan's order).
     */
    boolean publishBatch() {
        Connection connection = broker.get();
        if (connection == null || !connection.isOpen()) {
            return false;
        }
        return transactions.executeWrite(status -> {
            boolean mine = sql.queryOne("select pg_try_advisory_xact_lock(hashtext(?))",
                    rs -> rs.getBoolean(1), "beskplan.outbox." + module.name()).orElse(false);
            if (!mine) {
                return false;
            }
            List<Row> batch = sql.query("select id, message_id, type, ordering_key, envelope, queued from ("
                            + " select distinct on (ordering_key) id, message_id, type, ordering_key, envelope,"
                            + " count(*) over (partition by ordering_key) as queued"
                            + " from " + module.table("outbox") + " where published_at is null"
                            + " order by ordering_key, id) heads order by id limit ?",
                    rs -> new Row(rs.getLong("id"), rs.getString("message_id"), rs.getString("type"),
                            rs.getString("ordering_key"), rs.getString("envelope"), rs.getInt("queued")),
                    config.getRelayBatchSize());
            if (batch.isEmpty()) {
                return false;
            }
            publish(connection, batch);
            List<Long> published = new ArrayList<>();
            List<Long> unroutable = new ArrayList<>();
            boolean more = false;
            for (Row row : batch) {
                boolean returnedAsUnroutable = returned.contains(row.messageId());
                (returnedAsUnroutable ? unroutable : published).add(row.id());
                // An unroutable head stays where it is, so what queues behind it must wait for a retry, not spin.
                more |= !returnedAsUnroutable && row.queued() > 1;
            }
            sql.update("update " + module.table("outbox") + " set published_at = now(), attempts = attempts + 1"
                    + " where id = any(?)", (Object) toArray(published));
            if (!unroutable.isEmpty()) {
                // No queue took it: a topology fault. The plan's later messages wait behind it, in order.
                LOG.error("Relay {}: {} message(s) unroutable, kept for retry", module.name(), unroutable.size());
                sql.update("update " + module.table("outbox") + " set attempts = attempts + 1,"
                        + " last_error = 'unroutable: no queue bound' where id = any(?)", (Object) toArray(unroutable));
            }
            return more || (!published.isEmpty() && batch.size() >= config.getRelayBatchSize());
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
