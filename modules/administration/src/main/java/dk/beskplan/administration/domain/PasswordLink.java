package dk.beskplan.administration.domain;

import dk.beskplan.platform.domain.Hashes;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * A link e-mailed to a user to choose a password. The token in the link is 256 random bits; only its SHA-256 is
 * stored, so whoever reads the database cannot use a link. A link is valid for its purpose's time, once, and only
 * while no newer link of the same purpose replaced it.
 */
public final class PasswordLink {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;

    /** Why the link was sent, and how long it is valid. */
    public enum Purpose {
        /** A new user chooses their first password: 72 hours. */
        INVITATION(Duration.ofHours(72)),
        /** "Glemt adgangskode?": one hour. */
        RESET(Duration.ofHours(1));

        private final Duration validity;

        Purpose(Duration validity) {
            this.validity = validity;
        }

        public Duration validity() {
            return validity;
        }
    }

    /** What a presented link is worth now. */
    public enum State { VALID, EXPIRED, USED, REPLACED }

    /** A freshly made link: the token goes into the mail, the hash into the database. */
    public record Issued(String token, String hash, Instant expiresAt) {
    }

    private PasswordLink() {
    }

    public static Issued issue(Purpose purpose, Instant now) {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Issued(token, hash(token), now.plus(purpose.validity()));
    }

    /** The stored form of a token. */
    public static String hash(String token) {
        return Hashes.sha256Hex(token);
    }

    /** Whether a token can be one of ours at all (checked before touching the database). */
    public static boolean wellFormed(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }

    /** A stored link's state at {@code now}: used and replaced win over expired (they say more). */
    public static State state(Instant expiresAt, Instant usedAt, Instant replacedAt, Instant now) {
        if (usedAt != null) {
            return State.USED;
        }
        if (replacedAt != null) {
            return State.REPLACED;
        }
        return now.isBefore(expiresAt) ? State.VALID : State.EXPIRED;
    }
}
