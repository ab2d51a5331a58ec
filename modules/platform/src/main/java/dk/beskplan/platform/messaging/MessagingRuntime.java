package dk.beskplan.platform.messaging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Address;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import com.rabbitmq.client.ShutdownSignalException;
import dk.beskplan.platform.ModuleDescriptor;
import dk.beskplan.platform.inbox.MessageProcessor;
import dk.beskplan.platform.outbox.OutboxRelay;
import dk.beskplan.platform.outbox.OutboxRelays;
import dk.beskplan.platform.persistence.Sql;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.rabbitmq.connect.RabbitConnectionFactoryConfig;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Owns the one broker connection: connects in the background (so the application starts while RabbitMQ
 * is down), declares the topology, runs one consumer per module and one outbox relay per module, and
 * shuts them down in order. After the first connect, the client's automatic recovery reconnects and
 * re-registers the consumers when the broker restarts.
 *
 * <p>Why our own loop and not {@code @RabbitListener}/{@code @RabbitClient}: see docs/adr/0002.
 */
@Context
@Requires(property = "beskplan.messaging.enabled", notEquals = "false")
public class MessagingRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(MessagingRuntime.class);

    private final ConnectionFactory factory;
    private final MessagingConfig config;
    private final List<ModuleDescriptor> modules;
    private final MessageProcessor processor;
    private final OutboxRelays relays;
    private final Sql sql;
    private final TransactionOperations<java.sql.Connection> transactions;

    private final List<OutboxRelay> relayTasks = new ArrayList<>();
    private final List<Thread> relayThreads = new ArrayList<>();
    private final Map<Channel, String> consumers = new HashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ExecutorService deliveryThreads;
    private final ExecutorService batchThreads;
    private volatile Connection connection;
    private volatile boolean stopping;
    private Thread connector;

    public MessagingRuntime(RabbitConnectionFactoryConfig factory, MessagingConfig config, List<ModuleDescriptor> modules,
                            MessageProcessor processor, OutboxRelays relays, Sql sql,
                            TransactionOperations<java.sql.Connection> transactions) {
        this.factory = factory;
        this.config = config;
        this.modules = modules;
        this.processor = processor;
        this.relays = relays;
        this.sql = sql;
        this.transactions = transactions;
        // The connection's delivery threads, one per module's consumer channel; they only queue each delivery for its
        // module's batch.
        this.deliveryThreads = Executors.newFixedThreadPool(Math.max(2, modules.size() + 1), named("beskplan-delivery"));
        // The modules' batches (one at a time per module), off the delivery threads, so a slow module never holds up another.
        this.batchThreads = Executors.newCachedThreadPool(named("beskplan-batch"));
    }

    @PostConstruct
    void start() {
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(config.getReconnectInterval().toMillis());
        for (ModuleDescriptor module : modules) {
            OutboxRelay relay = new OutboxRelay(module, config, sql, transactions, () -> connection);
            relays.register(relay);
            relayTasks.add(relay);
            Thread thread = new Thread(relay, "beskplan-relay-" + module.name());
            thread.setDaemon(true);
            thread.start();
            relayThreads.add(thread);
        }
        connector = new Thread(this::connectUntilUp, "beskplan-broker-connector");
        connector.setDaemon(true);
        connector.start();
    }

    /** True when connected and the topology is declared. */
    public boolean isConnected() {
        Connection c = connection;
        return c != null && c.isOpen();
    }

    public MessagingConfig config() {
        return config;
    }

    /** How many messages wait in the module's dead-letter queue; empty while the broker is away. */
    public java.util.OptionalLong deadLetterDepth(ModuleDescriptor module) {
        Connection c = connection;
        if (c == null || !c.isOpen()) {
            return java.util.OptionalLong.empty();
        }
        try (Channel ch = c.createChannel()) {
            return java.util.OptionalLong.of(ch.queueDeclarePassive(config.deadLetterQueue(module.name())).getMessageCount());
        } catch (IOException | java.util.concurrent.TimeoutException | RuntimeException e) {
            LOG.debug("Dead-letter depth of {} not readable: {}", module.name(), e.toString());
            return java.util.OptionalLong.empty();
        }
    }

    private void connectUntilUp() {
        boolean warned = false;
        while (!stopping && connection == null) {
            try {
                connect();
                LOG.info("Connected to RabbitMQ at {}, namespace '{}'", connection.getAddress().getHostAddress() + ":" + connection.getPort(),
                        config.getNamespace());
                relays.wakeAll();
            } catch (Exception e) {
                if (!warned) {
                    LOG.warn("RabbitMQ not reachable at {} ({}); retrying every {} — messages wait in the outboxes", brokers(),
                            e.toString(), config.getReconnectInterval());
                    warned = true;
                } else {
                    LOG.debug("RabbitMQ still not reachable: {}", e.toString());
                }
                sleep(config.getReconnectInterval().toMillis());
            }
        }
    }

    private String brokers() {
        return config.getBrokerAddresses().isEmpty() ? factory.getHost() + ":" + factory.getPort() : config.getBrokerAddresses();
    }

    private synchronized void connect() throws Exception {
        Connection c = config.getBrokerAddresses().isEmpty()
                ? factory.newConnection(deliveryThreads, "beskplan")
                : factory.newConnection(deliveryThreads, Address.parseAddresses(config.getBrokerAddresses()), "beskplan");
        try {
            // Kept open: automatic recovery re-declares the topology on the channel that declared it.
            declareTopology(c.createChannel());
            for (ModuleDescriptor module : modules) {
                startConsumer(c, module);
            }
        } catch (Exception e) {
            closeQuietly(c);
            throw e;
        }
        ((Recoverable) c).addRecoveryListener(new RecoveryListener() {
            @Override
            public void handleRecovery(Recoverable recoverable) {
                LOG.info("RabbitMQ connection recovered at {}; consumers resumed", c.getAddress().getHostAddress() + ":" + c.getPort());
                relays.wakeAll();
            }

            @Override
            public void handleRecoveryStarted(Recoverable recoverable) {
                LOG.warn("RabbitMQ connection lost; recovering");
            }
        });
        connection = c;
    }

    private void declareTopology(Channel ch) throws IOException {
        ch.exchangeDeclare(config.eventsExchange(), "topic", true);
        ch.exchangeDeclare(config.deadLetterExchange(), "direct", true);
        for (ModuleDescriptor module : modules) {
            String queue = config.queue(module.name());
            String deadLetters = config.deadLetterQueue(module.name());
            ch.queueDeclare(deadLetters, true, false, false, Map.of("x-queue-type", "quorum"));
            ch.queueBind(deadLetters, config.deadLetterExchange(), module.name());
            Map<String, Object> args = new HashMap<>();
            args.put("x-queue-type", "quorum");
            args.put("x-delivery-limit", config.getDeliveryLimit());
            args.put("x-dead-letter-exchange", config.deadLetterExchange());
            args.put("x-dead-letter-routing-key", module.name());
            // At-least-once dead-lettering: a poison message is never lost on its way to the dead-letter queue.
            args.put("x-dead-letter-strategy", "at-least-once");
            args.put("x-overflow", "reject-publish");
            ch.queueDeclare(queue, true, false, false, args);
            for (String key : processor.routingKeys(module)) {
                ch.queueBind(queue, config.eventsExchange(), key);
            }
        }
    }

    private void startConsumer(Connection c, ModuleDescriptor module) throws IOException {
        Channel ch = c.createChannel();
        ch.basicQos(config.getPrefetch());
        com.rabbitmq.client.Consumer consumer = new BatchConsumer(ch, module);
        String tag = ch.basicConsume(config.queue(module.name()), false, "beskplan-" + module.name(), consumer);
        synchronized (consumers) {
            consumers.put(ch, tag);
        }
    }

    private void channelLost(ModuleDescriptor module, ShutdownSignalException sig) {
        if (!stopping && !sig.isInitiatedByApplication()) {
            LOG.warn("Consumer of {} lost its channel: {}", module.name(), sig.getMessage());
        }
    }

    /** A delivery waiting to be applied with the others. */
    private record Waiting(long tag, byte[] body) {
    }

    /**
     * A module's consumer, which applies the deliveries waiting at it together (docs/adr/0027, docs/adr/0030): each
     * delivery is queued here, and one task at a time takes all that wait, applies them in one transaction
     * ({@link MessageProcessor#processBatch}) and settles them after its commit: one multiple-ack when all were applied,
     * else each by its outcome. A batch takes at most half the prefetch, so that the next deliveries keep arriving (and
     * gather for the following batch) while one is applied.
     */
    private final class BatchConsumer extends DefaultConsumer {
        private final ModuleDescriptor module;
        private final int maxBatch = Math.max(1, config.getPrefetch() / 2);
        private final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean draining = new AtomicBoolean();

        BatchConsumer(Channel channel, ModuleDescriptor module) {
            super(channel);
            this.module = module;
        }

        @Override
        public void handleDelivery(String consumerTag, com.rabbitmq.client.Envelope delivery, AMQP.BasicProperties properties,
                                   byte[] body) {
            inFlight.incrementAndGet();
            waiting.add(new Waiting(delivery.getDeliveryTag(), body));
            if (draining.compareAndSet(false, true)) {
                batchThreads.execute(this::drain);
            }
        }

        private void drain() {
            while (true) {
                List<Waiting> batch = new ArrayList<>();
                for (Waiting next; batch.size() < maxBatch && (next = waiting.poll()) != null; ) {
                    batch.add(next);
                }
                if (batch.isEmpty()) {
                    draining.set(false);
                    // A delivery queued between the last poll and the line above started no task of its own: take it here.
                    if (waiting.isEmpty() || !draining.compareAndSet(false, true)) {
                        return;
                    }
                    continue;
                }
                try {
                    settle(batch, processor.processBatch(module, batch.stream().map(Waiting::body).toList(), () -> stopping));
                } catch (IOException | RuntimeException e) {
                    // The channel is gone: the broker delivers the unacknowledged messages again, and the inbox knows them.
                    LOG.warn("Module {}: {} deliveries not settled: {}", module.name(), batch.size(), e.toString());
                } finally {
                    inFlight.addAndGet(-batch.size());
                }
            }
        }

        private void settle(List<Waiting> batch, List<MessageProcessor.Outcome> outcomes) throws IOException {
            Channel ch = getChannel();
            if (outcomes.stream().allMatch(MessageProcessor.Outcome.ACK::equals)) {
                // Every delivery up to the last one's tag is in this batch or settled before it.
                ch.basicAck(batch.get(batch.size() - 1).tag(), true);
                return;
            }
            for (int i = 0; i < batch.size(); i++) {
                long tag = batch.get(i).tag();
                switch (outcomes.get(i)) {
                    case ACK -> ch.basicAck(tag, false);
                    case REQUEUE -> ch.basicNack(tag, false, true);
                    case DEAD_LETTER -> ch.basicReject(tag, false);
                }
            }
        }

        @Override
        public void handleShutdownSignal(String consumerTag, ShutdownSignalException sig) {
            channelLost(module, sig);
        }
    }

    /** SIGTERM: stop taking deliveries, let in-flight ones finish, then stop relays and disconnect. */
    @PreDestroy
    void stop() {
        stopping = true;
        if (connector != null) {
            connector.interrupt();
        }
        synchronized (consumers) {
            consumers.forEach((ch, tag) -> {
                try {
                    if (ch.isOpen()) {
                        ch.basicCancel(tag);
                    }
                } catch (Exception e) {
                    LOG.debug("Cancel of {} failed: {}", tag, e.toString());
                }
            });
        }
        long deadline = System.nanoTime() + config.getShutdownTimeout().toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            sleep(50);
        }
        if (inFlight.get() > 0) {
            LOG.warn("{} message(s) still in flight at shutdown; the broker redelivers them", inFlight.get());
        }
        relayTasks.forEach(OutboxRelay::stop);
        for (Thread t : relayThreads) {
            try {
                t.join(config.getConfirmTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Connection c = connection;
        connection = null;
        if (c != null) {
            closeQuietly(c);
        }
        deliveryThreads.shutdown();
        batchThreads.shutdown();
        try {
            deliveryThreads.awaitTermination(5, TimeUnit.SECONDS);
            batchThreads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close(5_000);
        } catch (Exception ignored) {
            // already closed or broker gone
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
