package dk.beskplan.followup.application;

import dk.beskplan.platform.persistence.Sql;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;

/** Managers' calendar feeds: one per user, only the SHA-256 of the address's token stored. */
@Singleton
class CalendarFeedRepository {
    private final Sql sql;

    CalendarFeedRepository(Sql sql) {
        this.sql = sql;
    }

    /** The user's feed, replacing the one they had. */
    void save(String username, String tokenHash, Instant now) {
        sql.update("insert into followup.calendar_feed (username, token_hash, created_at) values (?, ?, ?)"
                        + " on conflict (username) do update set token_hash = excluded.token_hash, created_at = excluded.created_at",
                username, tokenHash, now);
    }

    boolean exists(String username) {
        return sql.queryOne("select 1 from followup.calendar_feed where username = ?", rs -> 1, username).isPresent();
    }

    Optional<String> owner(String tokenHash) {
        return sql.queryOne("select username from followup.calendar_feed where token_hash = ?", rs -> rs.getString(1), tokenHash);
    }

    void delete(String username) {
        sql.update("delete from followup.calendar_feed where username = ?", username);
    }
}
