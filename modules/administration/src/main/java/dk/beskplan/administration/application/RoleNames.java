package dk.beskplan.administration.application;

import dk.beskplan.platform.security.Roles;

import java.util.Collection;
import java.util.Map;

/** The roles in Danish, as pages, mails and the audit history name them (the platform's names). */
public final class RoleNames {
    public static final Map<String, String> DANISH = Roles.DANISH;

    private RoleNames() {
    }

    public static String danish(Collection<String> roles) {
        return Roles.danish(roles);
    }
}
