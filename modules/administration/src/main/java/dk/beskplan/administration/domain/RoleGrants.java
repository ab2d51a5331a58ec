package dk.beskplan.administration.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which roles a user of a municipality may be given, and by whom. The system administrator (ADMIN) belongs to no
 * municipality and is created only from the command line; so nobody grants ADMIN through the pages or the API, and
 * in particular a local administrator never can. At least one role is needed, from the known ones.
 */
public final class RoleGrants {
    public static final String ADMIN = "ADMIN";
    /** The roles a municipality's user may hold, in the order the pages offer them. */
    public static final List<String> MUNICIPALITY_ROLES = List.of("OFFICIAL", "SECRETARY", "MANAGER", "READER", "LOCAL_ADMIN");

    private RoleGrants() {
    }

    /** Why these roles cannot be given to a municipality's user, or empty when they can. */
    public static Optional<String> refusal(Set<String> roles) {
        if (roles == null || roles.isEmpty()) {
            return Optional.of("Vælg mindst én rolle");
        }
        if (roles.contains(ADMIN)) {
            return Optional.of("Systemadministrator-rollen kan ikke tildeles her; den oprettes kun fra kommandolinjen");
        }
        return roles.stream().filter(r -> !MUNICIPALITY_ROLES.contains(r)).findFirst()
                .map(r -> "Ukendt rolle »" + r + "«; mulige roller: " + String.join(", ", MUNICIPALITY_ROLES));
    }
}
