package dk.beskplan.administration.application;

import dk.beskplan.administration.domain.PasswordLink;
import dk.beskplan.administration.domain.RoleGrants;
import dk.beskplan.contracts.administration.UserDeactivated;
import dk.beskplan.contracts.administration.UserInvited;
import dk.beskplan.contracts.administration.UserReactivated;
import dk.beskplan.contracts.administration.UserRolesChanged;
import dk.beskplan.contracts.administration.UserSessionsEnded;
import dk.beskplan.contracts.administration.PasswordLinkRenewed;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Sessions;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.tenancy.Municipalities;
import dk.beskplan.platform.web.Conflict;
import dk.beskplan.platform.web.InvalidInput;
import dk.beskplan.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A municipality's users as its local administrator (or the system administrator) manages them: invite, change
 * roles, deactivate, reactivate, send a new invitation, list and search. A user's name stays in every history:
 * nothing is ever deleted.
 */
@Singleton
public class UserAdministration {
    static final int LIST_LIMIT = 500;

    /** Invite a user; an empty user name means "use the e-mail address". */
    @Serdeable
    public record Invitation(@Nullable String username, @Nullable String displayName, @Nullable String email,
                             @Nullable List<String> roles) {
    }

    /** New roles for a user, based on the version read. */
    @Serdeable
    public record RoleChange(@Nullable List<String> roles, @Nullable Integer version) {
    }

    private final UserAccounts users;
    private final Scope scope;
    private final PasswordLinks links;
    private final Acts acts;
    private final Sessions sessions;

    UserAdministration(UserAccounts users, Scope scope, PasswordLinks links, Acts acts, Sessions sessions) {
        this.sessions = sessions;
        this.users = users;
        this.scope = scope;
        this.links = links;
        this.acts = acts;
    }

    /** The municipality's users, active first; {@code text} filters on user name, name and e-mail. */
    @Transactional
    public List<UserAccounts.User> list(CurrentUser actor, String municipality, @Nullable String text) {
        scope.municipality(actor, municipality);
        return users.search(municipality, text, LIST_LIMIT);
    }

    @Transactional
    public UserAccounts.User get(CurrentUser actor, String username) {
        return scope.user(actor, username);
    }

    @Transactional
    public UserAccounts.User invite(CurrentUser actor, String municipalityCode, Invitation request) {
        Municipalities.Municipality municipality = scope.municipality(actor, municipalityCode);
        List<ProblemException.FieldError> errors = new ArrayList<>();
        String name = Inputs.name(request.displayName(), "displayName", errors);
        String email = Inputs.email(request.email(), "email", true, errors);
        String username = Inputs.username(request.username(), email, "username", errors);
        Set<String> roles = request.roles() == null ? Set.of() : new TreeSet<>(request.roles());
        RoleGrants.refusal(roles).ifPresent(r -> errors.add(new ProblemException.FieldError("roles", r)));
        Inputs.refuseIfAny(errors);
        if (!municipality.active()) {
            throw new Conflict(municipality.shownName() + " er ikke aktiv; kommunen skal aktiveres, før der kan inviteres brugere");
        }
        UserAccounts.User user = users.create(new UserAccounts.NewUser(username, name, email, municipalityCode, roles));
        links.send(user, PasswordLink.Purpose.INVITATION, actorName(actor));
        acts.record(new UserInvited(username, name, email, municipalityCode, List.copyOf(roles)), actor.username(), municipalityCode,
                username, "Inviteret: " + name + " <" + email + ">, roller " + RoleNames.danish(roles));
        return user;
    }

    @Transactional
    public UserAccounts.User changeRoles(CurrentUser actor, String username, RoleChange request) {
        UserAccounts.User before = scope.user(actor, username);
        refuseForSystemAdministrators(before);
        Set<String> roles = request.roles() == null ? Set.of() : new TreeSet<>(request.roles());
        RoleGrants.refusal(roles).ifPresent(r -> {
            throw InvalidInput.field("roles", r);
        });
        if (username.equals(actor.username())) {
            throw InvalidInput.field("roles", "Du kan ikke ændre dine egne roller; bed en anden administrator om det");
        }
        UserAccounts.User after = users.setRoles(username, roles, Inputs.version(request.version()));
        if (!new TreeSet<>(before.roles()).equals(roles)) {
            acts.record(new UserRolesChanged(username, before.municipality(), sorted(before.roles()), sorted(roles)), actor.username(),
                    before.municipality(), username, "Roller ændret for " + before.displayName() + ": " + RoleNames.danish(before.roles())
                            + " → " + RoleNames.danish(roles));
        }
        return after;
    }

