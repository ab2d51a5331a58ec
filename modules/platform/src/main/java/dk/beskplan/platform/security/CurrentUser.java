package dk.beskplan.platform.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;

import java.util.Collection;
import java.util.Set;

/**
 * The signed-in user as modules need it: name, municipality (null for a global administrator) and roles.
 */
public record CurrentUser(String username, @Nullable String municipality, Set<String> roles) {

    static final String MUNICIPALITY_ATTRIBUTE = "municipality";

    public static CurrentUser of(Authentication authentication) {
        Object municipality = authentication.getAttributes().get(MUNICIPALITY_ATTRIBUTE);
        Collection<String> roles = authentication.getRoles();
        return new CurrentUser(authentication.getName(), municipality == null ? null : municipality.toString(), Set.copyOf(roles));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Whether this user may see data of {@code municipalityCode}: their own, or any for a global admin. */
    public boolean canSee(String municipalityCode) {
        return municipality == null ? hasRole(Roles.ADMIN) : municipality.equals(municipalityCode);
    }
}
