package dk.beskplan.platform.security;

import dk.beskplan.platform.persistence.Sql;
import dk.beskplan.platform.tenancy.Municipalities;
import dk.beskplan.platform.web.Conflict;
import dk.beskplan.platform.web.InvalidInput;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Users and their credentials. Failed logins never lock an account: {@link LoginThrottle} delays further attempts
 * per (account, client address) and per address instead (ADR 0019).
 *
 * <p>A user can sign in only while both the user and their municipality are active, and (for municipality users)
 * while the municipality allows password login. Creating, changing and deactivating users is an administrative
 * act of the administration module, which calls the methods here inside its own transaction.
 */
@Singleton
public class UserAccounts {
    private static final String COLUMNS = columns("");

    /** The columns {@link #user} reads, each prefixed with {@code alias} (e.g. "u." in a join). */
    static String columns(String alias) {
        return alias + "username, " + alias + "display_name, " + alias + "email, " + alias + "municipality_code, " + alias + "roles, "
                + alias + "active, " + alias + "last_login_at, " + alias + "password_hash is not null as has_password, " + alias + "version";
    }

    /** A stored user without its password hash. */
    @Serdeable
    public record User(String username, String displayName, @Nullable String email,
                       @Nullable String municipality, Set<String> roles, boolean active,
                       @Nullable Instant lastLoginAt, boolean hasPassword, int version) {
    }

    /** A user to create: no password yet (they choose it from an invitation, or sign in through single sign-on). */
    public record NewUser(String username, String displayName, @Nullable String email, @Nullable String municipality,
                          Set<String> roles) {
    }

    /** The outcome of a login attempt. */
    public sealed interface LoginResult {
        record Success(User user) implements LoginResult {
        }

        record Invalid() implements LoginResult {
        }

        /** Right password, but the user or their municipality is deactivated. */
        record Deactivated() implements LoginResult {
        }

        /** Right password, but the municipality signs its users in only through its identity provider. */
        record PasswordLoginOff() implements LoginResult {
        }
    }

    private final Sql sql;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final Municipalities municipalities;
    /** Made on first use, not at start-up: a PBKDF2 hash costs a noticeable part of a second. */
    private volatile String decoyHash;

    public UserAccounts(Sql sql, PasswordHasher hasher, Clock clock, Municipalities municipalities) {
        this.sql = sql;
        this.hasher = hasher;
        this.clock = clock;
        this.municipalities = municipalities;
    }

    private String decoyHash() {
        String decoy = decoyHash;
        if (decoy == null) {
            decoy = hasher.decoy();
            decoyHash = decoy;
        }
        return decoy;
    }

    /**
     * Checks a password. Failed attempts are counted and delayed by {@link LoginThrottle} (through
     * {@link PasswordLogins}), not here: an account is never locked.
     */
    @Transactional
    public LoginResult authenticate(String username, String password) {
        String stored = sql.queryOne("select password_hash from platform.app_user where username = ?", rs -> rs.getString(1), username)
                .orElse(null);
        if (stored == null) {
            hasher.matches(password, decoyHash()); // same cost as a real check: no user enumeration by timing
            return new LoginResult.Invalid();
        }
        if (!hasher.matches(password, stored)) {
            return new LoginResult.Invalid();
        }
        User user = find(username).orElseThrow();
        // Said only after the right password, so a stranger learns nothing about the account.
        if (!maySignIn(user)) {
            return new LoginResult.Deactivated();
        }
        if (user.municipality() != null && !municipalities.find(user.municipality()).map(Municipalities.Municipality::passwordLogin).orElse(true)) {
            return new LoginResult.PasswordLoginOff();
        }
        recordLogin(username);
        return new LoginResult.Success(user);
    }

    /** Spends as long as one password check (against a decoy hash), for an answer that must not be faster. */
    public void spendOneCheck(String password) {
        hasher.matches(password == null ? "" : password, decoyHash());
    }

    /** Marks a successful sign-in (any way of signing in): the administrators' lists show it. */
    @Transactional
    public void recordLogin(String username) {
        sql.update("update platform.app_user set last_login_at = ? where username = ?", clock.instant(), username);
    }

