package dk.beskplan.administration.application;

import dk.beskplan.administration.domain.PasswordPolicy;
import dk.beskplan.contracts.administration.SystemAdministratorCreated;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.web.InvalidInput;
import dk.beskplan.platform.web.ProblemException;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The system administrators of the installation (role ADMIN, no municipality), created from the command line
 * ({@code create-admin}) so that an installation can be started without the demo. Nothing else creates them.
 */
@Singleton
public class SystemAdministrators {
    static final String ACTOR = "system:create-admin";

    private final UserAccounts users;
    private final PasswordPolicy policy;
    private final Acts acts;

    SystemAdministrators(UserAccounts users, PasswordPolicy policy, Acts acts) {
        this.users = users;
        this.policy = policy;
        this.acts = acts;
    }

    /** Checks what can be checked without the database (the command asks for the password before connecting). */
    public static List<ProblemException.FieldError> refusals(PasswordPolicy policy, String username, String email, String password) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        String checkedEmail = Inputs.email(email, "email", true, errors);
        Inputs.username(username, null, "username", errors);
        policy.refusal(password, username, checkedEmail == null ? "" : checkedEmail)
                .ifPresent(r -> errors.add(new ProblemException.FieldError("password", r)));
        return errors;
    }

    /** Creates the administrator, or refuses (name or e-mail taken, password refused) creating nothing. */
    @Transactional
    public UserAccounts.User create(String username, String displayName, String email, String password) {
        List<ProblemException.FieldError> errors = refusals(policy, username, email, password);
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            errors.add(new ProblemException.FieldError("name", "Navnet skal udfyldes (højst 200 tegn)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        UserAccounts.User user = users.create(new UserAccounts.NewUser(username.strip().toLowerCase(java.util.Locale.ROOT),
                displayName.strip(), email.strip(), null, Set.of(Roles.ADMIN)));
        users.setPassword(user.username(), password);
        acts.record(new SystemAdministratorCreated(user.username(), user.displayName(), user.email()), ACTOR, null, user.username(),
                "Systemadministrator oprettet fra kommandolinjen: " + user.displayName() + " <" + user.email() + ">");
        return users.find(user.username()).orElseThrow();
    }
}
