package dk.beskplan.contracts.administration;

import dk.beskplan.contracts.MessageContract;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A user was created and invited by e-mail to choose a password (the link itself is never carried).
 */
@Serdeable
@MessageContract(type = "administration.user-invited", version = 1)
public record UserInvited(String username, String displayName, String email, @Nullable String municipality,
                          List<String> roles) {
}
