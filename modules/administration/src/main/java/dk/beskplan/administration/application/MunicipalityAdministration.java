package dk.beskplan.administration.application;

import dk.beskplan.administration.domain.PasswordLink;
import dk.beskplan.contracts.administration.FieldChange;
import dk.beskplan.contracts.administration.MunicipalityActivated;
import dk.beskplan.contracts.administration.MunicipalityDeactivated;
import dk.beskplan.contracts.administration.MunicipalitySettingsChanged;
import dk.beskplan.contracts.administration.UserInvited;
import dk.beskplan.platform.documents.DocumentLook;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.tenancy.Municipalities;
import dk.beskplan.platform.web.Conflict;
import dk.beskplan.platform.web.InvalidInput;
import dk.beskplan.platform.web.ProblemException;
import dk.beskplan.platform.web.TextRules;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The system administrator switches municipalities on (naming their local administrator, who is invited) and off;
 * the municipality's settings (display name, contact e-mail, logo, the look of its documents) are kept by the system
 * or the local administrator.
 * Each act is published and listed ({@link Acts}).
 */
@Singleton
public class MunicipalityAdministration {

    /** Activate a municipality with its local administrator. */
    @Serdeable
    public record Activation(@Nullable String localAdminName, @Nullable String localAdminEmail, @Nullable Integer version) {
    }

    /** New settings; empty values clear them. */
    @Serdeable
    public record Settings(@Nullable String displayName, @Nullable String contactEmail, @Nullable Integer version) {
    }

    /**
     * The look of the municipality's documents: colours as #rrggbb, a font of {@link DocumentLook.Font} by name; empty
     * values are the documents' own look.
     */
    @Serdeable
    public record Look(@Nullable String primaryColour, @Nullable String tableHeaderColour, @Nullable String font,
                       @Nullable Integer version) {
    }

    private final Municipalities municipalities;
    private final UserAccounts users;
    private final PasswordLinks links;
    private final Acts acts;
    private final Scope scope;

    MunicipalityAdministration(Municipalities municipalities, UserAccounts users, PasswordLinks links, Acts acts, Scope scope) {
        this.municipalities = municipalities;
        this.users = users;
        this.links = links;
        this.acts = acts;
        this.scope = scope;
    }

    /** The catalogue for the system administrator; a local administrator sees only their own municipality. */
    @Transactional
    public List<Municipalities.Municipality> list(CurrentUser actor) {
        return municipalities.all().stream().filter(m -> Scope.administers(actor, m.code())).toList();
    }

    @Transactional
    public Municipalities.Municipality get(CurrentUser actor, String code) {
        return scope.municipality(actor, code);
    }

    @Transactional
    public Municipalities.Municipality activate(CurrentUser actor, String code, Activation request) {
        requireSystemAdmin(actor, code);
        Municipalities.Municipality municipality = scope.municipality(actor, code);
        List<ProblemException.FieldError> errors = new ArrayList<>();
        String name = Inputs.name(request.localAdminName(), "localAdminName", errors);
        String email = Inputs.email(request.localAdminEmail(), "localAdminEmail", true, errors);
        Inputs.refuseIfAny(errors);
        int version = Inputs.version(request.version());
        if (municipality.active()) {
            throw new Conflict(municipality.shownName() + " er allerede aktiv");
        }
        Municipalities.Municipality active = municipalities.setActive(code, true, version);
        UserAccounts.User localAdmin = localAdministrator(code, name, email);
        acts.record(new MunicipalityActivated(code, active.name(), localAdmin.username(), localAdmin.displayName(), email),
                actor.username(), code, code, active.shownName() + " aktiveret med lokal administrator " + name + " <" + email + ">");
        if (!localAdmin.hasPassword()) {
            links.send(localAdmin, PasswordLink.Purpose.INVITATION, null);
            acts.record(new UserInvited(localAdmin.username(), localAdmin.displayName(), email, code, List.copyOf(localAdmin.roles())),
                    actor.username(), code, localAdmin.username(), "Inviteret: " + localAdmin.displayName() + " <" + email + ">, roller "
                            + RoleNames.danish(localAdmin.roles()));
        }
        return active;
    }

    /**
     * The local administrator: a new user named by the e-mail address, or (when the municipality was active before)
     * the municipality's existing user with that e-mail, who gets the role and is reactivated.
     */
    private UserAccounts.User localAdministrator(String code, String name, String email) {
        var existing = users.findByEmail(email);
        if (existing.isPresent()) {
            UserAccounts.User user = existing.get();
            if (!code.equals(user.municipality())) {
                throw InvalidInput.field("localAdminEmail", "E-mailadressen »" + email + "« er allerede i brug af en anden bruger");
            }
            if (!user.roles().contains(Roles.LOCAL_ADMIN)) {
                Set<String> roles = new java.util.TreeSet<>(user.roles());
                roles.add(Roles.LOCAL_ADMIN);
                user = users.setRoles(user.username(), roles, user.version());
            }
            return user.active() ? user : users.setActive(user.username(), true, user.version());
        }
        try {
            return users.create(new UserAccounts.NewUser(email.toLowerCase(java.util.Locale.ROOT), name, email, code, Set.of(Roles.LOCAL_ADMIN)));
        } catch (InvalidInput e) {
            throw InvalidInput.field("localAdminEmail", e.errors().get(0).message());
        }
    }

