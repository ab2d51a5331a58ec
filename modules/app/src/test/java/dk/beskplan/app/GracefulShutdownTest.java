package dk.beskplan.app;

import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.TestApp;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping an instance (SIGTERM, a rolling deploy) while people use it: the server stops taking requests and
 * finishes those under way before the rest of the application stops, so nobody gets a 500 for it — at most a
 * closed connection, which a load balancer retries on another instance (docs/operations.md, "Stopping").
 */
class GracefulShutdownTest {

    @Test
    void requestsDuringAStopAreAnsweredOrRefusedNeverFailed() throws Exception {
        assertThat(statusesWhileStopping(Map.of())).as("answers while the instance stopped")
                .containsKey("200").allSatisfy((status, count) -> assertThat(status).doesNotStartWith("5"));
    }

    /** Eight people with kept-alive connections asking for their plans while the instance stops; statuses counted. */
    static Map<String, AtomicInteger> statusesWhileStopping(Map<String, Object> overrides) throws Exception {
        TestApp app = TestApp.start(overrides);
        Fixtures.seedUsers(app);
        Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicBoolean stopped = new AtomicBoolean();
        List<Thread> people = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Api official = Fixtures.as(app, "a.official");
            Thread person = new Thread(() -> {
                while (!stopped.get()) {
                    String status;
                    try {
                        status = Integer.toString(official.get("/api/plans").status());
                    } catch (AssertionError e) {
                        // The test client checks every answer against the API description; a 500 has no body there.
                        status = e.getMessage().contains(" -> 5") ? "500" : e.getMessage().lines().findFirst().orElse("?");
                    } catch (RuntimeException e) {
                        status = "no connection";
                        pause();
                    }
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
            });
            person.start();
            people.add(person);
        }
        Thread.sleep(1_000);
        app.close();
        Thread.sleep(300);
        stopped.set(true);
        for (Thread person : people) {
            person.join();
        }
        return statuses;
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
