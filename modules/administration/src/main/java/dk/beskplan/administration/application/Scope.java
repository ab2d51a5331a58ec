package dk.beskplan.administration.application;

import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.tenancy.Municipalities;
import dk.beskplan.platform.web.NotFound;
import dk.beskplan.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Who may administer what: the system administrator every municipality and user; a local administrator only their
 * own municipality and its users. Another municipality's code is 403 "no access", the same whether the code names a
 * municipality or not (the codes are public; whether a municipality uses Beskplan is not told); another municipality's
 * user is "not found", so a local administrator cannot even learn which users another municipality has.
 */
@Singleton
public class Scope {
    private final Municipalities municipalities;
    private final UserAccounts users;

    Scope(Municipalities municipalities, UserAccounts users) {
        this.municipalities = municipalities;
        this.users = users;
    }

    public static boolean isSystemAdmin(CurrentUser actor) {
        return actor.hasRole(Roles.ADMIN) && actor.municipality() == null;
    }

    public static boolean administers(CurrentUser actor, String municipality) {
        return isSystemAdmin(actor) || (actor.hasRole(Roles.LOCAL_ADMIN) && municipality.equals(actor.municipality()));
    }

    public Municipalities.Municipality municipality(CurrentUser actor, String code) {
        if (!administers(actor, code)) {
            throw noAccess(code);
        }
        return municipalities.find(code).orElseThrow(() -> notFound(code));
    }

    /** The refusal of a municipality the actor does not administer: 403, saying nothing of whether it exists. */
    public static ProblemException noAccess(String code) {
        return new ProblemException(HttpStatus.FORBIDDEN, "Ingen adgang", "Du har ikke adgang til at administrere kommunen med kode "
                + code + ". Du kan kun administrere din egen kommune.", List.of());
    }

    /** A user the actor may administer: of their municipality, or any for the system administrator. */
    public UserAccounts.User user(CurrentUser actor, String username) {
        UserAccounts.User user = users.find(username).orElseThrow(() -> new NotFound("Brugeren " + username + " findes ikke"));
        boolean allowed = isSystemAdmin(actor) || (user.municipality() != null && administers(actor, user.municipality()));
        if (!allowed) {
            throw new NotFound("Brugeren " + username + " findes ikke");
        }
        return user;
    }

    private static NotFound notFound(String code) {
        return new NotFound("Kommunen " + code + " findes ikke");
    }
}
