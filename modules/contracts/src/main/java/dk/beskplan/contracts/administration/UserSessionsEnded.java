package dk.beskplan.contracts.administration;

import dk.beskplan.contracts.MessageContract;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An administrator ended every session of a user (a lost laptop, a shared computer): the user must sign in again.
 * {@code ended}: how many sessions there were.
 */
@Serdeable
@MessageContract(type = "administration.user-sessions-ended", version = 1)
public record UserSessionsEnded(String username, String displayName, @Nullable String municipality, int ended) {
}
