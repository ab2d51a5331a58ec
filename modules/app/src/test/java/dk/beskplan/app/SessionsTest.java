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

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions and tokens (issue 15, finding 7) over the API: my sessions and "log the others out", the cap on sessions per
 * user (the oldest ends), an administrator ending a user's sessions within their reach only, and a calendar feed that
 * dies with the manager role and with the account.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionsTest {
    private static final int CAP = 3;
    private TestApp app;

    @BeforeAll
    void start() {
        app = TestApp.start(Map.of("beskplan.security.session.max-per-user", CAP, "beskplan.followup.scheduler-enabled", false));
        Fixtures.seedUsers(app);
        UserAccounts users = app.bean(UserAccounts.class);
        users.save("a.admin", "A Admin", "a.admin@test.beskplan.dk", Fixtures.A, Set.of(Roles.LOCAL_ADMIN), Fixtures.PASSWORD);
        users.save("b.admin", "B Admin", "b.admin@test.beskplan.dk", Fixtures.B, Set.of(Roles.LOCAL_ADMIN), Fixtures.PASSWORD);
        users.save("admin", "System Admin", "admin@test.beskplan.dk", null, Set.of(Roles.ADMIN), Fixtures.PASSWORD);
        users.save("a.feedmanager", "Feed Manager", "a.feedmanager@test.beskplan.dk", Fixtures.A, Set.of(Roles.MANAGER), Fixtures.PASSWORD);
        users.save("a.leaver", "Leaving Manager", "a.leaver@test.beskplan.dk", Fixtures.A, Set.of(Roles.MANAGER), Fixtures.PASSWORD);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void iSeeMySessionsAndLogTheOthersOut() {
        Api laptop = Fixtures.as(app, "a.secretary");
        Api phone = Fixtures.as(app, "a.secretary");
        List<Map<String, Object>> mine = phone.get("/api/me/sessions").jsonList();
        assertThat(mine).hasSize(2);
        assertThat(mine).filteredOn(s -> Boolean.TRUE.equals(s.get("current"))).hasSize(1);
        assertThat(mine).allSatisfy(s -> assertThat(s).containsKeys("startedAt", "lastUsedAt")
                .extractingByKey("userAgent").asString().startsWith("Java-http-client"));

        Api.Response ended = phone.delete("/api/me/sessions");
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        assertThat(ended.json()).containsEntry("ended", 1);
        assertThat(laptop.get("/api/me").status()).as("the other session ended").isEqualTo(401);
        assertThat(phone.get("/api/me").status()).as("this one stays").isEqualTo(200);
        assertThat(phone.get("/api/me/sessions").jsonList()).hasSize(1).allSatisfy(s -> assertThat(s).containsEntry("current", true));
        // Without the CSRF header nothing ends.
        Api third = Fixtures.as(app, "a.secretary");
        phone.forgetCsrfToken();
        assertThat(phone.delete("/api/me/sessions").status()).isEqualTo(403);
        assertThat(third.get("/api/me").status()).isEqualTo(200);
        assertThat(app.api().get("/api/me/sessions").status()).isEqualTo(401);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndStrictAndALoginGoesNowhereElse() {
        Api.Response login = app.api().post("/api/login", Map.of("username", "b.secretary", "password", Fixtures.PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.header("Set-Cookie")).startsWith("BESKPLAN_SESSION=").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict").contains("Path=/");
        assertThat(login.body()).as("the session id travels in the cookie only").doesNotContain(login.header("Set-Cookie").split("[=;]")[1]);
        Api.Response away = app.api().postForm("/login", Map.of("username", "b.secretary", "password", Fixtures.PASSWORD,
                "next", "//evil.example/login"));
        assertThat(away.status()).isEqualTo(303);
        assertThat(away.header("Location")).isEqualTo("/");
    }

    @Test
    void aNewSessionBeyondTheCapEndsTheOldest() {
        Api first = Fixtures.as(app, "a.reader");
        List<Api> later = new java.util.ArrayList<>();
        for (int i = 0; i < CAP; i++) {
            later.add(Fixtures.as(app, "a.reader"));
        }
        assertThat(first.get("/api/me").status()).as("the oldest ended when the fourth began").isEqualTo(401);
        assertThat(later).allSatisfy(api -> assertThat(api.get("/api/me").status()).isEqualTo(200));
        assertThat(later.get(0).get("/api/me/sessions").jsonList()).hasSize(CAP);
    }

    @Test
    void anAdministratorEndsAUsersSessionsWithinTheirReachOnly() {
        Api official = Fixtures.as(app, "a.official");
        Api foreignAdmin = Fixtures.as(app, "b.admin");
        Api.Response foreign = foreignAdmin.delete("/api/admin/users/a.official/sessions");
        assertThat(foreign.status()).as("another municipality's user does not exist for B's administrator").isEqualTo(404);
        assertThat(foreign.header("Content-Type")).startsWith("application/problem+json");
        assertThat(foreignAdmin.get("/api/admin/users/a.official/sessions").status()).isEqualTo(404);
        assertThat(Fixtures.as(app, "a.manager").delete("/api/admin/users/a.official/sessions").status()).isEqualTo(403);
        assertThat(official.get("/api/me").status()).as("nothing ended").isEqualTo(200);

        Api localAdmin = Fixtures.as(app, "a.admin");
        assertThat(localAdmin.get("/api/admin/users/a.official/sessions").jsonList()).isNotEmpty()
                .allSatisfy(s -> assertThat(s).containsEntry("current", false));
        Api.Response ended = localAdmin.delete("/api/admin/users/a.official/sessions");
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        assertThat((Integer) ended.json().get("ended")).isPositive();
        assertThat(official.get("/api/me").status()).isEqualTo(401);
        assertThat(localAdmin.get("/api/admin/acts?user=a.official").jsonList()).extracting(a -> a.get("type"))
                .contains("administration.user-sessions-ended");

        // The system administrator reaches every municipality's users.
        Api bOfficial = Fixtures.as(app, "b.official");
        assertThat(Fixtures.as(app, "admin").delete("/api/admin/users/b.official/sessions").status()).isEqualTo(200);
        assertThat(bOfficial.get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void aCalendarFeedDiesWithTheManagerRole() {
        String feed = newFeed(Fixtures.as(app, "a.feedmanager"));
        Api anonymous = app.api();

        Api admin = Fixtures.as(app, "a.admin");
        Committee.check(admin.put("/api/admin/users/a.feedmanager/roles", Map.of("roles", List.of(Roles.READER),
                "version", version(admin, "a.feedmanager"))), 200);
        assertThat(anonymous.getAny(feed).status()).as("at once, checked at the request").isEqualTo(404);
        // And for good: follow-up forgets the address, so the role coming back does not revive it.
        Committee.check(admin.put("/api/admin/users/a.feedmanager/roles", Map.of("roles", List.of(Roles.MANAGER),
                "version", version(admin, "a.feedmanager"))), 200);
        Eventually.await(Duration.ofSeconds(20), "the old address forgotten", () -> anonymous.getAny(feed).status(), s -> s == 404);
        assertThat(newFeed(Fixtures.as(app, "a.feedmanager"))).as("a new address works").isNotEqualTo(feed);
    }

    @Test
    void aCalendarFeedDiesWithTheAccount() {
        Api manager = Fixtures.as(app, "a.leaver");
        String feed = newFeed(manager);
        Api anonymous = app.api();
        Api admin = Fixtures.as(app, "a.admin");
        Committee.check(admin.post("/api/admin/users/a.leaver/deactivation", Map.of("version", version(admin, "a.leaver"))), 200);
        assertThat(anonymous.getAny(feed).status()).isEqualTo(404);
        assertThat(manager.get("/api/me").status()).isEqualTo(401);
    }

    private static int version(Api admin, String username) {
        return ((Number) admin.get("/api/admin/users/" + username).json().get("version")).intValue();
    }

    private static String newFeed(Api manager) {
        Api.Response page = manager.postForm("/followup/opgaver/kalender", Map.of("_csrf", manager.csrfToken()));
        assertThat(page.status()).isEqualTo(200);
        Matcher address = Pattern.compile("https?://[^/<]+(/followup/kalender/[A-Za-z0-9_-]+\\.ics)").matcher(page.body());
        assertThat(address.find()).isTrue();
        assertThat(manager.getAny(address.group(1)).status()).as("the new address works").isEqualTo(200);
        return address.group(1);
    }
}
