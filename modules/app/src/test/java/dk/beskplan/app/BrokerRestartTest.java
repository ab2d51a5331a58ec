package dk.beskplan.app;

import dk.beskplan.platform.messaging.MessagingRuntime;
import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.Eventually;
import dk.beskplan.platform.testing.MessageProbe;
import dk.beskplan.platform.testing.TestApp;
import dk.beskplan.platform.testing.TestServices;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RabbitMQ itself is stopped and started ({@code rabbitmqctl stop_app / start_app}): the running
 * application's consumers and relays resume on their own, without a restart of the application.
 */
class BrokerRestartTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void consumersResumeAfterABrokerRestart() throws Exception {
        TestServices services = TestServices.get();
        try (TestApp app = TestApp.start()) {
            Fixtures.seedUsers(app);
            MessagingRuntime runtime = app.bean(MessagingRuntime.class);
            Eventually.await(WAIT, "connected", runtime::isConnected, c -> c);
            Api official = Fixtures.as(app, "a.official");
            String planId = Fixtures.createPlan(official, Fixtures.A);

            services.rabbitmqctl("stop_app");
            try {
                Eventually.await(WAIT, "the app to notice", runtime::isConnected, c -> !c);
                // A state change while the broker is down waits in the outbox.
                assertThat(official.post("/api/plans/" + planId + "/submit", Map.of()).status()).isEqualTo(200);
            } finally {
                services.rabbitmqctl("start_app");
                services.rabbitmqctl("await_startup");
            }

            Eventually.await(WAIT, "reconnected", runtime::isConnected, c -> c);
            try (MessageProbe probe = app.probe()) {
                Api secretary = Fixtures.as(app, "a.secretary");
                new Committee(secretary).approve(planId);
                probe.await("followup.follow-up-opened", planId, WAIT);
                Eventually.await(WAIT, "approved in drafting", () -> official.get("/api/plans/" + planId).json(),
                        p -> "APPROVED".equals(p.get("state")));
                Eventually.await(WAIT, "archived", () -> official.get("/api/archive/plans/" + planId + "/timeline").jsonList(),
                        t -> t.size() == 8); // created, submitted, its PDF, on the agenda, decided, in force, its PDF, follow-up
            }
        }
    }
}
