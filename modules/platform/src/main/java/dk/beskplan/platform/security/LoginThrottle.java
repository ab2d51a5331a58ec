package dk.beskplan.platform.security;

import dk.beskplan.platform.domain.Hashes;
import dk.beskplan.platform.persistence.Sql;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Growing delays after failed logins, counted per (account, client address) and per client address, never per
 * account alone: someone guessing an account's password from elsewhere delays only themselves, and the owner on
 * their own address still signs in (ADR 0019). A key may fail a few times freely; after that each further failure
 * makes it wait twice as long as the one before, up to a ceiling. Counts are forgotten a day after a key's last
 * failure.
 *
 * <p>Each attempt is charged <em>before</em> the password is checked (and the charge committed), so a burst of
 * parallel guesses cannot slip past the count; a successful login takes its charge back. The counts live in
 * PostgreSQL ({@code platform.login_throttle}), shared by every instance.
 */
@Singleton
public class LoginThrottle {
    /** Failures allowed per (account, address) before delays begin. */
    public static final int FREE_PER_ACCOUNT_AND_ADDRESS = 5;
    /** Failures allowed per address (every account together) before delays begin: an office behind one NAT address. */
    public static final int FREE_PER_ADDRESS = 20;
    /** The first delay; each further failure doubles it. */
    public static final Duration FIRST_DELAY = Duration.ofSeconds(2);
    /** The longest delay. */
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);
    /** A key's count is forgotten this long after its last failure. */
    public static final Duration FORGET_AFTER = Duration.ofHours(24);

    private final Sql sql;
    private final Clock clock;
    private final int freePerAccountAndAddress;
    private final int freePerAddress;

    public LoginThrottle(Sql sql, Clock clock,
                         @Value("${beskplan.security.login.free-failures-per-account-and-address:" + FREE_PER_ACCOUNT_AND_ADDRESS + "}") int freePerAccountAndAddress,
                         @Value("${beskplan.security.login.free-failures-per-address:" + FREE_PER_ADDRESS + "}") int freePerAddress) {
        this.sql = sql;
        this.clock = clock;
        this.freePerAccountAndAddress = freePerAccountAndAddress;
        this.freePerAddress = freePerAddress;
    }

    /**
     * Charges an attempt to both keys, or throws {@link Waiting} (and charges nothing) while either must still wait.
     * Keys are taken in a fixed order, so two attempts never wait for each other's rows crosswise.
     */
    @Transactional
    public void charge(String account, String address) {
        Instant now = clock.instant();
        forgetOld(now);
        for (Key key : keys(account, address)) {
            var failures = sql.queryOne("insert into platform.login_throttle as t (key_hash, failures, last_failure_at)"
                            + " values (?, 1, ?) on conflict (key_hash) do update set"
                            + " failures = case when t.last_failure_at < ? then 1 else t.failures + 1 end,"
                            + " last_failure_at = excluded.last_failure_at, blocked_until = null"
                            + " where t.blocked_until is null or t.blocked_until <= ? returning failures",
                    rs -> rs.getInt(1), key.hash(), now, now.minus(FORGET_AFTER), now);
            if (failures.isEmpty()) {
                throw new Waiting(); // rolls back the other key's charge
            }
            Duration delay = delay(failures.get(), key.free());
            if (!delay.isZero()) {
                sql.update("update platform.login_throttle set blocked_until = ? where key_hash = ?", now.plus(delay), key.hash());
            }
        }
    }

    /** The right password: the (account, address) count starts over, and the address gets this attempt back. */
    @Transactional
    public void succeeded(String account, String address) {
        List<Key> keys = keys(account, address);
        for (Key key : keys) {
            if (key.perAccount()) {
                sql.update("delete from platform.login_throttle where key_hash = ?", key.hash());
            } else {
                // Not waiting before this attempt (else it was not let through), so not waiting after it either.
                sql.update("update platform.login_throttle set failures = greatest(failures - 1, 0), blocked_until = null"
                        + " where key_hash = ?", key.hash());
            }
        }
    }

    /** The delay after the {@code failures}th failure of a key that may fail {@code free} times freely. */
    static Duration delay(int failures, int free) {
        if (failures < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free, 20);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    /** Rows nobody has failed with for a day; a few at a time, skipping rows an attempt is using. */
    private void forgetOld(Instant now) {
        sql.update("delete from platform.login_throttle where key_hash in (select key_hash from platform.login_throttle"
                + " where last_failure_at < ? limit 100 for update skip locked)", now.minus(FORGET_AFTER));
    }

    private List<Key> keys(String account, String address) {
        Key both = new Key(Hashes.sha256Hex(account.strip().toLowerCase(Locale.ROOT) + "|" + address), freePerAccountAndAddress, true);
        Key addressOnly = new Key(Hashes.sha256Hex("|" + address), freePerAddress, false);
        return both.hash().compareTo(addressOnly.hash()) < 0 ? List.of(both, addressOnly) : List.of(addressOnly, both);
    }

    private record Key(String hash, int free, boolean perAccount) {
    }

    /** The attempt must wait: thrown inside {@link #charge}, so the transaction rolls back. */
    public static final class Waiting extends RuntimeException {
        Waiting() {
            super("login throttled", null, false, false);
        }
    }
}
