package dk.beskplan.app;

import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.TestApp;
import dk.beskplan.platform.testing.TestServices;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database out of reach for a moment, as in a restart or a failover to the standby (docs/operations.md): a request
 * meanwhile is answered 503 with Retry-After, as problem+json to the API and as a Danish page to a person, never 500;
 * once the database takes connections again the same requests succeed, without restarting the application.
 */
class DatabaseOutageTest {

    @Test
    void aRequestWhileTheDatabaseIsOutOfReachIs503AndTheSameRequestSucceedsAfterwards() {
        // The pool gives up on a new connection after 1.5 s instead of 30 s, so the test does not wait long.
        try (TestApp app = TestApp.start(Map.of("datasources.default.connection-timeout", 1500))) {
            Fixtures.seedUsers(app);
            Api official = Fixtures.as(app, "a.official");
            String planId = Fixtures.createPlan(official, Fixtures.A);
            assertThat(official.get("/api/plans/" + planId).status()).isEqualTo(200);

            String database = app.jdbcUrl().substring(app.jdbcUrl().lastIndexOf('/') + 1);
            TestServices services = TestServices.get();
            services.adminSql("alter database " + database + " allow_connections false");
            try {
                services.adminSql("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");

                Api.Response api = official.get("/api/plans/" + planId);
                assertThat(api.status()).as(api.body()).isEqualTo(503);
                assertThat(api.header("Content-Type")).startsWith("application/problem+json");
                assertThat(api.header("Retry-After")).isEqualTo("5");
                assertThat(api.json()).containsEntry("title", "Prøv igen om lidt")
                        .containsEntry("detail", "Databasen kunne ikke nås lige nu.");

                Api.Response page = official.getPage("/plans/" + planId);
                assertThat(page.status()).as(page.body()).isEqualTo(503);
                assertThat(page.header("Content-Type")).startsWith("text/html");
                assertThat(page.body()).contains("<html lang=\"da\"").contains("Fejlkode 503")
                        .contains("Databasen kunne ikke nås lige nu").doesNotContain("Exception");
            } finally {
                services.adminSql("alter database " + database + " allow_connections true");
            }

            Api.Response again = official.get("/api/plans/" + planId);
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(official.getPage("/plans/" + planId).status()).isEqualTo(200);
        }
    }
}