    /** Deactivates a user: their sessions end at once; the message tells the other modules (reminders, goals). */
    @Transactional
    public UserAccounts.User deactivate(CurrentUser actor, String username, @Nullable Integer version) {
        UserAccounts.User user = scope.user(actor, username);
        refuseForSystemAdministrators(user);
        if (username.equals(actor.username())) {
            throw new Conflict("Du kan ikke deaktivere dig selv");
        }
        if (!user.active()) {
            throw new Conflict(user.displayName() + " er allerede deaktiveret");
        }
        UserAccounts.User after = users.setActive(username, false, Inputs.version(version));
        acts.record(new UserDeactivated(username, user.displayName(), user.municipality()), actor.username(), user.municipality(),
                username, "Deaktiveret: " + user.displayName() + " (alle sessioner afsluttet)");
        return after;
    }

    /** The user's live sessions, as their administrator sees them (none is "this session"). */
    @Transactional
    public List<Sessions.SessionInfo> sessions(CurrentUser actor, String username) {
        return sessions.list(scope.user(actor, username).username(), null);
    }

    /**
     * Ends every session of a user (a lost laptop, a shared computer): they must sign in again. Recorded as an act
     * even when there was none, so the history shows it was done.
     */
    @Transactional
    public int endSessions(CurrentUser actor, String username) {
        UserAccounts.User user = scope.user(actor, username);
        int ended = sessions.endAll(username);
        acts.record(new UserSessionsEnded(username, user.displayName(), user.municipality(), ended), actor.username(), user.municipality(),
                username, "Sessioner afsluttet for " + user.displayName() + ": " + ended);
        return ended;
    }

    @Transactional
    public UserAccounts.User reactivate(CurrentUser actor, String username, @Nullable Integer version) {
        UserAccounts.User user = scope.user(actor, username);
        refuseForSystemAdministrators(user);
        if (user.active()) {
            throw new Conflict(user.displayName() + " er allerede aktiv");
        }
        UserAccounts.User after = users.setActive(username, true, Inputs.version(version));
        acts.record(new UserReactivated(username, user.displayName(), user.municipality()), actor.username(), user.municipality(),
                username, "Genaktiveret: " + user.displayName());
        return after;
    }

    /** Sends a new invitation to a user who has not chosen a password yet (the old link stops working). */
    @Transactional
    public UserAccounts.User reinvite(CurrentUser actor, String username) {
        UserAccounts.User user = scope.user(actor, username);
        if (user.hasPassword()) {
            throw new Conflict(user.displayName() + " har allerede valgt en adgangskode; brug »Glemt adgangskode?« på login-siden");
        }
        if (!user.active() || user.email() == null) {
            throw new Conflict(user.displayName() + " er deaktiveret eller har ingen e-mailadresse");
        }
        links.send(user, PasswordLink.Purpose.INVITATION, actorName(actor));
        acts.record(new PasswordLinkRenewed(username, PasswordLink.Purpose.INVITATION.name()), actor.username(), user.municipality(),
                username, "Ny invitation sendt til " + user.displayName() + " <" + user.email() + ">");
        return user;
    }

    /** System administrators are made from the command line only; the pages and API do not change them. */
    private static void refuseForSystemAdministrators(UserAccounts.User user) {
        if (user.municipality() == null) {
            throw new Conflict("Systemadministratorer ændres kun fra kommandolinjen");
        }
    }

    private String actorName(CurrentUser actor) {
        return users.find(actor.username()).map(UserAccounts.User::displayName).orElse(actor.username());
    }

    private static List<String> sorted(Set<String> roles) {
        return List.copyOf(new TreeSet<>(roles));
    }
}
