package dk.beskplan.administration.application;

import dk.beskplan.contracts.administration.UserCreatedBySingleSignOn;
import dk.beskplan.contracts.administration.UserRolesChanged;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.security.sso.SingleSignOnObserver;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Users that a municipality's own login creates, and roles it changes, are administrative acts like those done on
 * the administration pages: published and archived, in the login's transaction. The actor is the user themself,
 * the summary says the municipality's login did it.
 */
@Singleton
class SingleSignOnActs implements SingleSignOnObserver {
    private final Acts acts;

    SingleSignOnActs(Acts acts) {
        this.acts = acts;
    }

    @Override
    public void userCreated(UserAccounts.User user) {
        acts.record(new UserCreatedBySingleSignOn(user.username(), user.displayName(), user.email(), user.municipality(),
                        sorted(user.roles())), user.username(), user.municipality(), user.username(),
                "Bruger oprettet ved første login via kommunens login: " + user.displayName() + ", roller "
                        + RoleNames.danish(user.roles()));
    }

    @Override
    public void rolesChanged(UserAccounts.User user, Set<String> before, Set<String> after) {
        acts.record(new UserRolesChanged(user.username(), user.municipality(), sorted(before), sorted(after)), user.username(),
                user.municipality(), user.username(), "Roller ændret for " + user.displayName() + " ved login via kommunens login: "
                        + RoleNames.danish(before) + " → " + RoleNames.danish(after));
    }

    private static List<String> sorted(Set<String> roles) {
        return List.copyOf(new TreeSet<>(roles));
    }
}
