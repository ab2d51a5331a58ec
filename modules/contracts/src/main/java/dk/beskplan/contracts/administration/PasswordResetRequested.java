package dk.beskplan.contracts.administration;

import dk.beskplan.contracts.MessageContract;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Someone asked for a password reset link for an existing user ("Glemt adgangskode?"); the link went to the
 * user's own e-mail address. Never carries the link.
 */
@Serdeable
@MessageContract(type = "administration.password-reset-requested", version = 1)
public record PasswordResetRequested(String username) {
}
