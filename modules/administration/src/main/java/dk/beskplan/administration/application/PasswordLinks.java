package dk.beskplan.administration.application;

import dk.beskplan.administration.AdministrationModule;
import dk.beskplan.administration.domain.PasswordLink;
import dk.beskplan.platform.mail.Mail;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.text.DanishFormats;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Makes, mails and redeems the links users choose a password from (invitations and resets). Only a link's hash is
 * stored; a new link of the same purpose replaces the user's older ones. Callers hold the transaction.
 */
@Singleton
public class PasswordLinks {

    /** A stored link as presented, with what it is worth now. */
    public record Found(String username, PasswordLink.Purpose purpose, PasswordLink.State state, String hash) {
    }

    private final PasswordLinkRepository links;
    private final Mail mail;
    private final Clock clock;
    private final UserAccounts users;

    PasswordLinks(PasswordLinkRepository links, Mail mail, Clock clock, UserAccounts users) {
        this.users = users;
        this.links = links;
        this.mail = mail;
        this.clock = clock;
    }

    /** Makes a new link for the user (replacing older ones of the purpose) and queues the mail carrying it. */
    public void send(UserAccounts.User user, PasswordLink.Purpose purpose, @Nullable String invitedBy) {
        if (user.email() == null) {
            throw new IllegalStateException("user " + user.username() + " has no e-mail address");
        }
        Instant now = clock.instant();
        links.supersede(user.username(), purpose.name(), now);
        PasswordLink.Issued link = PasswordLink.issue(purpose, now);
        links.insert(link.hash(), user.username(), purpose.name(), now, link.expiresAt());
        String url = mail.link("/adgangskode/" + link.token());
        String subject;
        StringBuilder body = new StringBuilder("Kære ").append(user.displayName()).append("\n\n");
        if (purpose == PasswordLink.Purpose.INVITATION) {
            subject = "Du er inviteret til Beskplan";
            body.append(invitedBy == null ? "Du er oprettet som bruger af Beskplan" : invitedBy + " har oprettet dig som bruger af Beskplan")
                    .append(" med brugernavnet ").append(user.username())
                    .append(user.municipality() == null ? "" : " (" + Roles.danish(user.roles()) + ", " + users.municipalityName(user.municipality()) + ")")
                    .append(".\n\n")
                    .append("Vælg din adgangskode her (linket virker én gang, indtil ").append(DanishFormats.dateTime(link.expiresAt())).append("):\n")
                    .append(url).append("\n");
        } else {
            subject = "Nulstil din adgangskode til Beskplan";
            body.append("Nogen (forhåbentlig dig) har bedt om at nulstille adgangskoden til Beskplan for brugeren ")
                    .append(user.username()).append(".\n\n")
                    .append("Vælg en ny adgangskode her (linket virker én gang, indtil ").append(DanishFormats.dateTime(link.expiresAt())).append("):\n")
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
        return links.find(PasswordLink.hash(token)).map(row -> new Found(row.username(), PasswordLink.Purpose.valueOf(row.purpose()),
                PasswordLink.state(row.expiresAt(), row.usedAt(), row.supersededAt(), clock.instant()), row.hash()));
    }

    /** Marks a valid link used; false when someone else used it in the meantime (it stays single-use). */
    public boolean markUsed(Found link) {
        return links.markUsed(link.hash(), clock.instant());
    }
}
