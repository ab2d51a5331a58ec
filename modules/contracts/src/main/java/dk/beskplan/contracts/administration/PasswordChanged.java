package dk.beskplan.contracts.administration;

import dk.beskplan.contracts.MessageContract;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A signed-in user changed their own password (the current one given); their other sessions ended.
 */
@Serdeable
@MessageContract(type = "administration.password-changed", version = 1)
public record PasswordChanged(String username, int otherSessionsEnded) {
}
