package dk.beskplan.app;

import dk.beskplan.platform.persistence.Sql;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.Eventually;
import dk.beskplan.platform.testing.TestApp;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on against a real OpenID Connect provider started here (mock-oauth2-server: discovery, authorize with
 * an interactive login page where one types a user name and the token's claims, token endpoint, JWKS). The local
 * administrator of 169 Høje-Taastrup configures it through the API; staff sign in through the browser.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SingleSignOnTest {
    private static final String HT = "169";
    private static final String SECRET = "hemmelig-klient-noegle-4711";
    private static final String KEY = "q2vZb1l3ZkJ0b0JpM1J4V2Nlb3p5Q1NIbWJ3eGFKU2w=";

    private MockOAuth2Server provider;
    private String issuer;
    private TestApp app;
    private Api localAdmin;

    @BeforeAll
    void startProviderAndApp() {
        provider = new MockOAuth2Server(new OAuth2Config(true, null, null));
        provider.start();
        issuer = provider.issuerUrl("hoeje-taastrup").toString().replaceAll("/$", "");
        app = TestApp.start(Map.of("beskplan.security.sso.secret-key", KEY));
        UserAccounts users = app.bean(UserAccounts.class);
        users.ensureMunicipality(HT, "Høje-Taastrup Kommune");
        users.ensureMunicipality(Fixtures.A, "Holbæk Kommune");
        users.save("ht.admin", "Lone Lokal", "lone@htk.dk", HT, Set.of(Roles.LOCAL_ADMIN), Fixtures.PASSWORD);
        users.save("ht.official", "Ole Officiel", "ole@htk.dk", HT, Set.of(Roles.OFFICIAL), Fixtures.PASSWORD);
        users.save("a.admin", "Holbæks administrator", "admin@holbaek.dk", Fixtures.A, Set.of(Roles.LOCAL_ADMIN), Fixtures.PASSWORD);
        localAdmin = app.api().login("ht.admin", Fixtures.PASSWORD);
        Api.Response saved = localAdmin.put("/api/admin/municipalities/" + HT + "/sso", settings(true, true), "If-Match", "\"0\"");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        app.close();
        provider.shutdown();
    }

    private Map<String, Object> settings(boolean enabled, boolean passwordLogin) {
        return Map.of("enabled", enabled, "issuer", issuer, "clientId", "beskplan-htk", "clientSecret", SECRET,
                "groupsClaim", "groups", "passwordLogin", passwordLogin,
                "roleMappings", List.of(Map.of("group", "bp-embedsmand", "role", "OFFICIAL"),
                        Map.of("group", "bp-leder", "role", "MANAGER"), Map.of("group", "bp-sekretaer", "role", "SECRETARY")));
    }

    @Test
    void aMappedUserSignsInThroughTheProviderInTheBrowserAndLandsOnThePlanList() {
        try (Browser browser = new Browser(app.url())) {
            browser.open("/plans");
            browser.click("Log ind med Høje-Taastrup Kommune");
            // The provider's own login page: a user name and the claims its token will carry.
            browser.driver.findElement(By.name("username")).sendKeys("sara");
            browser.driver.findElement(By.name("claims")).sendKeys(
                    "{\"email\": \"sara@htk.dk\", \"name\": \"Sara Sørensen\", \"groups\": [\"bp-embedsmand\", \"bp-leder\", \"alle-ansatte\"]}");
            browser.driver.findElement(By.cssSelector("input[type=submit]")).click();
            browser.awaitText("Logget ind som Sara Sørensen");
            assertThat(browser.url()).endsWith("/plans");
            assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Planer");
            // The menu follows the mapped roles: plans and tasks, no committee inbox.
            String menu = browser.driver.findElement(By.tagName("nav")).getText();
            assertThat(menu).contains("Planer").contains("Mine opgaver");
            assertThat(menu).doesNotContain("Indbakke");
        }
        UserAccounts.User sara = app.bean(UserAccounts.class).findByEmail("sara@htk.dk").orElseThrow();
        assertThat(sara.municipality()).isEqualTo(HT);
        assertThat(sara.roles()).containsExactlyInAnyOrder(Roles.OFFICIAL, Roles.MANAGER);
        assertThat(sara.hasPassword()).isFalse();
        assertThat(sara.lastLoginAt()).isNotNull();

        // Created by the municipality's login: an administrative act, archived like those of the administration pages.
        String act = Eventually.await(Duration.ofSeconds(20), "the archived act", () -> inTransaction(sql -> sql.query(
                        "select actor || ' ' || payload::text from archive.record where type = 'administration.user-created-by-single-sign-on'"
                                + " and payload::jsonb->>'email' = 'sara@htk.dk'", rs -> rs.getString(1)).stream().findFirst()),
                Optional::isPresent).orElseThrow();
        assertThat(act).startsWith(sara.username() + " ").contains("Sara Sørensen").contains("MANAGER").contains("OFFICIAL");
    }

    @Test
    void aUserWhoseGroupsMapToNoRoleIsRefusedInDanishWithoutASession() {
        try (Browser browser = new Browser(app.url())) {
            browser.open("/login");
            browser.click("Log ind med Høje-Taastrup Kommune");
            browser.driver.findElement(By.name("username")).sendKeys("kim");
            browser.driver.findElement(By.name("claims")).sendKeys("{\"email\": \"kim@htk.dk\", \"groups\": [\"alle-ansatte\"]}");
            browser.driver.findElement(By.cssSelector("input[type=submit]")).click();
            browser.awaitText("ingen af dine grupper giver adgang til Beskplan");
            assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Du er ikke logget ind");
            assertThat(browser.driver.manage().getCookieNamed("BESKPLAN_SESSION")).isNull();
            browser.open("/plans");
            assertThat(browser.url()).contains("/login");
        }
        assertThat(app.bean(UserAccounts.class).findByEmail("kim@htk.dk")).isEmpty();
    }

    @Test
    void rolesAreReadAgainAtEveryLoginAndAnExistingUserIsMatchedByEmail() {
        Flow first = signIn("{\"email\": \"OLE@htk.dk\", \"name\": \"Ole Officiel\", \"groups\": [\"bp-embedsmand\", \"bp-sekretaer\"]}");
        assertThat(first.callback.statusCode()).isEqualTo(200);
        // Matched by e-mail (case does not matter): the existing user, now with the roles of their groups.
        assertThat(me(first.sessionCookie())).containsEntry("username", "ht.official");
        assertThat(roles(first)).containsExactlyInAnyOrder("OFFICIAL", "SECRETARY");

        Flow second = signIn("{\"email\": \"ole@htk.dk\", \"groups\": [\"bp-leder\"]}");
        assertThat(second.callback.statusCode()).isEqualTo(200);
        assertThat(roles(second)).containsExactly("MANAGER");
        assertThat(app.bean(UserAccounts.class).find("ht.official").orElseThrow().roles()).containsExactly(Roles.MANAGER);

        // Each change of roles at a login is an administrative act in the archive, with before and after.
        List<String> changes = Eventually.await(Duration.ofSeconds(20), "the archived role changes", () -> inTransaction(sql -> sql.query(
                        "select payload::jsonb->>'rolesAfter' from archive.record where type = 'administration.user-roles-changed'"
                                + " and payload::jsonb->>'username' = 'ht.official' order by seq", rs -> rs.getString(1))),
                list -> list.size() == 2);
        assertThat(changes.get(1)).contains("MANAGER").doesNotContain("OFFICIAL");
    }

    @Test
    void passwordLoginSwitchedOffIsRefusedForThatMunicipalityOnly() {
        Api.Response read = localAdmin.get("/api/admin/municipalities/" + HT + "/sso");
        Api.Response off = localAdmin.put("/api/admin/municipalities/" + HT + "/sso", without(settings(true, false), "clientSecret"),
                "If-Match", read.header("ETag"));
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(off.json()).containsEntry("passwordLogin", false);
        try {
            Api.Response refused = app.api().post("/api/login", Map.of("username", "ht.official", "password", Fixtures.PASSWORD));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body()).contains("Din kommune logger ind med sit eget login");
            Api.Response page = app.api().postForm("/login", Map.of("username", "ht.official", "password", Fixtures.PASSWORD));
            assertThat(page.status()).isEqualTo(403);
            assertThat(page.body()).contains("Log ind med Høje-Taastrup Kommune");
            // Another municipality's users still sign in with their password.
            assertThat(app.api().post("/api/login", Map.of("username", "a.admin", "password", Fixtures.PASSWORD)).status()).isEqualTo(200);
            // Through the provider it works.
            assertThat(signIn("{\"email\": \"ole@htk.dk\", \"groups\": [\"bp-embedsmand\"]}").callback.statusCode()).isEqualTo(200);
        } finally {
            Api.Response now = localAdmin.get("/api/admin/municipalities/" + HT + "/sso");
            assertThat(localAdmin.put("/api/admin/municipalities/" + HT + "/sso", without(settings(true, true), "clientSecret"),
                    "If-Match", now.header("ETag")).status()).isEqualTo(200);
        }
    }

    @Test
    void tamperedStateNonceOrCodeIsRefusedAndStartsNoSession() throws Exception {
        // A state that was never issued.
        Flow flow = startAndSignInAtProvider("{\"email\": \"ole@htk.dk\", \"groups\": [\"bp-embedsmand\"]}");
        HttpResponse<String> forged = get(callback(flow.code, "forfalsket-" + flow.state), flow.browserCookie);
        assertRefused(forged, "passer ikke til et login");
        // The right state, but from a browser that did not start the login (no binding cookie).
        assertRefused(get(callback(flow.code, flow.state), null), "Start forfra");
        // Used up by that refused attempt: the same state again, even with the right cookie, is refused.
        assertRefused(get(callback(flow.code, flow.state), flow.browserCookie), "allerede brugt");

        // A code made for another login (injected into this one): PKCE and the nonce do not match.
        Flow victim = start();
        Flow attacker = startAndSignInAtProvider("{\"email\": \"ole@htk.dk\", \"groups\": [\"bp-embedsmand\"]}");
        assertRefused(get(callback(attacker.code, victim.state), victim.browserCookie), "kunne ikke godkendes");

        // The nonce of the ID token differs from the one this login was started with.
        Flow tampered = startAndSignInAtProvider("{\"email\": \"ole@htk.dk\", \"groups\": [\"bp-embedsmand\"]}");
        inTransaction(sql -> sql.update("update platform.sso_login_attempt set nonce = 'en-anden-nonce'"));
        assertRefused(get(callback(tampered.code, tampered.state), tampered.browserCookie), "kunne ikke godkendes");

        // The provider reporting an error.
        Flow denied = start();
        assertRefused(get(app.url() + "/login/sso/svar?error=access_denied&state=" + enc(denied.state), denied.browserCookie), "afviste");
    }

    @Test
    void settingsAreCheckedByFieldVersionedAndTheSecretIsNeverShownOrPublished() {
        String path = "/api/admin/municipalities/" + HT + "/sso";
        Api.Response read = localAdmin.get(path);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).containsEntry("clientSecretStored", true).containsEntry("issuer", issuer);
        assertThat(read.body()).doesNotContain(SECRET);

        Map<String, Object> bad = new java.util.HashMap<>(settings(true, true));
        bad.put("issuer", "ftp://login.example");
        bad.put("roleMappings", List.of(Map.of("group", "bp-admin", "role", "ADMIN")));
        Api.Response refused = localAdmin.put(path, bad, "If-Match", read.header("ETag"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body()).contains("\"issuer\"").contains("roleMappings[0].role");
        Map<String, Object> noSso = new java.util.HashMap<>(settings(false, false));
        assertThat(localAdmin.put(path, noSso, "If-Match", read.header("ETag")).body()).contains("passwordLogin");
        assertThat(localAdmin.put(path, without(settings(true, true), "clientSecret"), "If-Match", "\"" + 999 + "\"").status()).isEqualTo(409);
        assertThat(localAdmin.put(path, settings(true, true)).body()).contains("version");
        // Another municipality's local administrator is refused, in the same words whether the code exists or not.
        Api holbaek = app.api().login("a.admin", Fixtures.PASSWORD);
        assertThat(holbaek.get(path).status()).isEqualTo(403);
        assertThat(holbaek.put(path, settings(true, true), "If-Match", read.header("ETag")).status()).isEqualTo(403);
        assertThat(localAdmin.get(path).json().get("version")).isEqualTo(read.json().get("version"));

        // The act is archived, with what changed and who did it, never the secret.
        String payload = Eventually.await(Duration.ofSeconds(20), "the archived act", () -> inTransaction(sql -> sql.query(
                        "select actor || ' ' || payload::text from archive.record where type = 'administration.single-sign-on-changed'",
                        rs -> rs.getString(1)).stream().findFirst()), Optional::isPresent).orElseThrow();
        assertThat(payload).startsWith("ht.admin ").contains(issuer).contains("bp-embedsmand → OFFICIAL").contains("clientSecretChanged")
                .doesNotContain(SECRET);
        List<String> sealedSecrets = inTransaction(sql -> sql.query("select client_secret_sealed from platform.municipality_sso", rs -> rs.getString(1)));
        assertThat(sealedSecrets)
                .allSatisfy(sealed -> assertThat(sealed).startsWith("v1:").doesNotContain(SECRET));
    }

    @Test
    void theLocalAdministratorKeepsTheSettingsOnADanishPageWithTheSecretWriteOnly() {
        try (Browser browser = new Browser(app.url())) {
            browser.login("ht.admin", Fixtures.PASSWORD);
            browser.open("/administration/kommuner/" + HT);
            browser.click("Single sign-on (log ind med kommunens eget login)");
            browser.awaitText("Single sign-on for Høje-Taastrup Kommune");
            assertThat(browser.text()).contains("En klienthemmelighed er gemt").doesNotContain(SECRET);
            assertThat(browser.field("Klienthemmelighed").getAttribute("value")).isEmpty();
            assertThat(browser.await("redirect-uri").getText()).endsWith("/login/sso/svar");
            // A wrong issuer and a role row without a group: refused by field, nothing saved.
            browser.fill("Udsteder-URL (issuer)", "login.htk.dk");
            browser.choose("role-3", "læser");
            browser.click("Gem indstillinger");
            browser.awaitText("Indstillingerne er ikke gemt");
            assertThat(browser.await("issuer-error").getText()).contains("https");
            assertThat(browser.await("group-3-error").getText()).contains("række 4");
            assertThat(localAdmin.get("/api/admin/municipalities/" + HT + "/sso").json()).containsEntry("issuer", issuer);
            // Put right: a readers' group is added; the stored secret is kept.
            browser.fill("Udsteder-URL (issuer)", issuer);
            browser.fillById("group-3", "bp-laeser");
            browser.click("Gem indstillinger");
            browser.await("sso-saved");
        }
        Api.Response now = localAdmin.get("/api/admin/municipalities/" + HT + "/sso");
        assertThat(now.json()).containsEntry("clientSecretStored", true);
        assertThat(now.body()).contains("bp-laeser").contains("READER");
    }

    private <T> T inTransaction(java.util.function.Function<Sql, T> work) {
        @SuppressWarnings("unchecked")
        io.micronaut.transaction.TransactionOperations<java.sql.Connection> tx = app.bean(io.micronaut.transaction.TransactionOperations.class);
        return tx.executeWrite(status -> work.apply(app.bean(Sql.class)));
    }

    // ---- the browser's side of the flow, by hand ----

    private record Flow(String state, String browserCookie, String code, HttpResponse<String> callback) {
        String sessionCookie() {
            return callback.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("BESKPLAN_SESSION=")).findFirst()
                    .map(c -> c.substring(0, c.indexOf(';'))).orElseThrow(() -> new AssertionError("no session cookie"));
        }
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** "Log ind med Høje-Taastrup Kommune": the state from the provider URL and the browser-binding cookie. */
    private Flow start() {
        HttpResponse<String> started = get(app.url() + "/login/sso/" + HT, null);
        assertThat(started.statusCode()).isEqualTo(303);
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(issuer).contains("code_challenge_method=S256").contains("nonce=");
        String cookie = started.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("BESKPLAN_SSO=")).findFirst()
                .map(c -> c.substring(0, c.indexOf(';'))).orElseThrow();
        return new Flow(query(location, "state"), cookie, location, null);
    }

    /** Starts a login and signs in at the provider's login page, as a person would; the provider's code comes back. */
    private Flow startAndSignInAtProvider(String claims) {
        Flow started = start();
        String authorize = started.code; // the provider URL
        HttpResponse<String> loginPage = get(authorize, null);
        assertThat(loginPage.body()).contains("name=\"claims\"");
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(authorize))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=tester&claims=" + enc(claims))).build());
        String back = signedIn.headers().firstValue("Location").orElseThrow(() -> new AssertionError("provider said " + signedIn.body()));
        assertThat(query(back, "state")).isEqualTo(started.state);
        return new Flow(started.state, started.browserCookie, query(back, "code"), null);
    }

    private Flow signIn(String claims) {
        Flow atProvider = startAndSignInAtProvider(claims);
        HttpResponse<String> callback = get(callback(atProvider.code, atProvider.state), atProvider.browserCookie);
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(200);
        return new Flow(atProvider.state, atProvider.browserCookie, atProvider.code, callback);
    }

    private String callback(String code, String state) {
        return app.url() + "/login/sso/svar?code=" + enc(code) + "&state=" + enc(state);
    }

    private void assertRefused(HttpResponse<String> response, String text) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.body()).contains("Du er ikke logget ind").contains(text);
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("BESKPLAN_SESSION=") && !c.startsWith("BESKPLAN_SESSION=;"));
    }

    @SuppressWarnings("unchecked")
    private List<String> roles(Flow flow) {
        return (List<String>) me(flow.sessionCookie()).get("roles");
    }

    private Map<String, Object> me(String sessionCookie) {
        HttpResponse<String> me = get(app.url() + "/api/me", sessionCookie);
        assertThat(me.statusCode()).isEqualTo(200);
        return new Api.Response(me.statusCode(), me.body(), me.headers()).json();
    }

    private HttpResponse<String> get(String url, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String query(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + url);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Map<String, Object> without(Map<String, Object> map, String key) {
        Map<String, Object> copy = new java.util.HashMap<>(map);
        copy.remove(key);
        return copy;
    }
}
