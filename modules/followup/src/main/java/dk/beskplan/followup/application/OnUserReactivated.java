package dk.beskplan.followup.application;

import dk.beskplan.contracts.administration.UserReactivated;
import dk.beskplan.followup.FollowUpModule;
import dk.beskplan.platform.messaging.Envelope;
import dk.beskplan.platform.messaging.MessageHandler;
import jakarta.inject.Singleton;

/** "administration.user-reactivated": back at work; reminders resume (a new calendar address must be made). */
@Singleton
class OnUserReactivated implements MessageHandler<UserReactivated> {
    private final DepartureRepository departures;

    OnUserReactivated(DepartureRepository departures) {
        this.departures = departures;
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
        departures.delete(message.username());
    }
}
