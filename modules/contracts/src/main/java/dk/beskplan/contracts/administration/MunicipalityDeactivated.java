package dk.beskplan.contracts.administration;

import dk.beskplan.contracts.MessageContract;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The system administrator switched a municipality off: none of its users can sign in any more; nothing is deleted.
 */
@Serdeable
@MessageContract(type = "administration.municipality-deactivated", version = 1)
public record MunicipalityDeactivated(String municipality, String name) {
}
