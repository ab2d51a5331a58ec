package dk.beskplan.followup.application;

import dk.beskplan.platform.persistence.Sql;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Users administration deactivated, as follow-up learned it from its messages. */
@Singleton
class DepartureRepository {
    private final Sql sql;

    DepartureRepository(Sql sql) {
        this.sql = sql;
    }

    void save(String username, String displayName, String municipality, Instant deactivatedAt) {
        sql.update("insert into followup.departed_user (username, display_name, municipality, deactivated_at) values (?, ?, ?, ?)"
                        + " on conflict (username) do update set deactivated_at = excluded.deactivated_at",
                username, displayName, municipality, deactivatedAt);
    }

    void delete(String username) {
        sql.update("delete from followup.departed_user where username = ?", username);
    }

    /** Of these (non-empty) user names, the departed ones. */
    Set<String> departed(List<String> usernames) {
        return sql.query("select username from followup.departed_user where username = any(?::text[])", rs -> rs.getString(1),
                "{" + usernames.stream().map(u -> "\"" + u.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").collect(Collectors.joining(",")) + "}")
                .stream().collect(Collectors.toSet());
    }

    boolean hasDeparted(String username) {
        return sql.queryOne("select 1 from followup.departed_user where username = ?", rs -> 1, username).isPresent();
    }
}
