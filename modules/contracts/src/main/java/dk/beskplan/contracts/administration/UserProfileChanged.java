package dk.beskplan.contracts.administration;

import dk.beskplan.contracts.MessageContract;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A user's name or e-mail changed (by themselves or an administrator): each changed field, before and after.
 */
@Serdeable
@MessageContract(type = "administration.user-profile-changed", version = 1)
public record UserProfileChanged(String username, List<FieldChange> changes) {
}
