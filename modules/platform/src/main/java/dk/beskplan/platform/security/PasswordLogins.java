package dk.beskplan.platform.security;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Signing in with a user name and password, throttled ({@link LoginThrottle}), logged and counted. An unknown user,
 * a wrong password and an attempt that must wait all come back as {@link UserAccounts.LoginResult.Invalid}, after
 * the same work (one password hash), so the answer tells a stranger nothing about the account.
 *
 * <p>Every attempt is logged (logger {@code dk.beskplan.security.login}: outcome, user name as typed, client
 * address) and counted by outcome ({@link #counts()}; per instance, since start), also as the metric
 * {@code beskplan.login.attempts} tagged by outcome (docs/operations.md).
 */
@Singleton
public class PasswordLogins {
    private static final Logger LOG = LoggerFactory.getLogger("dk.beskplan.security.login");

    /** What became of an attempt. */
    public enum Outcome { SUCCESS, WRONG, THROTTLED, REFUSED }

    private final UserAccounts users;
    private final LoginThrottle throttle;
    private final Map<Outcome, AtomicLong> counts = new EnumMap<>(Outcome.class);

    public PasswordLogins(UserAccounts users, LoginThrottle throttle, MeterRegistry metrics) {
        this.users = users;
        this.throttle = throttle;
        for (Outcome outcome : Outcome.values()) {
            AtomicLong count = new AtomicLong();
            counts.put(outcome, count);
            FunctionCounter.builder("beskplan.login.attempts", count, AtomicLong::get)
                    .description("password logins by outcome (success, wrong, throttled, refused)")
                    .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)).register(metrics);
        }
    }

    public UserAccounts.LoginResult attempt(String username, String password, String address) {
        try {
            throttle.charge(username, address);
        } catch (LoginThrottle.Waiting waiting) {
            users.spendOneCheck(password); // as long as a real check: waiting is not told apart by time either
            record(Outcome.THROTTLED, username, address);
            return new UserAccounts.LoginResult.Invalid();
        }
        UserAccounts.LoginResult result = users.authenticate(username, password);
        if (result instanceof UserAccounts.LoginResult.Invalid) {
            record(Outcome.WRONG, username, address);
            return result;
        }
        // The right password (also for a deactivated user or a municipality without password login).
        throttle.succeeded(username, address);
        record(result instanceof UserAccounts.LoginResult.Success ? Outcome.SUCCESS : Outcome.REFUSED, username, address);
        return result;
    }

    /** Attempts by outcome in this instance since it started. */
    public Map<Outcome, Long> counts() {
        Map<Outcome, Long> copy = new EnumMap<>(Outcome.class);
        counts.forEach((outcome, count) -> copy.put(outcome, count.get()));
        return copy;
    }

    private void record(Outcome outcome, String username, String address) {
        long count = counts.get(outcome).incrementAndGet();
        LOG.info("login {} user={} address={} (attempts with this outcome: {})", outcome, printable(username), address, count);
    }

    /** The user name as typed, safe for a log line: control characters shown as '?', at most 100 characters. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(100).forEach(c -> out.appendCodePoint(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c));
        return out.toString();
    }
}
