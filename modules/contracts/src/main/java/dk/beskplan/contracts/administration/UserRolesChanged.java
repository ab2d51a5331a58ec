package dk.beskplan.contracts.administration;

import dk.beskplan.contracts.MessageContract;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A user's roles changed.
 */
@Serdeable
@MessageContract(type = "administration.user-roles-changed", version = 1)
public record UserRolesChanged(String username, @Nullable String municipality, List<String> rolesBefore, List<String> rolesAfter) {
}
