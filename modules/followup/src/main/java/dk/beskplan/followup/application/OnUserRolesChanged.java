package dk.beskplan.followup.application;

import dk.beskplan.contracts.administration.UserRolesChanged;
import dk.beskplan.followup.FollowUpModule;
import dk.beskplan.platform.messaging.Envelope;
import dk.beskplan.platform.messaging.MessageHandler;
import jakarta.inject.Singleton;

/**
 * "administration.user-roles-changed": a user who is no longer a manager loses the calendar address (it would show
 * nothing anyway: the feed checks the role on every request); a new one must be made if the role comes back.
 */
@Singleton
class OnUserRolesChanged implements MessageHandler<UserRolesChanged> {
    private final CalendarFeedRepository feeds;

    OnUserRolesChanged(CalendarFeedRepository feeds) {
        this.feeds = feeds;
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
            feeds.delete(message.username());
        }
    }
}
