package dk.beskplan.app;

import dk.beskplan.platform.security.LoginThrottle;
import dk.beskplan.platform.security.PasswordLogins;
import dk.beskplan.platform.testing.SettableClock;
import dk.beskplan.platform.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed logins delay the guesser, never lock the owner out (issue 15, finding 1; ADR 0019). Requests come from
 * different loopback addresses (127.0.0.x, a socket bound to each), so the server sees different clients.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginThrottlingTest {
    /** A proxy this application trusts to say who its client is (X-Forwarded-For). */
    private static final String PROXY = "127.0.0.9";
    private TestApp app;
    private SettableClock clock;
    private int port;

    @BeforeAll
    void start() {
        // A realistic hash cost (tens of milliseconds), so the time of an answer shows whether a password was hashed.
        app = TestApp.start(Map.of(SettableClock.PROPERTY, true, "beskplan.security.password.iterations", 100_000,
                "beskplan.security.trusted-proxies", PROXY));
        clock = app.bean(SettableClock.class);
        Fixtures.seedUsers(app);
        port = URI.create(app.url()).getPort();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void guessesFromOneAddressDoNotLockTheOwnerOutOnAnother() {
        String attacker = "127.0.0.2";
        for (int i = 0; i < 12; i++) {
            assertThat(login(attacker, "a.official", "wrong-password-" + i).status()).isEqualTo(401);
        }
        // The attacker must now wait, even with the right password: answered exactly like a wrong one.
        RawHttp throttled = login(attacker, "a.official", Fixtures.PASSWORD);
        assertThat(throttled.status()).isEqualTo(401);
        assertThat(throttled.body()).contains("Forkert brugernavn eller adgangskode");
        // The owner, on their own address, signs in at once.
        assertThat(login("127.0.0.3", "a.official", Fixtures.PASSWORD).status()).isEqualTo(200);
        // A forged X-Forwarded-For does not give the attacker a fresh address (no proxy is trusted from there).
        assertThat(login(attacker, "a.official", Fixtures.PASSWORD, "X-Forwarded-For", "203.0.113.7").status()).isEqualTo(401);
        // The delay grows but ends: after the longest delay the right password works from the attacker's address too.
        clock.advance(LoginThrottle.MAX_DELAY.plusSeconds(1));
        assertThat(login(attacker, "a.official", Fixtures.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void delaysGrowWithEachFailure() {
        String address = "127.0.0.4";
        for (int i = 0; i < LoginThrottle.FREE_PER_ACCOUNT_AND_ADDRESS; i++) {
            assertThat(login(address, "a.manager", "wrong-" + i).status()).isEqualTo(401);
        }
        // After the free failures: 2 s, then 4 s after the next failure.
        assertThat(login(address, "a.manager", Fixtures.PASSWORD).status()).isEqualTo(401);
        clock.advance(Duration.ofMillis(2100));
        assertThat(login(address, "a.manager", "wrong-again").status()).isEqualTo(401);
        clock.advance(Duration.ofMillis(2100));
        assertThat(login(address, "a.manager", Fixtures.PASSWORD).status()).as("4 s delay not over").isEqualTo(401);
        clock.advance(Duration.ofMillis(2100));
        assertThat(login(address, "a.manager", Fixtures.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void oneAddressGuessingManyAccountsIsDelayedForAll() {
        String address = "127.0.0.5";
        for (int i = 0; i < LoginThrottle.FREE_PER_ADDRESS; i++) {
            assertThat(login(address, "nobody-" + i, "guess").status()).isEqualTo(401);
        }
        // Every account from that address now waits; the owner elsewhere does not.
        assertThat(login(address, "a.secretary", Fixtures.PASSWORD).status()).isEqualTo(401);
        assertThat(login("127.0.0.6", "a.secretary", Fixtures.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void behindATrustedProxyTheForwardedAddressCounts() {
        for (int i = 0; i < 10; i++) {
            login(PROXY, "b.official", "wrong-" + i, "X-Forwarded-For", "198.51.100.1");
        }
        assertThat(login(PROXY, "b.official", Fixtures.PASSWORD, "X-Forwarded-For", "198.51.100.1").status()).isEqualTo(401);
        // Another client behind the same proxy signs in; a client cannot pass itself off by writing an address in front.
        assertThat(login(PROXY, "b.official", Fixtures.PASSWORD, "X-Forwarded-For", "198.51.100.2").status()).isEqualTo(200);
        assertThat(login(PROXY, "b.official", Fixtures.PASSWORD, "X-Forwarded-For", "198.51.100.2, 198.51.100.1").status())
                .isEqualTo(401);
    }

    @Test
    void unknownWrongAndThrottledAreAnsweredAlikeInStatusAndTime() {
        String address = "127.0.0.7";
        for (int i = 0; i < 10; i++) {
            login(address, "b.secretary", "wrong-" + i);
        }
        long before = app.bean(PasswordLogins.class).counts().get(PasswordLogins.Outcome.THROTTLED);
        List<Long> unknown = new ArrayList<>();
        List<Long> wrong = new ArrayList<>();
        List<Long> throttled = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // Fresh addresses, so these two are never delayed themselves.
            unknown.add(timed("127.0.1." + (i + 1), "no-such-user-" + i, "guess", bodies));
            wrong.add(timed("127.0.2." + (i + 1), "b.official", "guess-" + i, bodies));
            throttled.add(timed(address, "b.secretary", Fixtures.PASSWORD, bodies));
        }
        assertThat(bodies).allSatisfy(b -> assertThat(b).isEqualTo(bodies.get(0)));
        long wrongTime = median(wrong);
        assertThat(median(unknown)).as("unknown user vs wrong password, ms").isBetween(wrongTime / 2, wrongTime * 2);
        assertThat(median(throttled)).as("throttled vs wrong password, ms").isBetween(wrongTime / 2, wrongTime * 2);
        assertThat(app.bean(PasswordLogins.class).counts().get(PasswordLogins.Outcome.THROTTLED)).isGreaterThanOrEqualTo(before + 7);
    }

    private long timed(String from, String username, String password, List<String> bodies) {
        Instant start = Instant.now();
        RawHttp answer = login(from, username, password);
        long ms = Duration.between(start, Instant.now()).toMillis();
        assertThat(answer.status()).isEqualTo(401);
        bodies.add(answer.body().replaceAll("\"instance\":\"[^\"]*\"", ""));
        return ms;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private RawHttp login(String from, String username, String password, String... headers) {
        String json = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        h.put("Accept", "application/json");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            h.put(headers[i], headers[i + 1]);
        }
        return RawHttp.send(from, port, "POST", "/api/login", json, h);
    }
}
