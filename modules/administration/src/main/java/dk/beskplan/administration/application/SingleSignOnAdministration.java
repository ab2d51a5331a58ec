package dk.beskplan.administration.application;

import dk.beskplan.contracts.administration.FieldChange;
import dk.beskplan.contracts.administration.SingleSignOnChanged;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.sso.OpenIdProviders;
import dk.beskplan.platform.security.sso.SecretBox;
import dk.beskplan.platform.security.sso.SingleSignOn;
import dk.beskplan.platform.security.sso.SingleSignOnController;
import dk.beskplan.platform.security.sso.SingleSignOnSettings;
import dk.beskplan.platform.tenancy.Municipalities;
import dk.beskplan.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A municipality's single sign-on through its own OpenID Connect provider, kept by its local administrator (or the
 * system administrator): provider, client, which claim carries the groups and which group gives which role, and
 * whether password login stays on. Each change is an administrative act, published without the client secret.
 */
@Singleton
public class SingleSignOnAdministration {

    /** One row of the role mapping: a group value of the provider and the Beskplan role it gives. */
    @Serdeable
    public record GroupRole(@Nullable String group, @Nullable String role) {
    }

    /**
     * New settings. {@code clientSecret} empty or null keeps the stored secret; {@code version} is the one read (the
     * API may send it as If-Match instead).
     */
    @Serdeable
    public record Request(@Nullable Boolean enabled, @Nullable String issuer, @Nullable String clientId, @Nullable String clientSecret,
                          @Nullable String groupsClaim, @Nullable List<GroupRole> roleMappings, @Nullable Boolean passwordLogin,
                          @Nullable Integer version) {
    }

    /**
     * The settings as the administrator sees them: the client secret only as "stored or not". {@code redirectUri} is the
     * path to register at the provider (after this server's address); {@code secretKeyConfigured} false means no secret
     * can be saved until operations configure the key.
     */
    @Serdeable
    public record View(String municipality, String municipalityName, boolean enabled, String issuer, String clientId,
                       boolean clientSecretStored, String groupsClaim, List<GroupRole> roleMappings, boolean passwordLogin,
                       String redirectPath, boolean secretKeyConfigured, List<String> grantableRoles, int version) {
    }

    private static final String DEFAULT_GROUPS_CLAIM = "groups";

    private final SingleSignOnSettings settings;
    private final Municipalities municipalities;
    private final SecretBox secrets;
    private final OpenIdProviders providers;
    private final Scope scope;
    private final Acts acts;

    SingleSignOnAdministration(SingleSignOnSettings settings, Municipalities municipalities, SecretBox secrets,
                               OpenIdProviders providers, Scope scope, Acts acts) {
        this.settings = settings;
        this.municipalities = municipalities;
        this.secrets = secrets;
        this.providers = providers;
        this.scope = scope;
        this.acts = acts;
    }

    @Transactional
    public View get(CurrentUser actor, String code) {
        return view(scope.municipality(actor, code));
    }

