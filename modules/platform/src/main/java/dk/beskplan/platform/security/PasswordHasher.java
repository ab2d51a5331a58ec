package dk.beskplan.platform.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Slow, salted password hashes with PBKDF2-HMAC-SHA256 from the JDK (no extra dependency). The iteration
 * count is stored with each hash, so raising it later keeps old hashes verifiable.
 */
@Singleton
public class PasswordHasher {
    public static final int MIN_LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    /** The first part of every stored hash: which scheme made it. */
    private static final String SCHEME = "pbkdf2-sha256";

    private final int iterations;

    public PasswordHasher(@Value("${beskplan.security.password.iterations:600000}") int iterations) {
        this.iterations = iterations;
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return SCHEME + "$" + iterations + "$" + b64(salt) + "$" + b64(derive(password, salt, iterations));
    }

    public boolean matches(String password, String stored) {
        String[] parts = parts(stored);
        if (parts == null) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(password, salt, Integer.parseInt(parts[1])));
    }

    /** Whether a stored hash was made with this hasher's iteration count (so it costs what a new one would). */
    public boolean hasCurrentCost(String stored) {
        String[] parts = parts(stored);
        return parts != null && parts[1].equals(Integer.toString(iterations));
    }

    /** A stored hash's four parts (scheme, rounds, salt, hash), or null when it is not one of ours. */
    private static String[] parts(String stored) {
        String[] parts = stored.split("\\$");
        return parts.length == 4 && parts[0].equals(SCHEME) ? parts : null;
    }

    /** A hash of a random password: used to spend the same time when the user does not exist. */
    public String decoy() {
        return hash(Long.toHexString(RANDOM.nextLong()) + "-decoy-password");
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            var spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }
}
