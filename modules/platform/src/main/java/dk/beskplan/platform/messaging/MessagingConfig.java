package dk.beskplan.platform.messaging;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * Names and limits of the message backbone. All names derive from one namespace so that a test run
 * (or a second installation on the same broker) uses its own exchanges and queues.
 */
@ConfigurationProperties("beskplan.messaging")
public class MessagingConfig {
    private String namespace = "beskplan";
    /** Deliveries before a quorum queue dead-letters a message. */
    private int deliveryLimit = 10;
    /** Unacknowledged deliveries a module's consumer holds at once. */
    private int prefetch = 20;
    /** How often the relay looks for messages the wake-up after commit did not publish. */
    private Duration sweepInterval = Duration.ofSeconds(2);
    /**
     * How long the client waits between attempts to reach the broker: at most this long passes between the broker's
     * return and the outboxes draining (an attempt a second costs nothing while the broker is away).
     */
    private Duration reconnectInterval = Duration.ofSeconds(1);
    private Duration confirmTimeout = Duration.ofSeconds(10);
    /** How long shutdown waits for in-flight messages before the broker takes them back. */
    private Duration shutdownTimeout = Duration.ofSeconds(20);
    private int relayBatchSize = 200;
    /**
     * The broker's nodes as {@code host:port,host:port} (a RabbitMQ cluster); empty: the one node of
     * {@code rabbitmq.host}/{@code rabbitmq.port}. The client tries them in random order and, when its node goes,
     * recovers its connection, channels and consumers on another (docs/operations.md, "Topology").
     */
    private String brokerAddresses = "";

    public String eventsExchange() {
        return namespace + ".events";
    }

    public String deadLetterExchange() {
        return namespace + ".dead-letters";
    }

    public String queue(String module) {
        return namespace + "." + module;
    }

    public String deadLetterQueue(String module) {
        return namespace + "." + module + ".dead-letters";
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public int getDeliveryLimit() {
        return deliveryLimit;
    }

    public void setDeliveryLimit(int deliveryLimit) {
        this.deliveryLimit = deliveryLimit;
    }

    public int getPrefetch() {
        return prefetch;
    }

    public void setPrefetch(int prefetch) {
        this.prefetch = prefetch;
    }

    public Duration getSweepInterval() {
        return sweepInterval;
    }

    public void setSweepInterval(Duration sweepInterval) {
        this.sweepInterval = sweepInterval;
    }

    public Duration getReconnectInterval() {
        return reconnectInterval;
    }

    public void setReconnectInterval(Duration reconnectInterval) {
        this.reconnectInterval = reconnectInterval;
    }

    public Duration getConfirmTimeout() {
        return confirmTimeout;
    }

    public void setConfirmTimeout(Duration confirmTimeout) {
        this.confirmTimeout = confirmTimeout;
    }

    public Duration getShutdownTimeout() {
        return shutdownTimeout;
    }

    public void setShutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    public int getRelayBatchSize() {
        return relayBatchSize;
    }

    public void setRelayBatchSize(int relayBatchSize) {
        this.relayBatchSize = relayBatchSize;
    }

    public String getBrokerAddresses() {
        return brokerAddresses;
    }

    public void setBrokerAddresses(String brokerAddresses) {
        this.brokerAddresses = brokerAddresses == null ? "" : brokerAddresses.trim();
    }
}
