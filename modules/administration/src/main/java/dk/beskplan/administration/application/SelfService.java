package dk.beskplan.administration.application;

import dk.beskplan.administration.domain.PasswordLink;
import dk.beskplan.administration.domain.PasswordPolicy;
import dk.beskplan.contracts.administration.FieldChange;
import dk.beskplan.contracts.administration.PasswordChanged;
import dk.beskplan.contracts.administration.PasswordLinkRenewed;
import dk.beskplan.contracts.administration.PasswordLinkUsed;
import dk.beskplan.contracts.administration.PasswordResetRequested;
import dk.beskplan.contracts.administration.UserProfileChanged;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.web.Conflict;
import dk.beskplan.platform.web.InvalidInput;
import dk.beskplan.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * What every user does for themselves: change their password (knowing the current one; their other sessions end),
 * their name and e-mail, and — without being signed in — ask for a reset link and choose a password from an
 * invitation or reset link.
 */
@Singleton
public class SelfService {
    private static final Logger LOG = LoggerFactory.getLogger(SelfService.class);
    static final String SYSTEM = "system:administration";

    /** Change my password. */
    @Serdeable
    public record PasswordChange(@Nullable String currentPassword, @Nullable String newPassword, @Nullable String repeatPassword) {
    }

    /** My name and e-mail, based on the version read. */
    @Serdeable
    public record Profile(@Nullable String displayName, @Nullable String email, @Nullable Integer version) {
    }

    /** A password chosen from a link; {@code repeatPassword} is optional for the API. */
    @Serdeable
    public record ChosenPassword(@Nullable String password, @Nullable String repeatPassword) {
    }

    /** What a presented link allows: choose a password (VALID), or why not. */
    @Serdeable
    public record LinkView(String state, @Nullable String purpose, @Nullable String username, @Nullable String displayName) {
    }

    private final UserAccounts users;
    private final PasswordPolicy policy;
    private final PasswordLinks links;
    private final Acts acts;
    private final TransactionOperations<Connection> transactions;
    private final ExecutorService background;

    SelfService(UserAccounts users, PasswordPolicy policy, PasswordLinks links, Acts acts,
                TransactionOperations<Connection> transactions, @Named(TaskExecutors.BLOCKING) ExecutorService background) {
        this.users = users;
        this.policy = policy;
        this.links = links;
        this.acts = acts;
        this.transactions = transactions;
        this.background = background;
    }

    /** Changes the signed-in user's password; every other session of theirs ends (the one with {@code keepSessionHash} stays). */
    @Transactional
    public int changePassword(String username, PasswordChange request, @Nullable String keepSessionHash) {
        UserAccounts.User user = users.find(username).orElseThrow();
        if (!users.passwordMatches(username, request.currentPassword())) {
            throw InvalidInput.field("currentPassword", "Den nuværende adgangskode er forkert");
        }
        checkNew(user, request.newPassword(), request.repeatPassword(), "newPassword");
        users.setPassword(username, request.newPassword());
        int ended = users.endSessions(username, keepSessionHash);
        acts.record(new PasswordChanged(username, ended), username, user.municipality(), username,
                user.displayName() + " skiftede sin adgangskode (" + ended + " andre sessioner afsluttet)");
        return ended;
    }

    @Transactional
    public UserAccounts.User updateProfile(String username, Profile request) {
        UserAccounts.User before = users.find(username).orElseThrow();
        List<ProblemException.FieldError> errors = new ArrayList<>();
        String name = Inputs.name(request.displayName(), "displayName", errors);
        String email = Inputs.email(request.email(), "email", true, errors);
        Inputs.refuseIfAny(errors);
        UserAccounts.User after = users.updateProfile(username, name, email, Inputs.version(request.version()));
        List<FieldChange> changes = new ArrayList<>();
        if (!Objects.equals(before.displayName(), after.displayName())) {
            changes.add(new FieldChange("displayName", before.displayName(), after.displayName()));
        }
        if (!Objects.equals(before.email(), after.email())) {
            changes.add(new FieldChange("email", before.email(), after.email()));
        }
        if (!changes.isEmpty()) {
            acts.record(new UserProfileChanged(username, changes), username, before.municipality(), username,
                    "Profil ændret: " + String.join("; ", changes.stream().map(c -> (c.field().equals("email") ? "e-mail" : "navn")
                            + " »" + c.before() + "« → »" + c.after() + "«").toList()));
        }
        return after;
    }

