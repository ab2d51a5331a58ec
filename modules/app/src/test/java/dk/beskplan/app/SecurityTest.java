package dk.beskplan.app;

import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security baseline: tenants, roles, CSRF and origins, sessions, security headers, and errors that name the field.
 * Login throttling: LoginThrottlingTest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityTest {
    private TestApp app;

    @BeforeAll
    void start() {
        app = TestApp.start();
        Fixtures.seedUsers(app);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void anotherMunicipalitysPlanIsInvisibleAndUntouchable() {
        String planId = Fixtures.createPlan(Fixtures.as(app, "a.official"), Fixtures.A);
        Api b = Fixtures.as(app, "b.official");
        assertThat(b.get("/api/plans/" + planId).status()).isEqualTo(404);
        assertThat(b.post("/api/plans/" + planId + "/submit", Map.of()).status()).isEqualTo(404);
        assertThat(b.get("/api/plans").jsonList()).extracting(p -> p.get("id")).doesNotContain(planId);
        assertThat(b.get("/api/archive/plans/" + planId + "/timeline").status()).isEqualTo(404);
        // B's official cannot create a plan for A either.
        Api.Response forA = b.post("/api/plans", Fixtures.newPlan(Fixtures.A));
        assertThat(forA.status()).isEqualTo(400);
        assertThat(forA.json().get("errors").toString()).contains("municipality");
        // A is unchanged.
        assertThat(Fixtures.as(app, "a.official").get("/api/plans/" + planId).json()).containsEntry("state", "DRAFT");
    }

    @Test
    void aRoleWithoutTheRightIsForbidden() {
        Api reader = Fixtures.as(app, "a.reader");
        assertThat(reader.post("/api/plans", Fixtures.newPlan(Fixtures.A)).status()).isEqualTo(403);
        Api official = Fixtures.as(app, "a.official");
        assertThat(official.get("/api/approval/inbox").status()).isEqualTo(403);
        assertThat(official.get("/api/approval/inbox").header("Content-Type")).startsWith("application/problem+json");
        assertThat(app.api().get("/api/plans").status()).isEqualTo(401);
    }

    @Test
    void aFormPostWithoutItsCsrfTokenIsRefused() {
        Api official = Fixtures.as(app, "a.official");
        assertThat(official.postForm("/logout", Map.of()).status()).isEqualTo(403);
        assertThat(official.postForm("/logout", Map.of("_csrf", "forged")).status()).isEqualTo(403);
        // Still logged in: the refused logout changed nothing.
        assertThat(official.get("/api/me").status()).isEqualTo(200);
        // A JSON call without the header is refused too, and creates nothing.
        Api noHeader = Fixtures.as(app, "a.official");
        noHeader.forgetCsrfToken();
        assertThat(noHeader.post("/api/plans", Fixtures.newPlan(Fixtures.A)).status()).isEqualTo(403);
        assertThat(official.postForm("/logout", Map.of("_csrf", official.csrfToken())).status()).isEqualTo(303);
    }

    @Test
    void afterLogoutTheOldSessionIsRefused() {
        Api official = Fixtures.as(app, "a.official");
        assertThat(official.get("/api/plans").status()).isEqualTo(200);
        assertThat(official.post("/api/logout", Map.of()).status()).isEqualTo(204);
        assertThat(official.get("/api/plans").status()).isEqualTo(401);
    }

    @Test
    void everyLoginStartsANewSession() {
        Api first = Fixtures.as(app, "a.manager");
        String token = first.csrfToken();
        first.login("a.manager", Fixtures.PASSWORD);
        assertThat(first.csrfToken()).isNotEqualTo(token);
    }

    @Test
    void badInputNamesTheFieldAndChangesNothing() {
        Api official = Fixtures.as(app, "a.official");
        int before = official.get("/api/plans").jsonList().size();
        Api.Response blank = official.post("/api/plans", Map.of("municipality", "316", "fromYear", 2026, "toYear", 2026, "title", "", "committeeName", "U"));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.header("Content-Type")).startsWith("application/problem+json");
        assertThat(blank.json().get("errors").toString()).contains("field=title");
        Api.Response wrongType = official.postRaw("/api/plans", "{\"municipality\":\"316\",\"fromYear\":\"abc\",\"toYear\":2026,\"title\":\"T\",\"committeeName\":\"U\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        Api.Response period = official.post("/api/plans", Map.of("municipality", "316", "fromYear", 2026, "toYear", 2024, "title", "T", "committeeName", "U"));
        assertThat(period.status()).isEqualTo(400);
        assertThat(period.json().get("errors").toString()).contains("field=toYear");
        assertThat(official.postRaw("/api/plans", "{not json").status()).isEqualTo(400);
        assertThat(official.get("/api/plans/not-a-uuid").status()).isEqualTo(400);
        assertThat(official.get("/api/plans").jsonList()).hasSize(before);
    }

    @Test
    void pagesNeedALoginAndTheLoginPageIsDanish() {
        Api anonymous = app.api();
        Api.Response home = anonymous.getPage("/");
        assertThat(home.status()).isEqualTo(303);
        assertThat(home.header("Location")).startsWith("/login");
        Api.Response login = anonymous.getPage("/login");
        assertThat(login.body()).contains("lang=\"da\"").contains("Adgangskode");
        Api.Response wrong = anonymous.postForm("/login", Map.of("username", "a.official", "password", "forkert-forkert"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).contains("Forkert brugernavn eller adgangskode");
        Api.Response ok = anonymous.postForm("/login", Map.of("username", "a.official", "password", Fixtures.PASSWORD, "next", "/"));
        assertThat(ok.status()).isEqualTo(303);
        assertThat(anonymous.getPage("/").body()).contains("A Official");
    }

    // ---- issue 15, finding 6: a login's "next" and single-line fields ----

    @Test
    void aLoginNextThatIsNotALocalPathLeadsToTheFrontPageNeverA500() {
        for (String next : List.of("/\u0001", "/plan\r\nSet-Cookie: x=1", "https://evil.example/", "//evil.example/x", "/\\evil.example",
                "/ space", "javascript:alert(1)", "/%0d%0a")) {
            Api anonymous = app.api();
            Api.Response wrong = anonymous.postForm("/login", Map.of("username", "a.official", "password", "forkert-forkert", "next", next));
            assertThat(wrong.status()).as("wrong password, next " + next).isEqualTo(401);
            assertThat(wrong.header("Set-Cookie")).as("no session for a failed login").isNull();
            Api.Response ok = anonymous.postForm("/login", Map.of("username", "a.official", "password", Fixtures.PASSWORD, "next", next));
            assertThat(ok.status()).as("next " + next).isEqualTo(303);
            String location = ok.header("Location");
            assertThat(location).as("next " + next).isIn("/", "/%0d%0a");
            assertThat(anonymous.getPage("/").status()).isEqualTo(200);
        }
        Api anonymous = app.api();
        assertThat(anonymous.getPage("/login?next=%01").status()).isEqualTo(200);
        Api.Response local = anonymous.postForm("/login", Map.of("username", "a.official", "password", Fixtures.PASSWORD,
                "next", "/planer?fane=2"));
        assertThat(local.header("Location")).isEqualTo("/planer?fane=2");
    }

    @Test
    void singleLineFieldsRefuseLineBreaksAndControlCharactersNamingTheField() {
        Api official = Fixtures.as(app, "a.official");
        int before = official.get("/api/plans").jsonList().size();
        Api.Response title = official.post("/api/plans", Map.of("municipality", "316", "fromYear", 2026, "toYear", 2026,
                "title", "Beskæftigelsesplan\r\nX-Injected: 1", "committeeName", "Udvalg\tA"));
        assertThat(title.status()).isEqualTo(400);
        assertThat(title.json().get("errors").toString()).contains("field=title").contains("field=committeeName").contains("én linje");
        assertThat(official.get("/api/plans").jsonList()).hasSize(before);

        Api secretary = Fixtures.as(app, "a.secretary");
        Api.Response committee = secretary.post("/api/approval/committees", Map.of("name", "Udvalget\nfor alt",
                "members", List.of(Map.of("name", "Anne\u202EHolm", "party", "A", "role", "CHAIR"))));
        assertThat(committee.status()).isEqualTo(400);
        assertThat(committee.json().get("errors").toString()).contains("field=name").contains("field=members[0].name");

        Map<String, Object> me = official.get("/api/me/profile").json();
        Api.Response name = official.put("/api/me/profile", Map.of("displayName", "A\u0000Official", "email", me.get("email"),
                "version", me.get("version")));
        assertThat(name.status()).isEqualTo(400);
        assertThat(name.json().get("errors").toString()).contains("field=displayName");
        assertThat(official.get("/api/me/profile").json().get("displayName")).isEqualTo("A Official");
    }

    // ---- issue 15, finding 5: headers and origins ----

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        Api official = Fixtures.as(app, "a.official");
        String planId = Fixtures.createPlan(official, Fixtures.A);
        Map<String, Api.Response> answers = new java.util.LinkedHashMap<>();
        answers.put("page", official.getPage("/"));
        answers.put("API", official.get("/api/plans"));
        answers.put("API error", official.get("/api/plans/" + java.util.UUID.randomUUID()));
        answers.put("error page", official.getPage("/no-such-page"));
        answers.put("login page", app.api().getPage("/login"));
        answers.put("static file", app.api().getAny("/static/beskplan.js"));
        Api.Response pdf = official.getAny("/api/plans/" + planId + "/document.pdf");
        answers.put("document", pdf);
        answers.forEach((what, r) -> {
            assertThat(r.header("Content-Security-Policy")).as(what).isNotNull().contains("frame-ancestors 'none'");
            assertThat(r.header("X-Frame-Options")).as(what).isEqualTo("DENY");
            assertThat(r.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
            assertThat(r.header("Referrer-Policy")).as(what).isEqualTo("same-origin");
            assertThat(r.header("Strict-Transport-Security")).as(what + ": the cookie is not Secure here").isNull();
        });
        String pagePolicy = answers.get("page").header("Content-Security-Policy");
        assertThat(pagePolicy).contains("script-src 'self';").contains("style-src 'self';").doesNotContain("unsafe");
        for (String what : List.of("page", "API", "API error", "error page", "login page", "document")) {
            assertThat(answers.get(what).header("Cache-Control")).as(what).isEqualTo("no-store");
        }
        assertThat(answers.get("static file").header("Cache-Control")).isNotEqualTo("no-store");
        assertThat(pdf.status()).isEqualTo(200);
        // A document's own style block is allowed by its hash, nothing else inline.
        Api.Response documentHtml = official.getPage("/plans/" + planId + "/dokument");
        assertThat(documentHtml.status()).isEqualTo(200);
        assertThat(documentHtml.body()).contains("<style");
        assertThat(documentHtml.header("Content-Security-Policy")).contains("style-src 'self' 'sha256-").doesNotContain("unsafe");
        assertThat(documentHtml.header("Cache-Control")).isEqualTo("no-store");
    }

    /**
     * Sent with the Host a real installation has: on "localhost" Micronaut's own guard against drive-by attacks on
     * local servers refuses foreign origins first (an empty 403), before ours can.
     */
    @Test
    void stateChangingRequestsFromAnotherSiteAreRefused() {
        String host = "beskplan.kommune.example";
        String own = "http://" + host;
        String login = "username=a.official&password=" + Fixtures.PASSWORD;
        RawHttp foreign = form("/login", login, "Host", host, "Origin", "https://evil.example");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.header("Content-Type")).startsWith("text/html");
        assertThat(foreign.body()).contains("lang=\"da\"").contains("andet websted");
        assertThat(foreign.header("Set-Cookie")).isNull();
        assertThat(form("/login", login, "Host", host, "Origin", "null").status()).isEqualTo(403);
        assertThat(form("/login", login, "Host", host, "Referer", "https://evil.example/side").status()).isEqualTo(403);
        assertThat(form("/login", login, "Host", host, "Origin", "http://" + host + ".evil.example").status()).isEqualTo(403);
        assertThat(form("/login", login, "Host", host, "Origin", own).status()).isEqualTo(303);
        assertThat(form("/login", login, "Host", host, "Referer", own + "/login").status()).isEqualTo(303);
        assertThat(form("/login", login, "Host", host).status()).as("no Origin, no Referer: not a browser page").isEqualTo(303);
        // On localhost Micronaut refuses a foreign origin itself.
        assertThat(app.api().postForm("/login", Map.of("username", "a.official", "password", Fixtures.PASSWORD),
                "Origin", "https://evil.example").status()).isEqualTo(403);

        String credentials = "{\"username\":\"a.official\",\"password\":\"" + Fixtures.PASSWORD + "\"}";
        RawHttp api = json("/api/login", credentials, "Host", host, "Origin", "https://evil.example");
        assertThat(api.status()).isEqualTo(403);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
        // With a session and its CSRF token, a foreign origin is still refused, and nothing is created.
        RawHttp session = json("/api/login", credentials, "Host", host);
        assertThat(session.status()).isEqualTo(200);
        String cookie = session.header("Set-Cookie").split(";")[0];
        String csrf = session.body().replaceAll("(?s).*\"csrfToken\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        Api official = Fixtures.as(app, "a.official");
        int before = official.get("/api/plans").jsonList().size();
        String plan = "{\"municipality\":\"316\",\"fromYear\":2026,\"toYear\":2026,\"title\":\"Plan\",\"committeeName\":\"Udvalget\"}";
        assertThat(json("/api/plans", plan, "Host", host, "Cookie", cookie, "X-CSRF-Token", csrf, "Origin", "https://evil.example")
                .status()).isEqualTo(403);
        assertThat(official.get("/api/plans").jsonList()).hasSize(before);
        assertThat(json("/api/plans", plan, "Host", host, "Cookie", cookie, "X-CSRF-Token", csrf, "Origin", own).status()).isEqualTo(201);
    }

    private RawHttp form(String path, String body, String... headers) {
        return raw(path, body, "application/x-www-form-urlencoded", "text/html", headers);
    }

    private RawHttp json(String path, String body, String... headers) {
        return raw(path, body, "application/json", "application/json", headers);
    }

    private RawHttp raw(String path, String body, String type, String accept, String... headers) {
        Map<String, String> h = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            h.put(headers[i], headers[i + 1]);
        }
        h.put("Content-Type", type);
        h.put("Accept", accept);
        return RawHttp.send("127.0.0.1", java.net.URI.create(app.url()).getPort(), "POST", path, body, h);
    }
}
