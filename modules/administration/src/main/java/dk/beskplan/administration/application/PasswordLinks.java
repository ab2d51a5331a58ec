package dk.beskplan.administration.application;

import dk.beskplan.administration.AdministrationModule;
import dk.beskplan.administration.domain.PasswordLink;
import dk.beskplan.platform.mail.Mail;
import dk.beskplan.platform.persistence.Sql;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.security.UserAccounts;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Makes, mails and redeems the links users choose a password from (invitations and resets). Only a link's hash is
 * stored; a new link of the same purpose replaces the user's older ones. Callers hold the transaction.
 */
@Singleton
public class PasswordLinks {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d. MMMM yyyy 'kl.' HH:mm", Locale.forLanguageTag("da-DK"))
            .withZone(ZoneId.of("Europe/Copenhagen"));

    /** A stored link as presented, with what it is worth now. */
    public record Found(String username, PasswordLink.Purpose purpose, PasswordLink.State state, String hash) {
    }

    private final Sql sql;
    private final Mail mail;
    private final Clock clock;
    private final UserAccounts users;

    PasswordLinks(Sql sql, Mail mail, Clock clock, UserAccounts users) {
        this.users = users;
        this.sql = sql;
        this.mail = mail;
        this.clock = clock;
    }

    /** Makes a new link for the user (replacing older ones of the purpose) and queues the mail carrying it. */
    public void send(UserAccounts.User user, PasswordLink.Purpose purpose, @Nullable String invitedBy) {
        if (user.email() == null) {
            throw new IllegalStateException("user " + user.username() + " has no e-mail address");
        }
        Instant now = clock.instant();
        sql.update("update administration.password_link set superseded_at = ? where username = ? and purpose = ?"
                + " and used_at is null and superseded_at is null", now, user.username(), purpose.name());
        PasswordLink.Issued link = PasswordLink.issue(purpose, now);
        sql.update("insert into administration.password_link (token_hash, username, purpose, created_at, expires_at)"
                + " values (?, ?, ?, ?, ?)", link.hash(), user.username(), purpose.name(), now, link.expiresAt());
        String url = mail.link("/adgangskode/" + link.token());
        String subject;
        StringBuilder body = new StringBuilder("Kære ").append(user.displayName()).append("\n\n");
        if (purpose == PasswordLink.Purpose.INVITATION) {
            subject = "Du er inviteret til Beskplan";
            body.append(invitedBy == null ? "Du er oprettet som bruger af Beskplan" : invitedBy + " har oprettet dig som bruger af Beskplan")
                    .append(" med brugernavnet ").append(user.username())
                    .append(user.municipality() == null ? "" : " (" + Roles.danish(user.roles()) + ", " + users.municipalityName(user.municipality()) + ")")
                    .append(".\n\n")
                    .append("Vælg din adgangskode her (linket virker én gang, indtil ").append(WHEN.format(link.expiresAt())).append("):\n")
                    .append(url).append("\n");
        } else {
            subject = "Nulstil din adgangskode til Beskplan";
            body.append("Nogen (forhåbentlig dig) har bedt om at nulstille adgangskoden til Beskplan for brugeren ")
                    .append(user.username()).append(".\n\n")
                    .append("Vælg en ny adgangskode her (linket virker én gang, indtil ").append(WHEN.format(link.expiresAt())).append("):\n")
                    .append(url).append("\n\nHar du ikke bedt om det, kan du se bort fra denne e-mail; din adgangskode er uændret.\n");
        }
        body.append("\nVenlig hilsen\nBeskplan\n");
        mail.queue(AdministrationModule.MODULE, user.email(), subject, body.toString(), "password-link:" + link.hash());
    }

    /** The link for a presented token, if it is one of ours (in any state). */
    public Optional<Found> find(String token) {
        if (!PasswordLink.wellFormed(token)) {
            return Optional.empty();
        }
        return sql.queryOne("select token_hash, username, purpose, expires_at, used_at, superseded_at"
                        + " from administration.password_link where token_hash = ?",
                rs -> new Found(rs.getString("username"), PasswordLink.Purpose.valueOf(rs.getString("purpose")),
                        PasswordLink.state(Sql.instant(rs, "expires_at"), Sql.instant(rs, "used_at"),
                                Sql.instant(rs, "superseded_at"), clock.instant()), rs.getString("token_hash")),
                PasswordLink.hash(token));
    }

    /** Marks a valid link used; false when someone else used it in the meantime (it stays single-use). */
    public boolean markUsed(Found link) {
        return sql.update("update administration.password_link set used_at = ? where token_hash = ? and used_at is null"
                + " and superseded_at is null", clock.instant(), link.hash()) == 1;
    }
}
