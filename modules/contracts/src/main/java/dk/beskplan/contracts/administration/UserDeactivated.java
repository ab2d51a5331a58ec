package dk.beskplan.contracts.administration;

import dk.beskplan.contracts.MessageContract;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A user was deactivated: every session of theirs ended, they can no longer sign in, their calendar feed stops and they
 * get no more reminders. Modules that give users work (follow-up's goal owners) should offer it to someone else.
 * Nothing is deleted: their name stays in every history.
 */
@Serdeable
@MessageContract(type = "administration.user-deactivated", version = 1)
public record UserDeactivated(String username, String displayName, @Nullable String municipality) {
}
