package dk.beskplan.app;

import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.Eventually;
import dk.beskplan.platform.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operations (docs/operations.md): Prometheus metrics at /prometheus for a bearer token or the system administrator,
 * health details for the system administrator only, every other management endpoint off (never a 500).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsTest {
    private static final String TOKEN = "scrape-token-for-the-test";
    private TestApp app;

    @BeforeAll
    void start() {
        app = TestApp.start(Map.of("beskplan.metrics.token", TOKEN));
        Fixtures.seedUsers(app);
        app.bean(UserAccounts.class).save("admin", "Admin", "admin@test.beskplan.dk", null, Set.of(Roles.ADMIN), Fixtures.PASSWORD);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void otherManagementEndpointsAreOffForEveryone() {
        List<Api> users = List.of(app.api(), Fixtures.as(app, "a.reader"), Fixtures.as(app, "a.official"), Fixtures.as(app, "admin"));
        for (String endpoint : List.of("/beans", "/routes", "/info", "/threaddump", "/env", "/loggers", "/refresh", "/caches", "/metrics")) {
            for (Api user : users) {
                Api.Response response = user.get(endpoint);
                assertThat(response.status()).as(endpoint).isEqualTo(404);
                assertThat(response.header("Content-Type")).as(endpoint).startsWith("application/problem+json");
            }
        }
    }

    @Test
    void healthShowsDetailsToTheSystemAdministratorOnly() {
        for (Api user : List.of(app.api(), Fixtures.as(app, "a.reader"), Fixtures.as(app, "a.official"))) {
            Api.Response health = user.get("/health");
            // 503 while the broker is still being connected to (a loaded machine): the shape is the point here.
            assertThat(health.status()).isIn(200, 503);
            assertThat(health.json()).containsKey("status").doesNotContainKey("details");
            assertThat(health.body()).doesNotContain("jdbc:", "postgres", "diskSpace");
        }
        Api.Response forAdmin = Fixtures.as(app, "admin").get("/health");
        assertThat(forAdmin.status()).isIn(200, 503);
        assertThat(forAdmin.json()).containsKey("details");
        assertThat(forAdmin.body()).contains("jdbc:postgresql", "diskSpace");
    }

    @Test
    void prometheusForTheTokenOrTheSystemAdministrator() {
        Api official = Fixtures.as(app, "a.official");
        // Some traffic and some messages, so route timings and consumed messages show.
        official.get("/api/me");
        assertThat(Fixtures.createPlan(official, Fixtures.A)).isNotBlank();

        assertThat(scrape(null).statusCode()).as("anonymous").isEqualTo(401);
        assertThat(scrape("wrong-token").statusCode()).as("a wrong token").isEqualTo(401);
        assertThat(official.get("/prometheus").status()).as("an official").isEqualTo(403);
        assertThat(Fixtures.as(app, "a.reader").get("/prometheus").status()).as("a reader").isEqualTo(403);
        assertThat(Fixtures.as(app, "admin").getAny("/prometheus").status()).as("the system administrator").isEqualTo(200);

        String metrics = Eventually.await(Duration.ofSeconds(30), "the new plan's message consumed by the archive", () -> body(scrape(TOKEN)),
                body -> body.contains("beskplan_messages_consumed_total{module=\"archive\",outcome=\"applied\"}"));
        assertThat(scrape(TOKEN).headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(metrics)
                .contains("http_server_requests_seconds_count{", "uri=\"/api/plans/import\"", "uri=\"/api/me\"")
                .contains("beskplan_outbox_backlog{module=\"drafting\"}")
                .contains("beskplan_outbox_oldest_unpublished_age_seconds{module=\"drafting\"}")
                .contains("beskplan_messaging_dead_letters{module=\"approval\"} 0.0")
                .contains("beskplan_mail_sent_total{module=\"followup\"}")
                .contains("beskplan_mail_failed_total{module=\"followup\"}")
                .contains("beskplan_reminders_sent_total{kind=\"reminder\"}")
                .contains("beskplan_login_attempts_total{outcome=\"success\"}").contains("beskplan_login_attempts_total{outcome=\"throttled\"}")
                .contains("jvm_memory_used_bytes");
    }

    private static String body(HttpResponse<String> response) {
        return response.body();
    }

    private HttpResponse<String> scrape(String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url() + "/prometheus")).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
