package dk.beskplan.contracts.administration;

import dk.beskplan.contracts.MessageContract;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A deactivated user was reactivated and may sign in again.
 */
@Serdeable
@MessageContract(type = "administration.user-reactivated", version = 1)
public record UserReactivated(String username, String displayName, @Nullable String municipality) {
}
