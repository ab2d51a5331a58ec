package dk.beskplan.contracts.administration;

import dk.beskplan.contracts.MessageContract;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A user chose a password from an e-mailed link: {@code purpose} INVITATION (first password) or RESET
 * (forgotten password). Never carries the password or the link.
 */
@Serdeable
@MessageContract(type = "administration.password-link-used", version = 1)
public record PasswordLinkUsed(String username, String purpose) {
}