    /**
     * "Glemt adgangskode?": answers at once and the same way whether or not the user exists; the lookup, the link and
     * the mail happen afterwards, in the background, so not even the time taken tells whether the user exists.
     */
    public void requestReset(@Nullable String usernameOrEmail) {
        if (usernameOrEmail == null || usernameOrEmail.isBlank()) {
            throw InvalidInput.field("usernameOrEmail", "Skriv dit brugernavn eller din e-mailadresse");
        }
        if (usernameOrEmail.length() > 254) {
            throw InvalidInput.field("usernameOrEmail", "Højst 254 tegn");
        }
        String given = usernameOrEmail.strip();
        background.execute(() -> {
            try {
                transactions.executeWrite(status -> {
                    sendReset(given);
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warn("Password reset for a requested user could not be prepared: {}", e.toString());
            }
        });
    }

    private void sendReset(String given) {
        Optional<UserAccounts.User> user = users.find(given.toLowerCase(java.util.Locale.ROOT)).or(() -> users.find(given))
                .or(() -> given.contains("@") ? users.findByEmail(given) : Optional.empty());
        if (user.isEmpty() || !users.maySignIn(user.get()) || user.get().email() == null) {
            return;
        }
        UserAccounts.User u = user.get();
        links.send(u, PasswordLink.Purpose.RESET, null);
        acts.record(new PasswordResetRequested(u.username()), SYSTEM, u.municipality(), u.username(),
                "Nulstilling af adgangskode bestilt for " + u.displayName() + " (link sendt til " + u.email() + ")");
    }

    @Transactional
    public LinkView link(String token) {
        return links.find(token).map(found -> {
            UserAccounts.User user = users.find(found.username()).orElse(null);
            String state = user == null || !users.maySignIn(user) ? "CLOSED" : found.state().name();
            return new LinkView(state, found.purpose().name(), found.username(), user == null ? null : user.displayName());
        }).orElse(new LinkView("UNKNOWN", null, null, null));
    }

    /** Chooses a password from a valid link; the link is used up, and any session the user had ends. */
    @Transactional
    public UserAccounts.User choosePassword(String token, ChosenPassword request) {
        PasswordLinks.Found found = links.find(token).orElseThrow(() -> new Conflict(refusal("UNKNOWN")));
        UserAccounts.User user = users.find(found.username()).orElseThrow(() -> new Conflict(refusal("UNKNOWN")));
        if (!users.maySignIn(user)) {
            throw new Conflict(refusal("CLOSED"));
        }
        if (found.state() != PasswordLink.State.VALID) {
            throw new Conflict(refusal(found.state().name()));
        }
        checkNew(user, request.password(), request.repeatPassword(), "password");
        if (!links.markUsed(found)) {
            throw new Conflict(refusal("USED"));
        }
        users.setPassword(user.username(), request.password());
        users.endSessions(user.username(), null);
        acts.record(new PasswordLinkUsed(user.username(), found.purpose().name()), user.username(), user.municipality(), user.username(),
                user.displayName() + (found.purpose() == PasswordLink.Purpose.INVITATION ? " valgte sin første adgangskode fra invitationen"
                        : " valgte en ny adgangskode fra nulstillingslinket"));
        return user;
    }

    /**
     * A new link in place of an expired, used or replaced one: to the user's own e-mail address, so whoever holds the
     * old link gains nothing. An invitation while the user still has no password, otherwise a reset. Says nothing
     * about whether the link was known.
     */
    @Transactional
    public void renew(String token) {
        links.find(token).ifPresent(found -> users.find(found.username()).filter(users::maySignIn).filter(u -> u.email() != null)
                .ifPresent(user -> {
                    PasswordLink.Purpose purpose = user.hasPassword() ? PasswordLink.Purpose.RESET : PasswordLink.Purpose.INVITATION;
                    links.send(user, purpose, null);
                    acts.record(new PasswordLinkRenewed(user.username(), purpose.name()), SYSTEM, user.municipality(), user.username(),
                            "Nyt link (" + (purpose == PasswordLink.Purpose.INVITATION ? "invitation" : "nulstilling") + ") sendt til "
                                    + user.displayName() + " <" + user.email() + ">");
                }));
    }

    /** Why a link cannot be used, in Danish. */
    public static String refusal(String state) {
        return switch (state) {
            case "EXPIRED" -> "Linket er udløbet.";
            case "USED" -> "Linket er allerede brugt; et link virker kun én gang.";
            case "REPLACED" -> "Der er sendt et nyere link; kun det nyeste virker.";
            case "CLOSED" -> "Brugerens adgang er lukket. Kontakt din kommunes administrator.";
            default -> "Linket er ukendt. Tjek, at hele adressen fra e-mailen er med.";
        };
    }

    private void checkNew(UserAccounts.User user, @Nullable String password, @Nullable String repeat, String field) {
        String email = user.email() == null ? "" : user.email();
        policy.refusal(password, user.username(), email).ifPresent(r -> {
            throw InvalidInput.field(field, r);
        });
        if (repeat != null && !repeat.equals(password)) {
            throw InvalidInput.field("repeatPassword", "De to adgangskoder er ikke ens");
        }
    }
}
