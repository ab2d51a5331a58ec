package dk.beskplan.followup.application;

import dk.beskplan.contracts.administration.UserDeactivated;
import dk.beskplan.followup.FollowUpModule;
import dk.beskplan.platform.messaging.Envelope;
import dk.beskplan.platform.messaging.MessageHandler;
import jakarta.inject.Singleton;

/** "administration.user-deactivated": remember the departure and close the calendar feed. */
@Singleton
class OnUserDeactivated implements MessageHandler<UserDeactivated> {
    private final DepartureRepository departures;
    private final CalendarFeedRepository feeds;

    OnUserDeactivated(DepartureRepository departures, CalendarFeedRepository feeds) {
        this.departures = departures;
        this.feeds = feeds;
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
        departures.save(message.username(), message.displayName(), message.municipality(), envelope.occurredAt());
        feeds.delete(message.username());
    }
}
