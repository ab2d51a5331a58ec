package dk.beskplan.platform.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the one hash the application stores: of tokens (only their hash is kept), of logos, of archived documents
 * and records, of plan texts. Hex is lower-case, text is hashed as its UTF-8 bytes; stored hashes depend on both, so
 * neither may change.
 */
public final class Hashes {
    private Hashes() {
    }

    /** The SHA-256 of the bytes. */
    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The SHA-256 of the bytes in lower-case hex (64 digits). */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    /** The SHA-256 of the text's UTF-8 bytes in lower-case hex (64 digits). */
    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
