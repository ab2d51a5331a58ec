package dk.beskplan.followup.application;

import dk.beskplan.contracts.administration.UserDeactivated;
import dk.beskplan.contracts.administration.UserReactivated;
import dk.beskplan.contracts.administration.UserRolesChanged;
import dk.beskplan.followup.FollowUpModule;
import dk.beskplan.platform.messaging.Envelope;
import dk.beskplan.platform.messaging.MessageHandler;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Set;

/**
 * Users who left: follow-up learns it from administration's messages (never from its tables). A deactivated user gets
 * no more reminders, their calendar feed stops, and the goals they own are listed for reassignment on the plan's
 * page. Their name stays on everything they reported.
 */
@Singleton
public class Departures {
    private final DepartureRepository departures;

    Departures(DepartureRepository departures) {
        this.departures = departures;
    }

    /** Of these user names, the deactivated ones. */
    @Transactional
    public Set<String> departed(List<String> usernames) {
        if (usernames.isEmpty()) {
            return Set.of();
        }
        return departures.departed(usernames);
    }

    @Transactional
    public boolean hasDeparted(String username) {
        return departures.hasDeparted(username);
    }
}