    /** Whether the user and their municipality (if any) are active: checked at login and on every request. */
    @Transactional
    public boolean maySignIn(User user) {
        return user.active() && (user.municipality() == null || municipalities.isActive(user.municipality()));
    }

    /** Any user, active or not (history keeps naming deactivated users). */
    @Transactional
    public Optional<User> find(String username) {
        return sql.queryOne("select " + COLUMNS + " from platform.app_user where username = ?", UserAccounts::user, username);
    }

    @Transactional
    public Optional<User> findByEmail(String email) {
        return sql.queryOne("select " + COLUMNS + " from platform.app_user where lower(email) = lower(?)", UserAccounts::user,
                email.trim());
    }

    /** Active users of a municipality with a role, by user name (e.g. the default manager of a new plan). */
    @Transactional
    public List<User> withRole(String municipality, String role) {
        return sql.query("select " + COLUMNS + " from platform.app_user"
                + " where municipality_code = ? and ? = any(roles) and active order by username", UserAccounts::user, municipality, role);
    }

    /**
     * Users of one municipality ({@code municipality} null: every user), optionally only those whose user name, name
     * or e-mail contains {@code text}; active users first.
     */
    @Transactional
    public List<User> search(@Nullable String municipality, @Nullable String text, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where true");
        if (municipality != null) {
            where.append(" and municipality_code = ?");
            params.add(municipality);
        }
        if (text != null && !text.isBlank()) {
            where.append(" and (username ilike ? or display_name ilike ? or email ilike ?)");
            String like = "%" + text.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(like);
            params.add(like);
            params.add(like);
        }
        params.add(limit);
        return sql.query("select " + COLUMNS + " from platform.app_user" + where + " order by active desc, display_name, username limit ?",
                UserAccounts::user, params.toArray());
    }

    /** The municipality's name ("Holbæk Kommune"), or the code itself when unknown. */
    @Transactional
    public String municipalityName(String code) {
        return municipalities.find(code).map(Municipalities.Municipality::shownName).orElse(code);
    }

    /** Makes sure the municipality exists and is active (demo data and test fixtures). */
    @Transactional
    public void ensureMunicipality(String code, String name) {
        municipalities.ensureActive(code, name);
    }

    /**
     * Creates a user without a password. A user name or e-mail already in use is refused naming the field, and
     * nothing is created.
     */
    @Transactional
    public User create(NewUser user) {
        refuseTaken(user.username(), user.email(), null);
        sql.update("insert into platform.app_user (username, display_name, email, municipality_code, roles, created_at)"
                        + " values (?, ?, ?, ?, ?::text[], ?)", user.username(), user.displayName(), user.email(),
                user.municipality(), roles(user.roles()), clock.instant());
        return find(user.username()).orElseThrow();
    }

    /** Sets a user's password (already checked against the password policy by the caller). */
    @Transactional
    public void setPassword(String username, String password) {
        if (password == null || password.length() < PasswordHasher.MIN_LENGTH) {
            throw InvalidInput.field("password", "Adgangskoden skal være på mindst " + PasswordHasher.MIN_LENGTH + " tegn");
        }
        sql.update("update platform.app_user set password_hash = ? where username = ?",
                hasher.hash(password), username);
    }

    /** Whether {@code password} is the user's current one (no throttling: the user is already signed in). */
    @Transactional
    public boolean passwordMatches(String username, String password) {
        String stored = sql.queryOne("select password_hash from platform.app_user where username = ?", rs -> rs.getString(1), username)
                .orElse(null);
        return hasher.matches(password == null ? "" : password, stored == null ? decoyHash() : stored) && stored != null;
    }

    /** New roles; a stale {@code expectedVersion} is a {@link Conflict}. */
    @Transactional
    public User setRoles(String username, Set<String> roles, int expectedVersion) {
        return changed(username, sql.update("update platform.app_user set roles = ?::text[], version = version + 1"
                + " where username = ? and version = ?", roles(roles), username, expectedVersion));
    }

