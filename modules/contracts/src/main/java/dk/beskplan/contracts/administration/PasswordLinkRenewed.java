package dk.beskplan.contracts.administration;

import dk.beskplan.contracts.MessageContract;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An expired or used link was replaced by a new one sent to the user's own e-mail address ({@code purpose}
 * INVITATION or RESET).
 */
@Serdeable
@MessageContract(type = "administration.password-link-renewed", version = 1)
public record PasswordLinkRenewed(String username, String purpose) {
}
