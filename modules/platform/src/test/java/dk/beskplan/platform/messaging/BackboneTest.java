package dk.beskplan.platform.messaging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dk.beskplan.platform.outbox.Outbox;
import dk.beskplan.platform.persistence.Sql;
import dk.beskplan.platform.testing.Eventually;
import dk.beskplan.platform.testing.MessageProbe;
import dk.beskplan.platform.testing.TestApp;
import dk.beskplan.platform.testing.TestServices;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The message backbone against the real broker and database, with the test-only probe module. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackboneTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private TestApp app;
    private Connection rabbit;
    private Channel channel;
    private Sql sql;
    private TransactionOperations<java.sql.Connection> tx;
    private JsonCodec codec;

    @BeforeAll
    @SuppressWarnings("unchecked")
    void start() throws Exception {
        app = TestApp.start(Map.of("beskplan.test.probe-module", "true"));
        sql = app.bean(Sql.class);
        tx = app.bean(TransactionOperations.class);
        codec = app.bean(JsonCodec.class);
        Eventually.await(WAIT, "connected", () -> app.bean(MessagingRuntime.class).isConnected(), c -> c);
        rabbit = TestServices.get().rabbitFactory().newConnection("backbone-test");
        channel = rabbit.createChannel();
    }

    @AfterAll
    void stop() throws Exception {
        rabbit.close();
        app.close();
    }

    @Test
    void theSameMessageDeliveredTwiceIsAppliedOnce() throws Exception {
        Envelope envelope = envelope("twice");
        publish(envelope);
        publish(envelope);
        // The consumer handles deliveries in order: once the marker is applied, both copies were handled.
        publish(envelope("marker-after-twice"));
        Eventually.await(WAIT, "the marker applied", () -> applied("marker-after-twice"), n -> n == 1);
        assertThat(applied("twice")).isEqualTo(1);
        assertThat(count("select count(*) from probe.inbox where message_id = '" + envelope.messageId() + "'")).isEqualTo(1);
        assertThat(channel.queueDeclarePassive(app.namespace() + ".probe").getMessageCount()).isZero();
    }

    @Test
    void aMessageThatAlwaysFailsIsDeadLetteredAndTheNextOneIsStillProcessed() throws Exception {
        String deadLetters = app.namespace() + ".probe.dead-letters";
        int before = channel.queueDeclarePassive(deadLetters).getMessageCount();
        ProbeModule.POISON_ATTEMPTS.set(0);
        Envelope poison = envelope("poison");
        publish(poison);
        Eventually.await(WAIT, "the poison message in the dead-letter queue",
                () -> uncheckedCount(deadLetters), n -> n == before + 1);
        assertThat(ProbeModule.POISON_ATTEMPTS.get()).isGreaterThanOrEqualTo(3);
        // Its failed attempts left nothing behind: not in the inbox.
        assertThat(count("select count(*) from probe.inbox where message_id = '" + poison.messageId() + "'")).isZero();

        publish(envelope("good-after-poison"));
        Eventually.await(WAIT, "the next message applied", () -> applied("good-after-poison"), n -> n == 1);

        // Bytes that are not an envelope at all go to dead letters at once.
        channel.basicPublish(app.namespace() + ".events", "probe.message", null, "not json".getBytes(StandardCharsets.UTF_8));
        Eventually.await(WAIT, "the unreadable message dead-lettered", () -> uncheckedCount(deadLetters), n -> n == before + 2);
        var dead = channel.basicGet(deadLetters, true);
        assertThat(new String(dead.getBody(), StandardCharsets.UTF_8)).contains(poison.messageId().toString());
    }

    @Test
    void deliveriesWaitingTogetherAreAppliedInOneTransactionAndAPoisonOneAmongThemHoldsUpNoOther() throws Exception {
        String deadLetters = app.namespace() + ".probe.dead-letters";
        int deadBefore = channel.queueDeclarePassive(deadLetters).getMessageCount();
        ProbeModule.POISON_ATTEMPTS.set(0);

        // Three messages arrive while the consumer is busy with the one before them: applied together, in one transaction
        // (their rows in probe.applied were inserted by one transaction: the same xmin).
        whileTheConsumerIsHeld(List.of(envelope("together-1"), envelope("together-2"), envelope("together-3")));
        Eventually.await(WAIT, "the three applied", () -> count("select count(*) from probe.applied where text like 'together-%'"), n -> n == 3);
        assertThat(count("select count(distinct xmin::text) from probe.applied where text like 'together-%'")).isEqualTo(1);

        // A poison message among them: the batch is rolled back, then each is applied on its own; the poison message goes
        // to the dead letters after its delivery limit, the others are applied once each.
        whileTheConsumerIsHeld(List.of(envelope("beside-poison-1"), envelope("poison"), envelope("beside-poison-2")));
        Eventually.await(WAIT, "the poison message in the dead-letter queue", () -> uncheckedCount(deadLetters), n -> n == deadBefore + 1);
        Eventually.await(WAIT, "the other two applied", () -> count("select count(*) from probe.applied where text like 'beside-poison-%'"), n -> n == 2);
        assertThat(count("select count(*) from probe.applied where text like 'beside-poison-%'")).isEqualTo(2);
        assertThat(ProbeModule.POISON_ATTEMPTS.get()).isGreaterThanOrEqualTo(3);
        channel.basicGet(deadLetters, true);
    }

    /**
     * Publishes a first message and, while the probe's handler waits for the test's lock on probe.applied, the given
     * ones, so that they are waiting at the consumer together when the lock is released.
     */
    private void whileTheConsumerIsHeld(List<Envelope> waiting) throws Exception {
        TestServices services = TestServices.get();
        try (java.sql.Connection lock = java.sql.DriverManager.getConnection(
                app.context().getRequiredProperty("datasources.default.url", String.class), services.pgUser(), services.pgPassword())) {
            lock.setAutoCommit(false);
            lock.createStatement().execute("lock table probe.applied in exclusive mode");
            publish(envelope("held"));
            Eventually.await(WAIT, "the first delivery waiting for the lock", () -> count(
                    "select count(*) from pg_locks where not granted and relation = 'probe.applied'::regclass"), n -> n == 1);
            channel.confirmSelect();
            for (Envelope envelope : waiting) {
                publish(envelope);
            }
            channel.waitForConfirmsOrDie(WAIT.toMillis()); // in the queue; then none ready means all at the consumer
            Eventually.await(WAIT, "the messages delivered to the consumer", () -> uncheckedCount(app.namespace() + ".probe"), n -> n == 0);
            lock.rollback();
        }
    }

    @Test
    void messagesOfOnePlanArePublishedInTheOrderTheyWereWritten() {
        Outbox outbox = app.bean(Outbox.class);
        UUID planA = UUID.randomUUID();
        UUID planB = UUID.randomUUID();
        try (MessageProbe probe = app.probe()) {
            // Two transactions, interleaving two plans.
            for (int batch = 0; batch < 2; batch++) {
                int offset = batch * 25;
                tx.executeWrite(status -> {
                    for (int i = offset; i < offset + 25; i++) {
                        outbox.append(ProbeModule.MODULE, new ProbeModule.ProbeMessage("A" + i), MessageContext.byUser("t", "316", planA));
                        outbox.append(ProbeModule.MODULE, new ProbeModule.ProbeMessage("B" + i), MessageContext.byUser("t", "316", planB));
                    }
                    return null;
                });
            }
            Eventually.await(WAIT, "100 messages", () -> probe.all().size(), n -> n >= 100);
            for (UUID plan : List.of(planA, planB)) {
                List<Integer> order = new ArrayList<>();
                probe.all().stream().filter(m -> plan.toString().equals(m.planId()))
                        .forEach(m -> order.add(Integer.parseInt(((String) m.payload().get("text")).substring(1))));
                assertThat(order).hasSize(50).isSorted();
            }
        }
        Eventually.await(WAIT, "the outbox drained", () -> count("select count(*) from probe.outbox where published_at is null"), n -> n == 0);
    }

    private Envelope envelope(String text) {
        return new Envelope(UUID.randomUUID(), "probe.message", 1, Instant.now(), "316", UUID.randomUUID(), null, "test",
                codec.toTree(new ProbeModule.ProbeMessage(text)));
    }

    private void publish(Envelope envelope) throws Exception {
        AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().messageId(envelope.messageId().toString())
                .contentType("application/json").deliveryMode(2).build();
        channel.basicPublish(app.namespace() + ".events", envelope.type(), props, codec.write(envelope));
    }

    private int applied(String text) {
        return tx.executeRead(s -> sql.queryOne("select count(*) from probe.applied where text = ?", rs -> rs.getInt(1), text).orElseThrow());
    }

    private int count(String query) {
        return tx.executeRead(s -> sql.queryOne(query, rs -> rs.getInt(1)).orElseThrow());
    }

    private int uncheckedCount(String queue) {
        try {
            return channel.queueDeclarePassive(queue).getMessageCount();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
