package dk.beskplan.followup.application;

import dk.beskplan.contracts.administration.UserDeactivated;
import dk.beskplan.contracts.administration.UserReactivated;
import dk.beskplan.contracts.administration.UserRolesChanged;
import dk.beskplan.followup.FollowUpModule;
import dk.beskplan.platform.messaging.Envelope;
import dk.beskplan.platform.messaging.MessageHandler;
import dk.beskplan.platform.persistence.Sql;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Users who left: follow-up learns it from administration's messages (never from its tables). A deactivated user gets
 * no more reminders, their calendar feed stops, and the goals they own are listed for reassignment on the plan's
 * page. Their name stays on everything they reported.
 */
@Singleton
public class Departures {
    private final Sql sql;

    Departures(Sql sql) {
        this.sql = sql;
    }

    /** Of these user names, the deactivated ones. */
    @Transactional
    public Set<String> departed(List<String> usernames) {
        if (usernames.isEmpty()) {
            return Set.of();
        }
        return sql.query("select username from followup.departed_user where username = any(?::text[])", rs -> rs.getString(1),
                "{" + usernames.stream().map(u -> "\"" + u.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").collect(Collectors.joining(",")) + "}")
                .stream().collect(Collectors.toSet());
    }

    @Transactional
    public boolean hasDeparted(String username) {
        return sql.queryOne("select 1 from followup.departed_user where username = ?", rs -> 1, username).isPresent();
    }

    /** "administration.user-deactivated": remember the departure and close the calendar feed. */
    @Singleton
    static class Deactivated implements MessageHandler<UserDeactivated> {
        private final Sql sql;

        Deactivated(Sql sql) {
            this.sql = sql;
        }

        @Override
        public String module() {
            return FollowUpModule.MODULE.name();
        }

        @Override
        public Class<UserDeactivated> messageType() {
            return UserDeactivated.class;
        }

        @Override
        public void handle(UserDeactivated message, Envelope envelope) {
            sql.update("insert into followup.departed_user (username, display_name, municipality, deactivated_at) values (?, ?, ?, ?)"
                            + " on conflict (username) do update set deactivated_at = excluded.deactivated_at",
                    message.username(), message.displayName(), message.municipality(), envelope.occurredAt());
            sql.update("delete from followup.calendar_feed where username = ?", message.username());
        }
    }

    /**
     * "administration.user-roles-changed": a user who is no longer a manager loses the calendar address (it would show
     * nothing anyway: the feed checks the role on every request); a new one must be made if the role comes back.
     */
    @Singleton
    static class RolesChanged implements MessageHandler<UserRolesChanged> {
        private final Sql sql;

        RolesChanged(Sql sql) {
            this.sql = sql;
        }

        @Override
        public String module() {
            return FollowUpModule.MODULE.name();
        }

        @Override
        public Class<UserRolesChanged> messageType() {
            return UserRolesChanged.class;
        }

        @Override
        public void handle(UserRolesChanged message, Envelope envelope) {
            if (!message.rolesAfter().contains("MANAGER")) {
                sql.update("delete from followup.calendar_feed where username = ?", message.username());
            }
        }
    }

    /** "administration.user-reactivated": back at work; reminders resume (a new calendar address must be made). */
    @Singleton
    static class Reactivated implements MessageHandler<UserReactivated> {
        private final Sql sql;

        Reactivated(Sql sql) {
            this.sql = sql;
        }

        @Override
        public String module() {
            return FollowUpModule.MODULE.name();
        }

        @Override
        public Class<UserReactivated> messageType() {
            return UserReactivated.class;
        }

        @Override
        public void handle(UserReactivated message, Envelope envelope) {
            sql.update("delete from followup.departed_user where username = ?", message.username());
        }
    }

}