    /** Checks everything, names every wrong field, and changes nothing unless all is well. */
    @Transactional
    public View update(CurrentUser actor, String code, Request request) {
        Municipalities.Municipality municipality = scope.municipality(actor, code);
        View before = view(municipality);
        List<ProblemException.FieldError> errors = new ArrayList<>();
        boolean enabled = Boolean.TRUE.equals(request.enabled());
        boolean passwordLogin = request.passwordLogin() == null || request.passwordLogin();
        String issuer = strip(request.issuer());
        String clientId = strip(request.clientId());
        String secret = request.clientSecret() == null || request.clientSecret().isBlank() ? null : request.clientSecret().strip();
        String groupsClaim = strip(request.groupsClaim()).isEmpty() ? DEFAULT_GROUPS_CLAIM : strip(request.groupsClaim());
        List<SingleSignOnSettings.RoleMapping> mappings = mappings(request.roleMappings(), errors);

        if (issuer.isEmpty()) {
            if (enabled) {
                errors.add(new ProblemException.FieldError("issuer", "Udsteder-URL skal udfyldes, når single sign-on er slået til"));
            }
        } else if (!validIssuer(issuer)) {
            errors.add(new ProblemException.FieldError("issuer",
                    "Udsteder-URL skal være en https-adresse (fx https://login.microsoftonline.com/<tenant>/v2.0), højst 500 tegn"));
        }
        if (clientId.isEmpty() && enabled) {
            errors.add(new ProblemException.FieldError("clientId", "Klient-id skal udfyldes, når single sign-on er slået til"));
        } else if (clientId.length() > 200) {
            errors.add(new ProblemException.FieldError("clientId", "Klient-id må højst være på 200 tegn"));
        }
        if (secret != null && !secrets.available()) {
            errors.add(new ProblemException.FieldError("clientSecret",
                    "Serveren har ingen nøgle til at gemme klienthemmeligheder (BESKPLAN_SSO_SECRET_KEY). Kontakt driften."));
        } else if (secret != null && secret.length() > 1000) {
            errors.add(new ProblemException.FieldError("clientSecret", "Klienthemmeligheden må højst være på 1000 tegn"));
        } else if (secret == null && enabled && !before.clientSecretStored()) {
            errors.add(new ProblemException.FieldError("clientSecret", "Klienthemmeligheden skal udfyldes, når single sign-on er slået til"));
        }
        if (groupsClaim.length() > 200 || groupsClaim.chars().anyMatch(Character::isWhitespace)) {
            errors.add(new ProblemException.FieldError("groupsClaim", "Gruppe-claimet er navnet på et claim i ID-tokenet (fx groups), uden mellemrum, højst 200 tegn"));
        }
        if (enabled && mappings.isEmpty() && errors.stream().noneMatch(e -> e.field().startsWith("roleMappings"))) {
            errors.add(new ProblemException.FieldError("roleMappings", "Angiv mindst én gruppe og den rolle, den giver"));
        }
        if (!passwordLogin && !enabled) {
            errors.add(new ProblemException.FieldError("passwordLogin",
                    "Login med adgangskode kan kun slås fra, når single sign-on er slået til; ellers kan ingen logge ind"));
        }
        Inputs.refuseIfAny(errors);
        int version = Inputs.version(request.version());
        if (enabled && (!issuer.equals(before.issuer()) || !before.enabled())) {
            // A typing error in the issuer would only show at the first login; find out now.
            try {
                providers.discover(issuer);
            } catch (OpenIdProviders.ProviderUnavailable e) {
                Inputs.refuseIfAny(List.of(new ProblemException.FieldError("issuer",
                        "Kunne ikke hente udbyderens oplysninger fra " + issuer + "/.well-known/openid-configuration. Tjek adressen.")));
            }
        }

        settings.save(code, new SingleSignOnSettings.Update(enabled, issuer, clientId, secret, groupsClaim, mappings), version);
        if (passwordLogin != municipality.passwordLogin()) {
            municipalities.setPasswordLogin(code, passwordLogin, municipality.version());
        }
        View after = view(municipalities.find(code).orElseThrow());
        List<FieldChange> changes = changes(before, after, secret != null);
        if (!changes.isEmpty()) {
            acts.record(new SingleSignOnChanged(code, after.enabled(), after.issuer(), after.clientId(), after.groupsClaim(),
                            text(after.roleMappings()), after.passwordLogin(), secret != null, changes),
                    actor.username(), code, code, summary(after, changes));
        }
        return after;
    }

    private View view(Municipalities.Municipality municipality) {
        var stored = settings.find(municipality.code());
        List<GroupRole> mappings = stored.map(s -> s.roleMappings().stream().map(m -> new GroupRole(m.group(), m.role())).toList())
                .orElse(List.of());
        return new View(municipality.code(), municipality.shownName(), stored.map(SingleSignOnSettings.Settings::enabled).orElse(false),
                stored.map(SingleSignOnSettings.Settings::issuer).orElse(""), stored.map(SingleSignOnSettings.Settings::clientId).orElse(""),
                stored.map(SingleSignOnSettings.Settings::clientSecretStored).orElse(false),
                stored.map(SingleSignOnSettings.Settings::groupsClaim).orElse(DEFAULT_GROUPS_CLAIM), mappings,
                municipality.passwordLogin(), SingleSignOnController.CALLBACK, secrets.available(), SingleSignOn.GRANTABLE_ROLES,
                stored.map(SingleSignOnSettings.Settings::version).orElse(0));
    }

