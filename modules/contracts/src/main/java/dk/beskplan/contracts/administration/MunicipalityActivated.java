package dk.beskplan.contracts.administration;

import dk.beskplan.contracts.MessageContract;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The system administrator switched a municipality on and named its local administrator, who is invited by e-mail.
 * Its users may sign in from now on.
 */
@Serdeable
@MessageContract(type = "administration.municipality-activated", version = 1)
public record MunicipalityActivated(String municipality, String name, String localAdminUsername, String localAdminName,
                                    String localAdminEmail) {
}
