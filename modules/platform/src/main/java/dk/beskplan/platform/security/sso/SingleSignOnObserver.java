package dk.beskplan.platform.security.sso;

import dk.beskplan.platform.security.UserAccounts;

import java.util.Set;

/**
 * Told, inside the login's transaction, when a login through a municipality's own login creates a user or changes
 * their roles. The administration module implements it to publish these as administrative acts (platform knows no
 * module; this keeps the dependency pointing from the module to platform).
 */
public interface SingleSignOnObserver {
    void userCreated(UserAccounts.User user);

    void rolesChanged(UserAccounts.User user, Set<String> before, Set<String> after);
}
