package dk.beskplan.archive.domain;

import dk.beskplan.platform.domain.Hashes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The archive's head at one moment (the newest record's seq and hash), signed with an Ed25519 key the database does
 * not hold, and kept outside the database. Whoever can rewrite the database can make its chains consistent again
 * (delete the newest records, or rewrite the tail and recompute every hash after the change); they cannot make the
 * record at a checkpoint's seq carry the checkpoint's hash again, nor sign a new checkpoint.
 * <p>
 * The file is plain text, one {@code name: value} per line, so an administrator can read it; the signature covers
 * every line before it, exactly as written.
 */
public record Checkpoint(long seq, String hash, Instant writtenAt, String keyId, String signature) {

    private static final String FIRST_LINE = "Beskplan archive checkpoint";
    private static final String ALGORITHM = "Ed25519";

    /** A new checkpoint of the archive's head, signed with the administrator's private key. */
    public static Checkpoint sign(long seq, String hash, Instant writtenAt, KeyPair key) {
        String keyId = keyId(key.getPublic());
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key.getPrivate());
            signer.update(signedText(seq, hash, writtenAt, keyId).getBytes(StandardCharsets.UTF_8));
            return new Checkpoint(seq, hash, writtenAt, keyId, Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the archive checkpoint with an " + ALGORITHM + " key", e);
        }
    }

    /** What the signature covers. */
    private static String signedText(long seq, String hash, Instant writtenAt, String keyId) {
        return FIRST_LINE + "\nformat: 1\nseq: " + seq + "\nhash: " + hash + "\nwritten: " + writtenAt + "\nkey: " + keyId + "\n";
    }

    /** The checkpoint as its file holds it. */
    public String text() {
        return signedText(seq, hash, writtenAt, keyId) + "signature: " + signature + "\n";
    }

    /** Reads a checkpoint file; empty when it is not one (the caller says so). */
    public static Optional<Checkpoint> parse(String text) {
        if (!text.startsWith(FIRST_LINE + "\n")) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                fields.put(line.substring(0, colon), line.substring(colon + 2).strip());
            }
        }
        try {
            if (!"1".equals(fields.get("format"))) {
                return Optional.empty();
            }
            return Optional.of(new Checkpoint(Long.parseLong(fields.get("seq")), fields.get("hash"),
                    Instant.parse(fields.get("written")), fields.get("key"), fields.get("signature")));
        } catch (NumberFormatException | DateTimeParseException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** True when the checkpoint was signed by the private key belonging to {@code publicKey} and not changed since. */
    public boolean signedBy(PublicKey publicKey) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(signedText(seq, hash, writtenAt, keyId).getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** A short name of a public key (SHA-256 of its encoding, first 16 hex digits), to tell keys apart. */
    public static String keyId(PublicKey publicKey) {
        return Hashes.sha256Hex(publicKey.getEncoded()).substring(0, 16);
    }

    /** A new key pair for signing checkpoints. */
    public static KeyPair generateKey() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no " + ALGORITHM, e);
        }
    }

    /** The key as PEM text: PKCS#8 for the private key, X.509 for the public key (what openssl reads and writes). */
    public static String pem(java.security.Key key) {
        String kind = key instanceof PrivateKey ? "PRIVATE KEY" : "PUBLIC KEY";
        return "-----BEGIN " + kind + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END " + kind + "-----\n";
    }

    /** The private key file (PKCS#8 PEM, as {@link #pem} or {@code openssl genpkey -algorithm ed25519} write it), with its public key. */
    public static KeyPair readPrivateKey(String pem) {
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(der(pem, "PRIVATE KEY")));
            return new KeyPair(publicKeyOf(privateKey), privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an " + ALGORITHM + " private key (PKCS#8 PEM): " + e.getMessage(), e);
        }
    }

    public static PublicKey readPublicKey(String pem) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(pem, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an " + ALGORITHM + " public key (X.509 PEM): " + e.getMessage(), e);
        }
    }

    private static byte[] der(String pem, String kind) {
        int begin = pem.indexOf("-----BEGIN " + kind + "-----");
        int end = pem.indexOf("-----END " + kind + "-----");
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("no " + kind + " in PEM form");
        }
        return Base64.getMimeDecoder().decode(pem.substring(begin + kind.length() + 16, end));
    }

    /**
     * The public key of an Ed25519 private key (a PKCS#8 file need not carry it). An Ed25519 private key is a 32-byte
     * seed and the JDK has no call that derives the public key from it, so the JDK's own key pair generator is handed
     * the seed as its "random" bytes: it then generates exactly this key pair.
     */
    private static PublicKey publicKeyOf(PrivateKey privateKey) throws GeneralSecurityException {
        byte[] seed = ((java.security.interfaces.EdECPrivateKey) privateKey).getBytes()
                .orElseThrow(() -> new GeneralSecurityException("the private key does not reveal its seed"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
        generator.initialize(java.security.spec.NamedParameterSpec.ED25519, new FixedRandom(seed));
        return generator.generateKeyPair().getPublic();
    }

    /** Hands the seed to the key pair generator, so it produces the key pair of that seed. */
    private static final class FixedRandom extends java.security.SecureRandom {
        private final byte[] seed;

        FixedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }
}
