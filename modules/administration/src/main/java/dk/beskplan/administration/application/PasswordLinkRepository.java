package dk.beskplan.administration.application;

import dk.beskplan.platform.persistence.Sql;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;

/** The stored password links (only their hashes). */
@Singleton
class PasswordLinkRepository {
    /** A stored link as its row holds it. */
    record Row(String hash, String username, String purpose, Instant expiresAt, @Nullable Instant usedAt,
               @Nullable Instant supersededAt) {
    }

    private final Sql sql;

    PasswordLinkRepository(Sql sql) {
        this.sql = sql;
    }

    /** Supersedes the user's unused links of the purpose. */
    void supersede(String username, String purpose, Instant now) {
        sql.update("update administration.password_link set superseded_at = ? where username = ? and purpose = ?"
                + " and used_at is null and superseded_at is null", now, username, purpose);
    }

    void insert(String hash, String username, String purpose, Instant createdAt, Instant expiresAt) {
        sql.update("insert into administration.password_link (token_hash, username, purpose, created_at, expires_at)"
                + " values (?, ?, ?, ?, ?)", hash, username, purpose, createdAt, expiresAt);
    }

    Optional<Row> find(String hash) {
        return sql.queryOne("select token_hash, username, purpose, expires_at, used_at, superseded_at"
                        + " from administration.password_link where token_hash = ?",
                rs -> new Row(rs.getString("token_hash"), rs.getString("username"), rs.getString("purpose"),
                        Sql.instant(rs, "expires_at"), Sql.instant(rs, "used_at"), Sql.instant(rs, "superseded_at")),
                hash);
    }

    /** Marks a valid link used; false when it was used or superseded in the meantime. */
    boolean markUsed(String hash, Instant now) {
        return sql.update("update administration.password_link set used_at = ? where token_hash = ? and used_at is null"
                + " and superseded_at is null", now, hash) == 1;
    }
}
