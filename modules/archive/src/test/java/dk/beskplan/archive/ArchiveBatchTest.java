package dk.beskplan.archive;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import dk.beskplan.archive.application.Verification;
import dk.beskplan.archive.application.Verifier;
import dk.beskplan.platform.domain.Hashes;
import dk.beskplan.platform.messaging.Envelope;
import dk.beskplan.platform.messaging.JsonCodec;
import dk.beskplan.platform.messaging.MessagingRuntime;
import dk.beskplan.platform.testing.Eventually;
import dk.beskplan.platform.testing.TestApp;
import dk.beskplan.platform.testing.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The archive's consumer takes the deliveries waiting at it together (docs/adr/0027), through the real broker: they are
 * chained in one transaction in the order delivered, and a poison message among them is dead-lettered while the others
 * are applied. To make the deliveries wait, the test holds the chain's lock while they arrive.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchiveBatchTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The advisory lock that serialises appends (RecordRepository.CHAIN_LOCK, "archive" in ASCII). */
    private static final long CHAIN_LOCK = 0x61726368697665L;

    private TestApp app;
    private JsonCodec codec;
    private String url;
    /** The test's own channel to the broker (publishing, queue depths, the dead letters), opened per test. */
    private Channel channel;

    @BeforeAll
    void start() {
        app = TestApp.start(Map.of());
        codec = app.bean(JsonCodec.class);
        url = app.context().getRequiredProperty("datasources.default.url", String.class);
        Eventually.await(WAIT, "the archive's queue declared", () -> app.bean(MessagingRuntime.class).isConnected(), c -> c);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @BeforeEach
    void openChannel() throws Exception {
        channel = TestServices.get().rabbitFactory().newConnection("archive-batch-test").createChannel();
    }

    @AfterEach
    void closeChannel() throws Exception {
        channel.getConnection().close();
    }

    @Test
    void deliveriesWaitingTogetherAreChainedInOneTransactionInTheirOrder() throws Exception {
        UUID one = UUID.randomUUID();
        UUID two = UUID.randomUUID();
        List<Envelope> batch = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            batch.add(envelope(i % 2 == 0 ? one : two, "drafting.plan-draft-created", Map.of("title", "Plan " + i)));
        }
        // A frozen PDF among them: its bytes become a document of its record.
        batch.add(3, frozenPdf(one, Base64.getEncoder().encodeToString("%PDF-1.7 fire sider".getBytes(StandardCharsets.UTF_8))));

        deliverWhileTheChainIsHeld(batch);

        Eventually.await(WAIT, "the batch archived", () -> archived(batch), n -> n == batch.size());
        try (Connection c = connect(); var rs = c.createStatement().executeQuery("select message_id, xmin::text, prev_archive_hash,"
                + " record_hash, prev_plan_hash, plan_id from archive.record where message_id in (" + ids(batch) + ") order by seq")) {
            List<String> order = new ArrayList<>();
            List<String> transactions = new ArrayList<>();
            String previous = null;
            Map<UUID, String> planHeads = new java.util.HashMap<>();
            while (rs.next()) {
                order.add(rs.getString(1));
                transactions.add(rs.getString(2));
                if (previous != null) {
                    assertThat(rs.getString(3)).as("each record points to the one before it").isEqualTo(previous);
                }
                UUID plan = rs.getObject(6, UUID.class);
                if (planHeads.containsKey(plan)) {
                    assertThat(rs.getString(5)).as("and to its plan's one before it").isEqualTo(planHeads.get(plan));
                }
                previous = rs.getString(4);
                planHeads.put(plan, previous);
            }
            assertThat(order).as("chained in the order delivered")
                    .containsExactlyElementsOf(batch.stream().map(e -> e.messageId().toString()).toList());
            assertThat(transactions.stream().distinct().count()).as("in one transaction").isEqualTo(1);
        }
        assertThat(count("select count(*) from archive.document where bytes is not null and record_seq in (select seq from"
                + " archive.record where message_id = '" + batch.get(3).messageId() + "')")).isEqualTo(1);
        assertThat(count("select count(*) from archive.inbox where message_id in (" + ids(batch) + ")")).isEqualTo(batch.size());
        Verifier.Result all = app.bean(Verification.class).verify(null);
        assertThat(all.intact()).as(String.valueOf(all)).isTrue();
        assertThat(app.bean(Verification.class).verify(one).records()).isEqualTo(5);
    }

    @Test
    void aPoisonMessageInABatchIsDeadLetteredAndTheOthersAreApplied() throws Exception {
        String deadLetters = app.namespace() + ".archive.dead-letters";
        int deadBefore = channel.queueDeclarePassive(deadLetters).getMessageCount();
        UUID plan = UUID.randomUUID();
        List<Envelope> good = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            good.add(envelope(plan, "drafting.plan-draft-created", Map.of("title", "Plan " + i)));
        }
        // Its PDF is not base64: appending it fails every time.
        Envelope poison = frozenPdf(plan, "ikke base64!");
        List<Envelope> batch = new ArrayList<>(good);
        batch.add(3, poison);

        deliverWhileTheChainIsHeld(batch);

        Eventually.await(WAIT, "the good messages archived", () -> archived(good), n -> n == good.size());
        Eventually.await(WAIT, "the poison message dead-lettered", () -> messages(deadLetters), n -> n == deadBefore + 1);
        var dead = channel.basicGet(deadLetters, true);
        assertThat(new String(dead.getBody(), StandardCharsets.UTF_8)).contains(poison.messageId().toString());
        assertThat(archived(List.of(poison))).isZero();
        assertThat(count("select count(*) from archive.inbox where message_id = '" + poison.messageId() + "'")).isZero();
        try (Connection c = connect(); var rs = c.createStatement().executeQuery("select message_id from archive.record"
                + " where message_id in (" + ids(good) + ") order by seq")) {
            List<String> order = new ArrayList<>();
            while (rs.next()) {
                order.add(rs.getString(1));
            }
            assertThat(order).as("the others in the order delivered")
                    .containsExactlyElementsOf(good.stream().map(e -> e.messageId().toString()).toList());
        }
        Verifier.Result all = app.bean(Verification.class).verify(null);
        assertThat(all.intact()).as(String.valueOf(all)).isTrue();
    }

    /**
     * Holds the chain's lock while a first message and then {@code batch} are delivered, so that the consumer waits in
     * the first one's append and the batch gathers at it; lets go once the broker has handed every message over.
     */
    private void deliverWhileTheChainIsHeld(List<Envelope> batch) throws Exception {
        String queue = app.namespace() + ".archive";
        try (Connection holder = connect(); Statement st = holder.createStatement()) {
            st.execute("select pg_advisory_lock(" + CHAIN_LOCK + ")");
            publish(envelope(UUID.randomUUID(), "drafting.plan-draft-created", Map.of("title", "Først")));
            Eventually.await(WAIT, "the consumer waiting for the chain", this::waitingForTheChain, n -> n == 1);
            for (Envelope e : batch) {
                publish(e);
            }
            Eventually.await(WAIT, "every message handed to the consumer", () -> messages(queue), n -> n == 0);
            Thread.sleep(200);
        }
    }

    private Envelope envelope(UUID planId, String type, Map<String, Object> payload) {
        return new Envelope(UUID.randomUUID(), type, 1, Instant.now(), "316", planId, null, "a.official", codec.toTree(payload));
    }

    private Envelope frozenPdf(UUID planId, String base64) {
        return envelope(planId, "drafting.plan-document-frozen", Map.of("planId", planId.toString(), "title", "Beskæftigelsesplan 2026",
                "revisionNumber", 1, "kind", "SUBMITTED", "contentHash", "abc", "fileName", "plan.pdf",
                "mediaType", "application/pdf", "sha256", Hashes.sha256Hex(base64), "pdf", base64, "frozenOn", "2026-01-05"));
    }

    private void publish(Envelope envelope) throws Exception {
        AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().messageId(envelope.messageId().toString())
                .contentType("application/json").deliveryMode(2).build();
        channel.basicPublish(app.namespace() + ".events", envelope.type(), props, codec.write(envelope));
    }

    private int messages(String queue) {
        try {
            return channel.queueDeclarePassive(queue).getMessageCount();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private int waitingForTheChain() {
        return count("select count(*) from pg_locks where locktype = 'advisory' and not granted"
                + " and database = (select oid from pg_database where datname = current_database())"
                + " and objid = " + (CHAIN_LOCK & 0xffffffffL));
    }

    private int archived(List<Envelope> envelopes) {
        return count("select count(*) from archive.record where message_id in (" + ids(envelopes) + ")");
    }

    private static String ids(List<Envelope> envelopes) {
        return envelopes.stream().map(e -> "'" + e.messageId() + "'").collect(Collectors.joining(", "));
    }

    private int count(String query) {
        try (Connection c = connect(); var rs = c.createStatement().executeQuery(query)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "postgres", "");
    }
}
