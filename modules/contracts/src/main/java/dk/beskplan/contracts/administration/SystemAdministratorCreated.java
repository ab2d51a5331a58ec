package dk.beskplan.contracts.administration;

import dk.beskplan.contracts.MessageContract;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A system administrator (role ADMIN, no municipality) was created from the command line ({@code create-admin}),
 * typically the very first user of an installation.
 */
@Serdeable
@MessageContract(type = "administration.system-administrator-created", version = 1)
public record SystemAdministratorCreated(String username, String displayName, String email) {
}
