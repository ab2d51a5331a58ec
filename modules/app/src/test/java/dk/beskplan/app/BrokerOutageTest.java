package dk.beskplan.app;

import dk.beskplan.platform.messaging.MessagingRuntime;
import dk.beskplan.platform.persistence.Sql;
import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.Eventually;
import dk.beskplan.platform.testing.MessageProbe;
import dk.beskplan.platform.testing.TcpProxy;
import dk.beskplan.platform.testing.TestApp;
import dk.beskplan.platform.testing.TestServices;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker is unreachable (cut by a proxy between the app and RabbitMQ): the application still starts,
 * state changes wait in the outboxes, and everything is delivered, once, when the broker is back.
 */
class BrokerOutageTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void startsWithoutTheBrokerAndCatchesUpWhenItComes() throws Exception {
        TestServices services = TestServices.get();
        try (TcpProxy proxy = new TcpProxy(services.rabbitHost(), services.rabbitPort(), false);
             TestApp app = TestApp.start(Map.of("rabbitmq.port", proxy.port()))) {
            Fixtures.seedUsers(app);
            assertThat(app.bean(MessagingRuntime.class).isConnected()).isFalse();

            // While the broker is unreachable the official can still work; the messages wait in the outbox.
            Api official = Fixtures.as(app, "a.official");
            String planId = Fixtures.createPlan(official, Fixtures.A);
            assertThat(official.post("/api/plans/" + planId + "/submit", Map.of()).status()).isEqualTo(200);
            // Created, submitted, and the submitted revision's PDF once rendered; none of them published.
            Eventually.await(WAIT, "three messages waiting", () -> unpublished(app, "drafting"), n -> n == 3);
            Thread.sleep(1000);
            assertThat(unpublished(app, "drafting")).isEqualTo(3);

            try (MessageProbe probe = app.probe()) {
                proxy.restore();
                probe.await("drafting.plan-submitted", planId, WAIT);
                Api secretary = Fixtures.as(app, "a.secretary");
                new Committee(secretary).approve(planId);
                probe.await("followup.follow-up-opened", planId, WAIT);
                Eventually.await(WAIT, "approved in drafting", () -> official.get("/api/plans/" + planId).json(),
                        p -> "APPROVED".equals(p.get("state")));
                List<Map<String, Object>> timeline = Eventually.await(WAIT, "the whole timeline archived",
                        () -> official.get("/api/archive/plans/" + planId + "/timeline").jsonList(), t -> t.size() == 8);
                assertThat(timeline).extracting(e -> e.get("type")).containsExactlyInAnyOrder("drafting.plan-draft-created",
                        "drafting.plan-submitted", "drafting.plan-document-frozen", "approval.plan-placed-on-agenda",
                        "approval.plan-decision-recorded", "drafting.plan-approved", "drafting.plan-document-frozen",
                        "followup.follow-up-opened");
                assertThat(timeline).extracting(e -> e.get("messageId")).doesNotHaveDuplicates();
                assertThat(unpublished(app, "drafting")).isZero();
                // Exactly one copy of each message was published.
                assertThat(probe.all().stream().filter(m -> planId.equals(m.planId())).map(MessageProbe.Seen::messageId))
                        .doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void aChangeMadeDuringAnOutageIsPublishedAfterIt() throws Exception {
        TestServices services = TestServices.get();
        try (TcpProxy proxy = new TcpProxy(services.rabbitHost(), services.rabbitPort(), true);
             TestApp app = TestApp.start(Map.of("rabbitmq.port", proxy.port()));
             MessageProbe probe = app.probe()) {
            Fixtures.seedUsers(app);
            Eventually.await(WAIT, "connected", () -> app.bean(MessagingRuntime.class).isConnected(), c -> c);
            Api official = Fixtures.as(app, "a.official");

            proxy.cut();
            String planId = Fixtures.createPlan(official, Fixtures.A);
            Thread.sleep(1500);
            assertThat(probe.all()).noneMatch(m -> planId.equals(m.planId()));
            assertThat(unpublished(app, "drafting")).isEqualTo(1);

            proxy.restore();
            probe.await("drafting.plan-draft-created", planId, WAIT);
            Eventually.await(WAIT, "outbox drained", () -> unpublished(app, "drafting"), n -> n == 0);
        }
    }

    /**
     * A plan's messages go out in order, one per relay batch; when several of one plan waited for the broker, the
     * relay goes on with the next at once instead of leaving it for the next commit or sweep (an hour here).
     */
    @Test
    void aPlansWaitingMessagesGoOutTogetherWhenTheBrokerIsBack() throws Exception {
        TestServices services = TestServices.get();
        try (TcpProxy proxy = new TcpProxy(services.rabbitHost(), services.rabbitPort(), false);
             TestApp app = TestApp.start(Map.of("rabbitmq.port", proxy.port(), "beskplan.messaging.sweep-interval", "1h"))) {
            Fixtures.seedUsers(app);
            Api official = Fixtures.as(app, "a.official");
            String planId = Fixtures.createPlan(official, Fixtures.A);
            assertThat(official.post("/api/plans/" + planId + "/submit", Map.of()).status()).isEqualTo(200);
            Eventually.await(WAIT, "three messages of the plan waiting", () -> unpublished(app, "drafting"), n -> n == 3);

            try (MessageProbe probe = app.probe()) {
                proxy.restore();
                Eventually.await(Duration.ofSeconds(10), "all three published", () -> unpublished(app, "drafting"), n -> n == 0);
                assertThat(probe.await("drafting.plan-document-frozen", planId, WAIT)).isNotNull();
            }
        }
    }

    static int unpublished(TestApp app, String module) {
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> tx = app.bean(TransactionOperations.class);
        Sql sql = app.bean(Sql.class);
        return tx.executeRead(s -> sql.queryOne("select count(*) from " + module + ".outbox where published_at is null",
                rs -> rs.getInt(1)).orElseThrow());
    }
}
