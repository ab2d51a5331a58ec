package dk.beskplan.administration.application;

import dk.beskplan.platform.security.Roles;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** The roles in Danish, as pages, mails and the audit history name them. */
public final class RoleNames {
    public static final Map<String, String> DANISH = Map.of(Roles.OFFICIAL, "embedsmand", Roles.SECRETARY, "udvalgssekretær",
            Roles.MANAGER, "leder", Roles.READER, "læser", Roles.LOCAL_ADMIN, "lokal administrator", Roles.ADMIN, "systemadministrator");

    private RoleNames() {
    }

    public static String danish(Collection<String> roles) {
        return Roles.ALL.stream().filter(roles::contains).map(r -> DANISH.getOrDefault(r, r)).collect(Collectors.joining(", "));
    }
}
