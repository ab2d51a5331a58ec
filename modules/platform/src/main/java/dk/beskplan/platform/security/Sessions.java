package dk.beskplan.platform.security;

import dk.beskplan.platform.domain.Hashes;
import dk.beskplan.platform.persistence.Sql;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Server-side sessions in PostgreSQL: they survive restarts, work across instances, and logout really ends
 * them. The cookie carries a random 256-bit id; the table keeps only its hash, so a database dump does not
 * hand out live sessions. Every login creates a new id (no session fixation). A user has at most
 * {@code beskplan.security.session.max-per-user} sessions (default 5): a new one ends the oldest beyond that. Each
 * session remembers the browser (User-Agent) it started in, for "Mine sessioner".
 */
@Singleton
public class Sessions {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Touching last_seen on every request would write on every read; once a minute is precise enough. */
    private static final Duration TOUCH_GRANULARITY = Duration.ofMinutes(1);

    /** A live session. */
    public record Session(String idHash, String username, String csrfToken) {
    }

    /** A live session as its owner (and their administrators) see it; {@code current}: the one asking. */
    @io.micronaut.serde.annotation.Serdeable
    public record SessionInfo(Instant startedAt, Instant lastUsedAt, @io.micronaut.core.annotation.Nullable String userAgent,
                              boolean current) {
    }

    /** The longest User-Agent kept; longer ones are cut. */
    static final int MAX_USER_AGENT = 300;

    /** What login hands to the client: the cookie value and the CSRF token. */
    public record NewSession(String id, String csrfToken) {
    }

    private final Sql sql;
    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration absoluteTimeout;
    private final int maxPerUser;

    public Sessions(Sql sql, Clock clock,
                    @Value("${beskplan.security.session.idle-timeout:30m}") Duration idleTimeout,
                    @Value("${beskplan.security.session.absolute-timeout:12h}") Duration absoluteTimeout,
                    @Value("${beskplan.security.session.max-per-user:5}") int maxPerUser) {
        this.sql = sql;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.absoluteTimeout = absoluteTimeout;
        this.maxPerUser = Math.max(1, maxPerUser);
    }

    /** How many sessions a user may have at once. */
    public int maxPerUser() {
        return maxPerUser;
    }

    /** The session of the request being served (set when its cookie was checked), if any. */
    public static Optional<Session> current(io.micronaut.http.HttpRequest<?> request) {
        return request.getAttribute(SessionAuthenticationFetcher.SESSION_ATTRIBUTE, Session.class);
    }

    /** A new session for the user, in the browser of the request being served (its User-Agent, if any). */
    @Transactional
    public NewSession create(String username) {
        return create(username, io.micronaut.http.context.ServerRequestContext.currentRequest()
                .flatMap(r -> Optional.ofNullable(r.getHeaders().get(io.micronaut.http.HttpHeaders.USER_AGENT))).orElse(null));
    }

    /**
     * A new session; beyond {@link #maxPerUser()} the user's oldest sessions end. Logins of one user are taken one at
     * a time (the user's row is locked), so two at the same instant cannot both keep the oldest.
     */
    @Transactional
    public NewSession create(String username, @io.micronaut.core.annotation.Nullable String userAgent) {
        String id = randomToken();
        String csrf = randomToken();
        Instant now = clock.instant();
        sql.queryOne("select 1 from platform.app_user where username = ? for update", rs -> 1, username);
        String idHash = hash(id);
        sql.update("insert into platform.user_session (id_hash, username, csrf_token, created_at, last_seen_at, user_agent)"
                + " values (?, ?, ?, ?, ?, ?)", idHash, username, csrf, now, now, cleanUserAgent(userAgent));
        sql.update("delete from platform.user_session where username = ? and id_hash <> ? and id_hash not in"
                        + " (select id_hash from platform.user_session where username = ? and id_hash <> ?"
                        + " order by created_at desc, last_seen_at desc limit ?)",
                username, idHash, username, idHash, maxPerUser - 1);
        return new NewSession(id, csrf);
    }