    @Transactional
    public Municipalities.Municipality deactivate(CurrentUser actor, String code, @Nullable Integer version) {
        requireSystemAdmin(actor, code);
        Municipalities.Municipality municipality = scope.municipality(actor, code);
        if (!municipality.active()) {
            throw new Conflict(municipality.shownName() + " er allerede deaktiveret");
        }
        Municipalities.Municipality inactive = municipalities.setActive(code, false, Inputs.version(version));
        acts.record(new MunicipalityDeactivated(code, inactive.name()), actor.username(), code, code,
                inactive.shownName() + " deaktiveret: kommunens brugere kan ikke længere logge ind");
        return inactive;
    }

    @Transactional
    public Municipalities.Municipality updateSettings(CurrentUser actor, String code, Settings request) {
        Municipalities.Municipality before = scope.municipality(actor, code);
        List<ProblemException.FieldError> errors = new ArrayList<>();
        String displayName = request.displayName() == null || request.displayName().isBlank() ? null : request.displayName().strip();
        if (displayName != null && displayName.length() > 100) {
            errors.add(new ProblemException.FieldError("displayName", "Visningsnavnet må højst være på 100 tegn"));
        }
        TextRules.singleLine(displayName, "displayName", errors);
        String contactEmail = Inputs.email(request.contactEmail(), "contactEmail", false, errors);
        Inputs.refuseIfAny(errors);
        Municipalities.Municipality after = municipalities.updateSettings(code, displayName, contactEmail, Inputs.version(request.version()));
        List<FieldChange> changes = new ArrayList<>();
        change(changes, "displayName", before.displayName(), after.displayName());
        change(changes, "contactEmail", before.contactEmail(), after.contactEmail());
        published(actor, after, changes);
        return after;
    }

    /** A new look for the documents; a colour that is hard to read (below 4.5:1) is refused at its field. */
    @Transactional
    public Municipalities.Municipality updateLook(CurrentUser actor, String code, Look request) {
        Municipalities.Municipality before = scope.municipality(actor, code);
        Inputs.refuseIfAny(DocumentLook.problems(request.primaryColour(), request.tableHeaderColour(), request.font(),
                "primaryColour", "tableHeaderColour", "font"));
        DocumentLook.Font font = request.font() == null || request.font().isBlank() ? null : DocumentLook.Font.valueOf(request.font().strip());
        Municipalities.Municipality after = municipalities.updateLook(code, DocumentLook.normalColour(request.primaryColour()),
                DocumentLook.normalColour(request.tableHeaderColour()), font, Inputs.version(request.version()));
        List<FieldChange> changes = new ArrayList<>();
        change(changes, "primaryColour", before.primaryColour(), after.primaryColour());
        change(changes, "tableHeaderColour", before.tableHeaderColour(), after.tableHeaderColour());
        change(changes, "documentFont", before.documentFont(), after.documentFont());
        published(actor, after, changes);
        return after;
    }

    /** Replaces the logo (PNG, or an SVG that can only draw); {@code content} null removes it. */
    @Transactional
    public Municipalities.Municipality replaceLogo(CurrentUser actor, String code, @Nullable byte[] content, @Nullable Integer version) {
        Municipalities.Municipality before = scope.municipality(actor, code);
        Municipalities.Logo logo = content == null ? null : Logos.check(content);
        Municipalities.Municipality after = municipalities.replaceLogo(code, logo, Inputs.version(version));
        List<FieldChange> changes = new ArrayList<>();
        change(changes, "logo", before.logoSha256(), after.logoSha256());
        published(actor, after, changes);
        return after;
    }

    private void published(CurrentUser actor, Municipalities.Municipality after, List<FieldChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        StringBuilder summary = new StringBuilder("Indstillinger ændret for ").append(after.shownName()).append(": ");
        for (int i = 0; i < changes.size(); i++) {
            FieldChange c = changes.get(i);
            summary.append(i > 0 ? "; " : "").append(FIELD_NAMES.getOrDefault(c.field(), c.field())).append(" ")
                    .append(c.before() == null ? "(tom)" : "»" + shortHash(c) + "«").append(" → ")
                    .append(c.after() == null ? "(tom)" : "»" + shortAfter(c) + "«");
        }
        acts.record(new MunicipalitySettingsChanged(after.code(), changes), actor.username(), after.code(), after.code(), summary.toString());
    }

    private static final java.util.Map<String, String> FIELD_NAMES = java.util.Map.of("displayName", "visningsnavn",
            "contactEmail", "kontakt-e-mail", "logo", "logo", "primaryColour", "dokumenternes hovedfarve",
            "tableHeaderColour", "tabeloverskrifternes farve", "documentFont", "dokumenternes skrifttype");

    private static String shortHash(FieldChange c) {
        return c.field().equals("logo") ? "sha256 " + c.before().substring(0, 12) : c.before();
    }

    private static String shortAfter(FieldChange c) {
        return c.field().equals("logo") ? "sha256 " + c.after().substring(0, 12) : c.after();
    }

    private static void change(List<FieldChange> changes, String field, @Nullable String before, @Nullable String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(field, before, after));
        }
    }

    private static void requireSystemAdmin(CurrentUser actor, String code) {
        if (!Scope.isSystemAdmin(actor)) {
            // A local administrator cannot switch municipalities on or off, nor learn of others.
            if (Scope.administers(actor, code)) {
                throw new ProblemException(io.micronaut.http.HttpStatus.FORBIDDEN, "Ingen adgang",
                        "Kun systemadministratoren kan aktivere og deaktivere kommuner", List.of());
            }
            throw Scope.noAccess(code);
        }
    }
}
