package dk.beskplan.platform.security.sso;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Seals the municipalities' OpenID Connect client secrets (AES-256-GCM) under a key that lives in configuration
 * ({@code beskplan.security.sso.secret-key}, 32 random bytes in Base64), never in the database: a copy of the
 * database alone does not hand out the secrets. Without a key, no secret can be saved (the settings say so).
 */
@Singleton
public class SecretBox {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;
    private static final String PREFIX = "v1:";

    private final @Nullable SecretKeySpec key;

    public SecretBox(@Value("${beskplan.security.sso.secret-key:}") String base64Key) {
        this.key = base64Key == null || base64Key.isBlank() ? null : keyOf(base64Key.strip());
    }

    private static SecretKeySpec keyOf(String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("beskplan.security.sso.secret-key is not Base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("beskplan.security.sso.secret-key must be 32 bytes (256 bits) in Base64, e.g. `openssl rand -base64 32`");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** Whether a key is configured, i.e. secrets can be saved and used. */
    public boolean available() {
        return key != null;
    }

    public String seal(String secret) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, requireKey(), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The secret, or empty when it cannot be opened (no key, or another key than the one it was sealed with). */
    public Optional<String> open(@Nullable String sealed) {
        if (sealed == null || key == null || !sealed.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, IV_BYTES));
            return Optional.of(new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private SecretKeySpec requireKey() {
        if (key == null) {
            throw new IllegalStateException("no beskplan.security.sso.secret-key configured");
        }
        return key;
    }
}
