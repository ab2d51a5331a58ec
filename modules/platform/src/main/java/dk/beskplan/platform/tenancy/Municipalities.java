package dk.beskplan.platform.tenancy;

import dk.beskplan.platform.documents.DocumentLook;
import dk.beskplan.platform.persistence.Sql;
import dk.beskplan.platform.web.Conflict;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The municipalities (the tenants): the catalogue of all 98 shipped with the product, which of them are active,
 * and each one's settings as every page and document needs them (display name, logo, contact e-mail, the look of
 * its documents). Changing
 * them is an administrative act and belongs to the administration module, which calls the methods here inside
 * its own transaction (together with its outbox).
 */
@Singleton
public class Municipalities {

    /** A municipality with its settings (the logo itself is fetched with {@link #logo(String)}). */
    @Serdeable
    public record Municipality(String code, String name, @Nullable String displayName, boolean active,
                               @Nullable String contactEmail, @Nullable String logoMediaType, @Nullable String logoSha256,
                               boolean passwordLogin, int version, @Nullable String primaryColour,
                               @Nullable String tableHeaderColour, @Nullable String documentFont) {

        /** What pages and documents call it: the display name when one is set, else the catalogue name. */
        public String shownName() {
            return displayName != null && !displayName.isBlank() ? displayName : name;
        }

        public boolean hasLogo() {
            return logoMediaType != null;
        }

        /** The look of its documents: what it set, the default's where it set nothing. */
        public DocumentLook documentLook() {
            return DocumentLook.of(primaryColour, tableHeaderColour, documentFont);
        }
    }

    /** A municipality's logo as stored: PNG or (made-safe) SVG. */
    public record Logo(byte[] content, String mediaType, String sha256) {
        /** For documents rendered to HTML/PDF: the logo as a data URI an {@code <img src>} can carry. */
        public String dataUri() {
            return "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(content);
        }
    }

    private static final String COLUMNS = "code, name, display_name, active, contact_email, logo_media_type, logo_sha256,"
            + " password_login, version, document_primary_colour, document_table_header_colour, document_font";

    private final Sql sql;
    private final Clock clock;

    public Municipalities(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    @Transactional
    public List<Municipality> all() {
        return sql.query("select " + COLUMNS + " from platform.municipality order by code", Municipalities::row);
    }

    @Transactional
    public Optional<Municipality> find(String code) {
        return sql.queryOne("select " + COLUMNS + " from platform.municipality where code = ?", Municipalities::row, code);
    }

    /** Whether users of the municipality may sign in (an unknown code: no). */
    @Transactional
    public boolean isActive(String code) {
        return sql.queryOne("select active from platform.municipality where code = ?", rs -> rs.getBoolean(1), code).orElse(false);
    }

    @Transactional
    public Optional<Logo> logo(String code) {
        return sql.queryOne("select logo, logo_media_type, logo_sha256 from platform.municipality where code = ? and logo is not null",
                rs -> new Logo(rs.getBytes(1), rs.getString(2), rs.getString(3)), code);
    }

    /** The logo for the heading of the municipality's documents, as a data URI; null when it has none. */
    @Nullable
    public String logoDataUri(String code) {
        return logo(code).map(Logo::dataUri).orElse(null);
    }

    /**
     * What heads and dresses the municipality's documents (plan, agenda, protocol, status report), added to a document
     * template's model: {@code logo}, its logo as a data URI (null: none), and {@code look}, the CSS of its look
     * ({@link DocumentLook#css()}; null: the templates' own look).
     */
    @Transactional
    public void dressDocument(Map<String, Object> model, String code) {
        model.put("logo", logoDataUri(code));
        model.put("look", find(code).map(Municipality::documentLook).orElse(DocumentLook.DEFAULT).css());
    }

    /**
     * The look of its documents; null values are the default's. The caller has checked it ({@link DocumentLook#problems}).
     * Stale {@code expectedVersion}: {@link Conflict}.
     */
    @Transactional
    public Municipality updateLook(String code, @Nullable String primaryColour, @Nullable String tableHeaderColour,
                                   @Nullable DocumentLook.Font font, int expectedVersion) {
        int rows = sql.update("update platform.municipality set document_primary_colour = ?, document_table_header_colour = ?,"
                        + " document_font = ?, version = version + 1 where code = ? and version = ?", primaryColour, tableHeaderColour,
                font == null ? null : font.name(), code, expectedVersion);
        return afterUpdate(code, rows);
    }

    /** Switches a municipality on or off; nothing is deleted. Stale {@code expectedVersion}: {@link Conflict}. */
    @Transactional
    public Municipality setActive(String code, boolean active, int expectedVersion) {
        int rows = sql.update("update platform.municipality set active = ?, "
                        + (active ? "activated_at = ?, deactivated_at = null" : "deactivated_at = ?")
                        + ", version = version + 1 where code = ? and version = ?",
                active, clock.instant(), code, expectedVersion);
        return afterUpdate(code, rows);
    }

    /** New display name and contact e-mail (null clears). Stale {@code expectedVersion}: {@link Conflict}. */
    @Transactional
    public Municipality updateSettings(String code, @Nullable String displayName, @Nullable String contactEmail,
                                       int expectedVersion) {
        int rows = sql.update("update platform.municipality set display_name = ?, contact_email = ?, version = version + 1"
                + " where code = ? and version = ?", displayName, contactEmail, code, expectedVersion);
        return afterUpdate(code, rows);
    }

    /** Replaces (or with null content removes) the logo; the caller has checked type, size and safety. */
    @Transactional
    public Municipality replaceLogo(String code, @Nullable Logo logo, int expectedVersion) {
        int rows = sql.update("update platform.municipality set logo = ?, logo_media_type = ?, logo_sha256 = ?, version = version + 1"
                        + " where code = ? and version = ?", logo == null ? null : logo.content(),
                logo == null ? null : logo.mediaType(), logo == null ? null : logo.sha256(), code, expectedVersion);
        return afterUpdate(code, rows);
    }

    /** Whether the municipality's users may sign in with a password (off: only through single sign-on). */
    @Transactional
    public Municipality setPasswordLogin(String code, boolean allowed, int expectedVersion) {
        int rows = sql.update("update platform.municipality set password_login = ?, version = version + 1"
                + " where code = ? and version = ?", allowed, code, expectedVersion);
        return afterUpdate(code, rows);
    }

    /** Makes sure the municipality exists and is active (demo data and test fixtures). */
    @Transactional
    public void ensureActive(String code, String name) {
        sql.update("insert into platform.municipality (code, name, active, activated_at) values (?, ?, true, ?)"
                + " on conflict (code) do update set name = excluded.name, active = true,"
                + " activated_at = coalesce(platform.municipality.activated_at, excluded.activated_at)", code, name, clock.instant());
    }

    private Municipality afterUpdate(String code, int rows) {
        Municipality now = find(code).orElseThrow(() -> new IllegalArgumentException("unknown municipality " + code));
        if (rows == 0) {
            throw new Conflict("Kommunen er ændret af en anden i mellemtiden. Hent den igen og prøv på ny.");
        }
        return now;
    }

    private static Municipality row(ResultSet rs) throws SQLException {
        return new Municipality(rs.getString("code"), rs.getString("name"), rs.getString("display_name"), rs.getBoolean("active"),
                rs.getString("contact_email"), rs.getString("logo_media_type"), rs.getString("logo_sha256"),
                rs.getBoolean("password_login"), rs.getInt("version"), rs.getString("document_primary_colour"),
                rs.getString("document_table_header_colour"), rs.getString("document_font"));
    }
}
