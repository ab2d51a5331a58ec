package dk.beskplan.platform.security;

import dk.beskplan.platform.persistence.Sql;
import dk.beskplan.platform.web.InvalidInput;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Users and their credentials, including the throttling of failed logins: after five failures in a row an
 * account is locked for one minute, doubling with each further failure up to an hour.
 */
@Singleton
public class UserAccounts {
    static final int FREE_FAILURES = 5;
    private static final Duration MAX_LOCK = Duration.ofHours(1);

    /** A stored user without its password hash. */
    public record User(String username, String displayName, @Nullable String email,
                       @Nullable String municipality, Set<String> roles) {
    }

    /** The outcome of a login attempt. */
    public sealed interface LoginResult {
        record Success(User user) implements LoginResult {
        }

        record Invalid() implements LoginResult {
        }

        record Locked(Instant until) implements LoginResult {
        }
    }

    private final Sql sql;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final String decoyHash;

    public UserAccounts(Sql sql, PasswordHasher hasher, Clock clock) {
        this.sql = sql;
        this.hasher = hasher;
        this.clock = clock;
        this.decoyHash = hasher.decoy();
    }

    @Transactional
    public LoginResult authenticate(String username, String password) {
        var row = sql.queryOne("select password_hash, failed_logins, locked_until from platform.app_user"
                        + " where username = ? for update",
                rs -> new Object[]{rs.getString(1), rs.getInt(2), Sql.instant(rs, "locked_until")}, username);
        if (row.isEmpty()) {
            hasher.matches(password, decoyHash); // same cost as a real check: no user enumeration by timing
            return new LoginResult.Invalid();
        }
        Instant now = clock.instant();
        Instant lockedUntil = (Instant) row.get()[2];
        if (lockedUntil != null && lockedUntil.isAfter(now)) {
            return new LoginResult.Locked(lockedUntil);
        }
        if (!hasher.matches(password, (String) row.get()[0])) {
            int failures = (Integer) row.get()[1] + 1;
            Instant lock = null;
            if (failures >= FREE_FAILURES) {
                long minutes = 1L << Math.min(failures - FREE_FAILURES, 6);
                lock = now.plus(Duration.ofMinutes(minutes).compareTo(MAX_LOCK) > 0 ? MAX_LOCK : Duration.ofMinutes(minutes));
            }
            sql.update("update platform.app_user set failed_logins = ?, locked_until = ? where username = ?",
                    failures, lock, username);
            return lock != null ? new LoginResult.Locked(lock) : new LoginResult.Invalid();
        }
        sql.update("update platform.app_user set failed_logins = 0, locked_until = null where username = ?", username);
        return new LoginResult.Success(find(username).orElseThrow());
    }

    @Transactional
    public Optional<User> find(String username) {
        return sql.queryOne("select username, display_name, email, municipality_code, roles from platform.app_user"
                + " where username = ?", UserAccounts::user, username);
    }

    /** Users of a municipality with a role, by user name (e.g. the default manager of a new plan). */
    @Transactional
    public List<User> withRole(String municipality, String role) {
        return sql.query("select username, display_name, email, municipality_code, roles from platform.app_user"
                + " where municipality_code = ? and ? = any(roles) order by username", UserAccounts::user, municipality, role);
    }

    /** The municipality's name ("Holbæk Kommune"), or the code itself when unknown. */
    @Transactional
    public String municipalityName(String code) {
        return sql.queryOne("select name from platform.municipality where code = ?", rs -> rs.getString(1), code).orElse(code);
    }

    @Transactional
    public void ensureMunicipality(String code, String name) {
        sql.update("insert into platform.municipality (code, name) values (?, ?) on conflict (code) do update set name = excluded.name",
                code, name);
    }

    /** Creates a user, or resets an existing user's details and password. */
    @Transactional
    public void save(String username, String displayName, @Nullable String email, @Nullable String municipality,
                     Set<String> roles, String password) {
        if (password == null || password.length() < PasswordHasher.MIN_LENGTH) {
            throw InvalidInput.field("password", "Adgangskoden skal være på mindst " + PasswordHasher.MIN_LENGTH + " tegn");
        }
        sql.update("insert into platform.app_user (username, display_name, email, municipality_code, roles, password_hash)"
                        + " values (?, ?, ?, ?, ?::text[], ?) on conflict (username) do update set display_name = excluded.display_name,"
                        + " email = excluded.email, municipality_code = excluded.municipality_code, roles = excluded.roles,"
                        + " password_hash = excluded.password_hash, failed_logins = 0, locked_until = null",
                username, displayName, email, municipality, "{" + String.join(",", roles) + "}", hasher.hash(password));
    }

    private static User user(ResultSet rs) throws SQLException {
        Array roles = rs.getArray("roles");
        return new User(rs.getString("username"), rs.getString("display_name"), rs.getString("email"),
                rs.getString("municipality_code"), Set.of((String[]) roles.getArray()));
    }
}
