package dk.beskplan.platform.security.sso;

import com.nimbusds.jwt.JWTClaimsSet;
import dk.beskplan.platform.domain.Hashes;
import dk.beskplan.platform.persistence.Sql;
import dk.beskplan.platform.security.Sessions;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.tenancy.Municipalities;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Signing a municipality's staff in through its OpenID Connect provider: the authorization code flow with PKCE
 * (S256), state and nonce. {@link #begin} remembers a login attempt bound to the browser; {@link #complete} takes
 * the provider's answer, redeems the code, checks the ID token and finds or creates the user with the roles their
 * groups map to (re-read at every login). Only then may the caller start a session.
 */
@Singleton
public class SingleSignOn {
    private static final Logger LOG = LoggerFactory.getLogger(SingleSignOn.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Time to sign in at the provider and come back. */
    static final Duration ATTEMPT_VALIDITY = Duration.ofMinutes(10);

    /** Where to send the browser, and the value that binds the attempt to it (a cookie). */
    public record Start(String authorizationUrl, String browserToken) {
    }

    /** The signed-in user and where they wanted to go. */
    public record SignedIn(UserAccounts.User user, String next) {
    }

    /** Sign-in through the provider refused; {@code message} is for the person, in Danish. */
    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    private record Attempt(String municipality, String browserHash, String nonce, String codeVerifier, String next,
                           java.time.Instant createdAt) {
    }

    private final SingleSignOnSettings settings;
    private final OpenIdProviders providers;
    private final UserAccounts users;
    private final Municipalities municipalities;
    private final Sql sql;
    private final Clock clock;

    private final List<SingleSignOnObserver> observers;

    public SingleSignOn(SingleSignOnSettings settings, OpenIdProviders providers, UserAccounts users, Municipalities municipalities,
                        Sql sql, Clock clock, List<SingleSignOnObserver> observers) {
        this.observers = observers;
        this.settings = settings;
        this.providers = providers;
        this.users = users;
        this.municipalities = municipalities;
        this.sql = sql;
        this.clock = clock;
    }

    /** Starts a login at {@code municipality}'s provider; refused when its single sign-on is off or unreachable. */
    @Transactional
    public Start begin(String municipality, String next, String redirectUri) {
        SingleSignOnSettings.Settings config = usable(municipality);
        OpenIdProviders.Provider provider = provider(config);
        String state = Sessions.randomToken();
        String nonce = Sessions.randomToken();
        String verifier = Sessions.randomToken();
        String browser = Sessions.randomToken();
        sql.update("delete from platform.sso_login_attempt where created_at < ?", clock.instant().minus(ATTEMPT_VALIDITY));
        sql.update("insert into platform.sso_login_attempt (state_hash, municipality_code, browser_hash, nonce, code_verifier, next_path,"
                + " created_at) values (?, ?, ?, ?, ?, ?, ?)", Sessions.hash(state), municipality, Sessions.hash(browser), nonce, verifier, next, clock.instant());
        String url = provider.authorizationEndpoint() + (provider.authorizationEndpoint().contains("?") ? "&" : "?")
                + OpenIdProviders.form(new java.util.LinkedHashMap<>(Map.of(
                "response_type", "code", "client_id", config.clientId(), "redirect_uri", redirectUri,
                "scope", "openid profile email", "state", state, "nonce", nonce,
                "code_challenge", challenge(verifier), "code_challenge_method", "S256")));
        return new Start(url, browser);
    }

    /**
     * The provider's answer. The attempt is used up whatever happens; every check must pass before a user is
     * returned: known state from this browser, not expired, code redeemed with the PKCE verifier, ID token signed by
     * the provider for this client with this login's nonce, an e-mail address, and at least one mapped role.
     */
    @Transactional(dontRollbackOn = Refused.class)
    public SignedIn complete(String state, String browserToken, String code, String error, String redirectUri) {
        if (state == null || state.isBlank() || state.length() > 200) {
            throw new Refused("Login-svaret kunne ikke genkendes. Start forfra fra login-siden.");
        }
        Attempt attempt = sql.queryOne("delete from platform.sso_login_attempt where state_hash = ?"
                        + " returning municipality_code, browser_hash, nonce, code_verifier, next_path, created_at",
                rs -> new Attempt(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        Sql.instant(rs, "created_at")), Sessions.hash(state))
                .orElseThrow(() -> new Refused("Login-svaret passer ikke til et login, der er startet her (eller det er allerede brugt). Start forfra fra login-siden."));
        if (browserToken == null || !MessageDigest.isEqual(Sessions.hash(browserToken).getBytes(StandardCharsets.US_ASCII),
                attempt.browserHash().getBytes(StandardCharsets.US_ASCII))) {
            throw new Refused("Login-svaret hører til et login, der blev startet i en anden browser. Start forfra fra login-siden.");
        }
        if (attempt.createdAt().plus(ATTEMPT_VALIDITY).isBefore(clock.instant())) {
            throw new Refused("Login tog for lang tid. Start forfra fra login-siden.");
        }
        if (error != null && !error.isBlank()) {
            throw new Refused("Kommunens login afviste at logge dig ind (" + abbreviate(error) + "). Prøv igen eller kontakt din kommunes administrator.");
        }
        if (code == null || code.isBlank()) {
            throw new Refused("Login-svaret manglede koden fra kommunens login. Start forfra fra login-siden.");
        }
        SingleSignOnSettings.Settings config = usable(attempt.municipality());
        OpenIdProviders.Provider provider = provider(config);
        String secret = settings.clientSecret(config.municipality())
                .orElseThrow(() -> new Refused("Single sign-on er ikke færdigt sat op (klienthemmeligheden mangler). Kontakt din kommunes administrator."));
        JWTClaimsSet claims;
        try {
            claims = providers.redeem(provider, config.clientId(), secret, code, attempt.codeVerifier(), redirectUri, attempt.nonce());
        } catch (OpenIdProviders.UntrustedAnswer | OpenIdProviders.ProviderUnavailable e) {
            LOG.warn("Single sign-on for {} refused: {}", config.municipality(), e.getMessage());
            throw new Refused("Svaret fra kommunens login kunne ikke godkendes, så du er ikke logget ind. Start forfra fra login-siden.");
        }
        return new SignedIn(user(config, claims), attempt.next());
    }

    /** Matches the person by e-mail (or creates them) and sets their roles from their groups, as of this login. */
    private UserAccounts.User user(SingleSignOnSettings.Settings config, JWTClaimsSet claims) {
        String email = stringClaim(claims, "email");
        if (email == null || !email.contains("@")) {
            throw new Refused("Kommunens login oplyste ikke din e-mailadresse, så Beskplan kan ikke finde dig. Kontakt din kommunes administrator.");
        }
        Set<String> roles = roles(config, claims);
        if (roles.isEmpty()) {
            throw new Refused("Du er logget ind hos kommunen, men ingen af dine grupper giver adgang til Beskplan."
                    + " Kontakt din kommunes administrator, hvis du skal bruge Beskplan.");
        }
        String name = stringClaim(claims, "name");
        String displayName = name == null || name.isBlank() ? email : name.strip();
        UserAccounts.User user = users.findByEmail(email).orElse(null);
        if (user == null) {
            user = users.create(new UserAccounts.NewUser(email.toLowerCase(Locale.ROOT), displayName, email, config.municipality(), roles));
            for (SingleSignOnObserver observer : observers) {
                observer.userCreated(user);
            }
        } else if (!config.municipality().equals(user.municipality())) {
            throw new Refused("Din e-mailadresse hører til en bruger i en anden kommune i Beskplan. Kontakt din kommunes administrator.");
        } else if (!new TreeSet<>(user.roles()).equals(roles)) {
            Set<String> before = Set.copyOf(user.roles());
            user = users.setRoles(user.username(), roles, user.version());
            for (SingleSignOnObserver observer : observers) {
                observer.rolesChanged(user, before, roles);
            }
        }
        if (!users.maySignIn(user)) {
            throw new Refused("Din adgang til Beskplan er lukket. Kontakt din kommunes administrator.");
        }
        users.recordLogin(user.username());
        return user;
    }

    private static Set<String> roles(SingleSignOnSettings.Settings config, JWTClaimsSet claims) {
        Object value = claims.getClaim(config.groupsClaim());
        Set<String> groups = new TreeSet<>();
        if (value instanceof Collection<?> list) {
            list.forEach(g -> groups.add(String.valueOf(g)));
        } else if (value != null) {
            groups.add(String.valueOf(value));
        }
        Set<String> roles = new TreeSet<>();
        for (SingleSignOnSettings.RoleMapping mapping : config.roleMappings()) {
            if (groups.contains(mapping.group())) {
                roles.add(mapping.role());
            }
        }
        return roles;
    }

    private SingleSignOnSettings.Settings usable(String municipality) {
        return settings.find(municipality).filter(SingleSignOnSettings.Settings::enabled).filter(s -> municipalities.isActive(municipality))
                .orElseThrow(() -> new Refused("Kommunen logger ikke ind via sit eget login i Beskplan."));
    }

    private OpenIdProviders.Provider provider(SingleSignOnSettings.Settings config) {
        try {
            return providers.discover(config.issuer());
        } catch (OpenIdProviders.ProviderUnavailable e) {
            LOG.warn("Single sign-on provider of {} unavailable: {}", config.municipality(), e.getMessage());
            throw new Refused("Kommunens login svarer ikke lige nu. Prøv igen om lidt, eller kontakt din kommunes administrator.");
        }
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            return null;
        }
    }

    static String challenge(String verifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Hashes.sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String abbreviate(String text) {
        String clean = text.replaceAll("[^A-Za-z0-9_ .-]", "");
        return clean.length() > 60 ? clean.substring(0, 60) : clean;
    }

    /** The roles single sign-on may give: a municipality's roles, never the system administrator. */
    public static final List<String> GRANTABLE_ROLES = List.of("OFFICIAL", "SECRETARY", "MANAGER", "READER", "LOCAL_ADMIN");
}