    /** The user's live sessions, the most recently used first. */
    @Transactional
    public List<SessionInfo> list(String username, @io.micronaut.core.annotation.Nullable String currentHash) {
        Instant now = clock.instant();
        return sql.query("select id_hash, created_at, last_seen_at, user_agent from platform.user_session where username = ?"
                        + " and last_seen_at >= ? and created_at >= ? order by last_seen_at desc, created_at desc",
                rs -> new SessionInfo(Sql.instant(rs, "created_at"), Sql.instant(rs, "last_seen_at"), rs.getString("user_agent"),
                        rs.getString("id_hash").equals(currentHash)),
                username, now.minus(idleTimeout), now.minus(absoluteTimeout));
    }

    /** Ends every session of the user but {@code keepHash} ("Log de andre sessioner ud"); how many ended. */
    @Transactional
    public int endOthers(String username, String keepHash) {
        return sql.update("delete from platform.user_session where username = ? and id_hash <> ?", username, keepHash);
    }

    /** Ends every session of the user (an administrator's act); how many ended. */
    @Transactional
    public int endAll(String username) {
        return sql.update("delete from platform.user_session where username = ?", username);
    }

    static String cleanUserAgent(@io.micronaut.core.annotation.Nullable String userAgent) {
        if (userAgent == null) {
            return null;
        }
        String clean = userAgent.replaceAll("\\p{Cntrl}", " ").strip();
        if (clean.isEmpty()) {
            return null;
        }
        return clean.length() > MAX_USER_AGENT ? clean.substring(0, MAX_USER_AGENT) : clean;
    }

    /**
     * A live session and its user, read together in one statement (session, user and the municipality's state are
     * needed on every request, so one round trip instead of three). {@code maySignIn}: the user and their
     * municipality are active. An expired session is deleted and not returned.
     */
    public record SignedIn(Session session, UserAccounts.User user, boolean maySignIn) {
    }

    /** The live session for a cookie value with its user; an expired one is deleted and not returned. */
    @Transactional
    public Optional<SignedIn> find(String id) {
        if (id == null || id.isBlank() || id.length() > 100) {
            return Optional.empty();
        }
        String idHash = hash(id);
        Instant now = clock.instant();
        var row = sql.queryOne("select s.csrf_token, s.created_at as session_created_at, s.last_seen_at, " + UserAccounts.columns("u.")
                        + ", u.active and (u.municipality_code is null or coalesce(m.active, false)) as may_sign_in"
                        + " from platform.user_session s join platform.app_user u on u.username = s.username"
                        + " left join platform.municipality m on m.code = u.municipality_code where s.id_hash = ?",
                rs -> new Object[]{rs.getString("csrf_token"), Sql.instant(rs, "session_created_at"), Sql.instant(rs, "last_seen_at"),
                        UserAccounts.user(rs), rs.getBoolean("may_sign_in")},
                idHash);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Instant created = (Instant) row.get()[1];
        Instant lastSeen = (Instant) row.get()[2];
        if (lastSeen.plus(idleTimeout).isBefore(now) || created.plus(absoluteTimeout).isBefore(now)) {
            sql.update("delete from platform.user_session where id_hash = ?", idHash);
            return Optional.empty();
        }
        if (lastSeen.plus(TOUCH_GRANULARITY).isBefore(now)) {
            sql.update("update platform.user_session set last_seen_at = ? where id_hash = ?", now, idHash);
        }
        UserAccounts.User user = (UserAccounts.User) row.get()[3];
        return Optional.of(new SignedIn(new Session(idHash, user.username(), (String) row.get()[0]), user, (Boolean) row.get()[4]));
    }

    @Transactional
    public void delete(String id) {
        if (id != null) {
            sql.update("delete from platform.user_session where id_hash = ?", hash(id));
        }
    }

    /** Ends one session by its stored hash (e.g. found on a request of a user who was deactivated since). */
    @Transactional
    public void deleteByHash(String idHash) {
        sql.update("delete from platform.user_session where id_hash = ?", idHash);
    }

    /** 256 random bits, URL-safe: session ids, CSRF tokens, single sign-on state and nonce. */
    public static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** SHA-256 in hex: what is stored instead of a token. */
    public static String hash(String id) {
        return Hashes.sha256Hex(id);
    }
}
