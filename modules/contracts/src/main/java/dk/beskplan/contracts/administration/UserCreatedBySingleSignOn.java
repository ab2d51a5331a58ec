package dk.beskplan.contracts.administration;

import dk.beskplan.contracts.MessageContract;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A user was created at their first login through their municipality's own login (OpenID Connect), with the roles
 * their groups give. Later changes of those roles at a login are published as {@link UserRolesChanged}.
 */
@Serdeable
@MessageContract(type = "administration.user-created-by-single-sign-on", version = 1)
public record UserCreatedBySingleSignOn(String username, String displayName, String email, @Nullable String municipality,
                                        List<String> roles) {
}