    /** New name and e-mail; an e-mail in use by someone else is refused naming the field. */
    @Transactional
    public User updateProfile(String username, String displayName, @Nullable String email, int expectedVersion) {
        refuseTaken(null, email, username);
        return changed(username, sql.update("update platform.app_user set display_name = ?, email = ?, version = version + 1"
                + " where username = ? and version = ?", displayName, email, username, expectedVersion));
    }

    /**
     * Deactivates or reactivates a user. Deactivating ends every session of theirs at once; nothing is deleted, so
     * their name stays in every history.
     */
    @Transactional
    public User setActive(String username, boolean active, int expectedVersion) {
        User user = changed(username, sql.update("update platform.app_user set active = ?, deactivated_at = ?, version = version + 1"
                        + " where username = ? and version = ?", active, active ? null : clock.instant(), username, expectedVersion));
        if (!active) {
            endSessions(username, null);
        }
        return user;
    }

    /** Ends the user's sessions, except the one with {@code keepIdHash} (the session making the change), if given. */
    @Transactional
    public int endSessions(String username, @Nullable String keepIdHash) {
        return sql.update("delete from platform.user_session where username = ? and id_hash is distinct from ?", username, keepIdHash);
    }

    /** Creates a user, or resets an existing user's details and password (demo data and test fixtures). */
    @Transactional
    public void save(String username, String displayName, @Nullable String email, @Nullable String municipality,
                     Set<String> roles, String password) {
        if (password == null || password.length() < PasswordHasher.MIN_LENGTH) {
            throw InvalidInput.field("password", "Adgangskoden skal være på mindst " + PasswordHasher.MIN_LENGTH + " tegn");
        }
        saveWithPasswordHash(username, displayName, email, municipality, roles, hasher.hash(password));
    }

    /**
     * As {@link #save}, with a hash already made by {@link PasswordHasher#hash}: the demo hashes its one published
     * password once for all its users instead of once per user on the start-up path.
     */
    @Transactional
    public void saveWithPasswordHash(String username, String displayName, @Nullable String email, @Nullable String municipality,
                                     Set<String> roles, String passwordHash) {
        sql.update("insert into platform.app_user (username, display_name, email, municipality_code, roles, password_hash)"
                        + " values (?, ?, ?, ?, ?::text[], ?) on conflict (username) do update set display_name = excluded.display_name,"
                        + " email = excluded.email, municipality_code = excluded.municipality_code, roles = excluded.roles,"
                        + " password_hash = excluded.password_hash, active = true",
                username, displayName, email, municipality, roles(roles), passwordHash);
    }

    private void refuseTaken(@Nullable String username, @Nullable String email, @Nullable String exceptUsername) {
        List<InvalidInput.FieldError> taken = new ArrayList<>();
        if (email != null && findByEmail(email).filter(u -> !u.username().equals(exceptUsername)).isPresent()) {
            taken.add(new InvalidInput.FieldError("email", "E-mailadressen »" + email + "« er allerede i brug af en anden bruger"));
        }
        if (username != null && find(username).isPresent()) {
            taken.add(new InvalidInput.FieldError("username", "Brugernavnet »" + username + "« er allerede i brug"));
        }
        if (!taken.isEmpty()) {
            throw new InvalidInput(taken);
        }
    }

    private User changed(String username, int rows) {
        User now = find(username).orElseThrow(() -> new IllegalArgumentException("unknown user " + username));
        if (rows == 0) {
            throw new Conflict("Brugeren er ændret af en anden i mellemtiden. Hent brugeren igen og prøv på ny.");
        }
        return now;
    }

    private static String roles(Set<String> roles) {
        return "{" + String.join(",", new TreeSet<>(roles)) + "}";
    }

    /** A user from a row with the columns of {@code COLUMNS} (also {@link Sessions#find}'s joined row). */
    static User user(ResultSet rs) throws SQLException {
        Array roles = rs.getArray("roles");
        return new User(rs.getString("username"), rs.getString("display_name"), rs.getString("email"),
                rs.getString("municipality_code"), Set.of((String[]) roles.getArray()), rs.getBoolean("active"),
                Sql.instant(rs, "last_login_at"), rs.getBoolean("has_password"), rs.getInt("version"));
    }
}
