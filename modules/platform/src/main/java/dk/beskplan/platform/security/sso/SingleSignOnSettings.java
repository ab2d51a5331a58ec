package dk.beskplan.platform.security.sso;

import dk.beskplan.platform.persistence.Sql;
import dk.beskplan.platform.web.Conflict;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Each municipality's OpenID Connect settings, stored in the database because the local administrator changes
 * them at run time. Changing them is an administrative act of the administration module, which calls
 * {@link #save} inside its own transaction (together with its outbox). The client secret is sealed
 * ({@link SecretBox}) and never read back out of this class except to talk to the provider.
 */
@Singleton
public class SingleSignOnSettings {

    /** One group value of the provider and the Beskplan role it gives. */
    @Serdeable
    public record RoleMapping(String group, String role) {
    }

    /** The settings as administrators see them: whether a secret is stored, never the secret. */
    @Serdeable
    public record Settings(String municipality, boolean enabled, String issuer, String clientId, boolean clientSecretStored,
                           String groupsClaim, List<RoleMapping> roleMappings, int version) {
    }

    /** A municipality whose login button the login page shows. */
    public record LoginChoice(String municipality, String name) {
    }

    /** New settings; {@code clientSecret} null keeps the stored one. */
    public record Update(boolean enabled, String issuer, String clientId, @Nullable String clientSecret, String groupsClaim,
                         List<RoleMapping> roleMappings) {
    }

    private static final String COLUMNS = "municipality_code, enabled, issuer, client_id, client_secret_sealed is not null as stored,"
            + " groups_claim, role_mappings::text as role_mappings, version";

    private final Sql sql;
    private final SecretBox secrets;
    private final JsonMapper json;
    private final Clock clock;

    public SingleSignOnSettings(Sql sql, SecretBox secrets, JsonMapper json, Clock clock) {
        this.sql = sql;
        this.secrets = secrets;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public Optional<Settings> find(String municipality) {
        return sql.queryOne("select " + COLUMNS + " from platform.municipality_sso where municipality_code = ?", this::row, municipality);
    }

    /**
     * Stores the settings. {@code expectedVersion} is the version they were read at (0 when none existed yet); a
     * stale one is a {@link Conflict} and nothing changes.
     */
    @Transactional
    public Settings save(String municipality, Update update, int expectedVersion) {
        String sealed = update.clientSecret() == null ? null : secrets.seal(update.clientSecret());
        String mappings = write(update.roleMappings());
        int rows;
        if (find(municipality).isEmpty()) {
            rows = expectedVersion != 0 ? 0 : sql.update("insert into platform.municipality_sso (municipality_code, enabled, issuer, client_id,"
                            + " client_secret_sealed, groups_claim, role_mappings, updated_at) values (?, ?, ?, ?, ?, ?, ?::jsonb, ?)"
                            + " on conflict (municipality_code) do nothing", municipality, update.enabled(), update.issuer(),
                    update.clientId(), sealed, update.groupsClaim(), mappings, clock.instant());
        } else {
            rows = sql.update("update platform.municipality_sso set enabled = ?, issuer = ?, client_id = ?,"
                            + " client_secret_sealed = coalesce(?, client_secret_sealed), groups_claim = ?, role_mappings = ?::jsonb,"
                            + " updated_at = ?, version = version + 1 where municipality_code = ? and version = ?",
                    update.enabled(), update.issuer(), update.clientId(), sealed, update.groupsClaim(), mappings, clock.instant(),
                    municipality, expectedVersion);
        }
        if (rows == 0) {
            throw new Conflict("Indstillingerne for single sign-on er ændret af en anden i mellemtiden. Hent dem igen og prøv på ny.");
        }
        return find(municipality).orElseThrow();
    }

    /** The municipalities whose staff can sign in through their provider now: active and switched on. */
    @Transactional
    public List<LoginChoice> loginChoices() {
        return sql.query("select m.code, coalesce(nullif(m.display_name, ''), m.name) from platform.municipality_sso s"
                        + " join platform.municipality m on m.code = s.municipality_code where s.enabled and m.active order by 2",
                rs -> new LoginChoice(rs.getString(1), rs.getString(2)));
    }

    /** The client secret to present to the provider, if one is stored and the configured key opens it. */
    @Transactional
    Optional<String> clientSecret(String municipality) {
        return sql.queryOne("select client_secret_sealed from platform.municipality_sso where municipality_code = ?",
                rs -> rs.getString(1), municipality).flatMap(secrets::open);
    }

    private String write(List<RoleMapping> mappings) {
        try {
            return json.writeValueAsString(Argument.listOf(RoleMapping.class), mappings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Settings row(ResultSet rs) throws SQLException {
        List<RoleMapping> mappings;
        try {
            mappings = json.readValue(rs.getString("role_mappings"), Argument.listOf(RoleMapping.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Settings(rs.getString("municipality_code"), rs.getBoolean("enabled"), rs.getString("issuer"),
                rs.getString("client_id"), rs.getBoolean("stored"), rs.getString("groups_claim"), mappings, rs.getInt("version"));
    }
}