    /** Rows with neither group nor role are left out (empty rows of the form); half-filled rows are refused by index. */
    private static List<SingleSignOnSettings.RoleMapping> mappings(@Nullable List<GroupRole> rows, List<ProblemException.FieldError> errors) {
        List<SingleSignOnSettings.RoleMapping> mappings = new ArrayList<>();
        if (rows == null) {
            return mappings;
        }
        for (int i = 0; i < rows.size(); i++) {
            GroupRole row = rows.get(i) == null ? new GroupRole(null, null) : rows.get(i);
            String group = strip(row.group());
            String role = strip(row.role()).toUpperCase(Locale.ROOT);
            if (group.isEmpty() && role.isEmpty()) {
                continue;
            }
            if (group.isEmpty() || group.length() > 200) {
                errors.add(new ProblemException.FieldError("roleMappings[" + i + "].group", "Gruppen i række " + (i + 1) + " skal udfyldes (højst 200 tegn)"));
            }
            if (!SingleSignOn.GRANTABLE_ROLES.contains(role)) {
                errors.add(new ProblemException.FieldError("roleMappings[" + i + "].role", role.isEmpty()
                        ? "Vælg rollen i række " + (i + 1)
                        : "Rollen »" + role + "« i række " + (i + 1) + " kan ikke gives via single sign-on; mulige roller: "
                        + RoleNames.danish(SingleSignOn.GRANTABLE_ROLES)));
            }
            mappings.add(new SingleSignOnSettings.RoleMapping(group, role));
        }
        return mappings;
    }

    private static boolean validIssuer(String issuer) {
        if (issuer.length() > 500) {
            return false;
        }
        try {
            URI uri = URI.create(issuer);
            boolean local = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
            // Plain http only to this machine (a provider started for a test or a trial); real providers speak https.
            return uri.getHost() != null && uri.getQuery() == null && uri.getFragment() == null
                    && ("https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && local));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static List<FieldChange> changes(View before, View after, boolean secretChanged) {
        List<FieldChange> changes = new ArrayList<>();
        change(changes, "enabled", String.valueOf(before.enabled()), String.valueOf(after.enabled()));
        change(changes, "issuer", before.issuer(), after.issuer());
        change(changes, "clientId", before.clientId(), after.clientId());
        if (secretChanged) {
            // Never the secret itself: only that a new one was stored.
            changes.add(new FieldChange("clientSecret", before.clientSecretStored() ? "gemt" : null, "ny gemt"));
        }
        change(changes, "groupsClaim", before.groupsClaim(), after.groupsClaim());
        change(changes, "roleMappings", String.join("; ", text(before.roleMappings())), String.join("; ", text(after.roleMappings())));
        change(changes, "passwordLogin", String.valueOf(before.passwordLogin()), String.valueOf(after.passwordLogin()));
        return changes;
    }

    private static void change(List<FieldChange> changes, String field, String before, String after) {
        String b = before == null || before.isEmpty() ? null : before;
        String a = after == null || after.isEmpty() ? null : after;
        if (!Objects.equals(b, a)) {
            changes.add(new FieldChange(field, b, a));
        }
    }

    private static List<String> text(List<GroupRole> mappings) {
        return mappings.stream().map(m -> m.group() + " → " + m.role()).toList();
    }

    private static String summary(View after, List<FieldChange> changes) {
        StringBuilder summary = new StringBuilder("Single sign-on ændret for ").append(after.municipalityName()).append(": ");
        for (int i = 0; i < changes.size(); i++) {
            FieldChange c = changes.get(i);
            summary.append(i > 0 ? "; " : "").append(FIELD_NAMES.getOrDefault(c.field(), c.field())).append(" ")
                    .append(c.before() == null ? "(tom)" : "»" + danish(c.before()) + "«").append(" → ")
                    .append(c.after() == null ? "(tom)" : "»" + danish(c.after()) + "«");
        }
        return summary.toString();
    }

    private static String danish(String value) {
        return switch (value) {
            case "true" -> "til";
            case "false" -> "fra";
            default -> value;
        };
    }

    private static final java.util.Map<String, String> FIELD_NAMES = java.util.Map.of("enabled", "slået til", "issuer", "udsteder",
            "clientId", "klient-id", "clientSecret", "klienthemmelighed", "groupsClaim", "gruppe-claim", "roleMappings", "grupper og roller",
            "passwordLogin", "login med adgangskode");

    private static String strip(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
