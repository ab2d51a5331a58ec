package dk.beskplan.archive.application;

import dk.beskplan.archive.domain.Checkpoint;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The archive's command-line tools, run straight against the database without starting the application (no server,
 * no broker, no migrations), with the same database settings (DATASOURCES_DEFAULT_URL, _USERNAME, _PASSWORD):
 * <ul>
 *   <li>{@code verify-archive [--plan <id>] [--checkpoint FILE [--public-key FILE]]}: verifies the chains and, with
 *       a checkpoint, that the archive still holds the record it names with its hash. Exit code 0: intact; 1: a record
 *       does not match (named on the output); 2: could not verify.</li>
 *   <li>{@code archive-checkpoint}: writes a signed checkpoint of the archive's head now.</li>
 *   <li>{@code archive-keygen DIR}: makes the Ed25519 key pair that signs checkpoints.</li>
 * </ul>
 */
public final class ArchiveCommand {
    public static final String VERIFY = "verify-archive";
    public static final String CHECKPOINT = "archive-checkpoint";
    public static final String KEYGEN = "archive-keygen";
    public static final Set<String> COMMANDS = Set.of(VERIFY, CHECKPOINT, KEYGEN);
    static final String PRIVATE_KEY_FILE = "archive-checkpoint-key.pem";
    static final String PUBLIC_KEY_FILE = "archive-checkpoint-key.pub.pem";

    private ArchiveCommand() {
    }

    public static int run(String[] args, Map<String, String> env, PrintStream out) {
        return switch (args[0]) {
            case CHECKPOINT -> checkpoint(env, out);
            case KEYGEN -> keygen(args, out);
            default -> verify(args, env, out);
        };
    }

    private static int verify(String[] args, Map<String, String> env, PrintStream out) {
        UUID plan = null;
        String checkpointFile = null;
        String publicKeyFile = env.get("BESKPLAN_ARCHIVE_CHECKPOINT_PUBLIC_KEY_FILE");
        for (int i = 1; i < args.length; i++) {
            if ("--plan".equals(args[i]) && i + 1 < args.length) {
                plan = UUID.fromString(args[++i]);
            } else if ("--checkpoint".equals(args[i]) && i + 1 < args.length) {
                checkpointFile = args[++i];
            } else if ("--public-key".equals(args[i]) && i + 1 < args.length) {
                publicKeyFile = args[++i];
            } else {
                out.println("usage: java -jar beskplan.jar verify-archive [--plan <plan id>] [--checkpoint FILE [--public-key FILE]]");
                return 2;
            }
        }
        Checkpoint checkpoint = null;
        if (checkpointFile != null) {
            try {
                Optional<Checkpoint> read = Checkpoint.parse(Files.readString(Path.of(checkpointFile), StandardCharsets.US_ASCII));
                if (read.isEmpty()) {
                    out.println(checkpointFile + " is not an archive checkpoint");
                    return 2;
                }
                if (publicKeyFile == null) {
                    out.println("a checkpoint proves nothing without the public key that signed it:"
                            + " give --public-key FILE (or BESKPLAN_ARCHIVE_CHECKPOINT_PUBLIC_KEY_FILE)");
                    return 2;
                }
                PublicKey publicKey = Checkpoint.readPublicKey(Files.readString(Path.of(publicKeyFile), StandardCharsets.US_ASCII));
                if (!read.get().signedBy(publicKey)) {
                    out.println("checkpoint " + checkpointFile + " is NOT signed by the key in " + publicKeyFile
                            + " (or was changed after signing): it cannot be trusted");
                    return 1;
                }
                checkpoint = read.get();
            } catch (IOException | IllegalArgumentException e) {
                out.println("cannot read the checkpoint: " + e.getMessage());
                return 2;
            }
        }
        String url = url(env);
        try (Connection connection = connect(env)) {
            connection.setReadOnly(true);
            Verifier.Result result = Verifier.verify(connection, plan, checkpoint);
            String scope = plan == null ? "archive" : "plan " + plan;
            if (result.intact()) {
                out.printf("%s intact: %d records and %d documents verified in %.1f s; last hash %s%n", scope,
                        result.records(), result.documents(), result.millis() / 1000.0, result.lastHash());
                if (checkpoint != null) {
                    out.printf("checkpoint of %s holds: record seq %d still has hash %s%n", checkpoint.writtenAt(),
                            checkpoint.seq(), checkpoint.hash());
                }
                return 0;
            }
            out.printf("%s BROKEN at record seq %d (message %s): %s%n", scope, result.mismatchSeq(),
                    result.mismatchMessageId(), result.mismatchReason());
            out.printf("%d records verified before it, in %.1f s%n", Math.max(0, result.records() - 1), result.millis() / 1000.0);
            return 1;
        } catch (Exception e) {
            out.println("could not verify the archive at " + url + ": " + e);
            return 2;
        }
    }

    private static int checkpoint(Map<String, String> env, PrintStream out) {
        String keyFile = env.get("BESKPLAN_ARCHIVE_CHECKPOINT_KEY_FILE");
        String directory = env.get("BESKPLAN_ARCHIVE_CHECKPOINT_DIRECTORY");
        if (keyFile == null || directory == null) {
            out.println("set BESKPLAN_ARCHIVE_CHECKPOINT_KEY_FILE and BESKPLAN_ARCHIVE_CHECKPOINT_DIRECTORY");
            return 2;
        }
        try (Connection connection = connect(env)) {
            KeyPair key = Checkpoints.readKey(Path.of(keyFile));
            ChainRepository.Head head = ChainRepository.read(connection, ChainRepository::head).orElse(Checkpoints.EMPTY);
            Checkpoints.Written written = Checkpoints.store(head, key, Clock.systemUTC(), Path.of(directory));
            out.printf("checkpoint written to %s: record seq %d, hash %s%n", written.file(), head.seq(), head.hash());
            return 0;
        } catch (SQLException | RuntimeException e) {
            out.println("could not write a checkpoint: " + e);
            return 2;
        }
    }

    private static int keygen(String[] args, PrintStream out) {
        if (args.length != 2) {
            out.println("usage: java -jar beskplan.jar archive-keygen DIR   (writes " + PRIVATE_KEY_FILE + " and " + PUBLIC_KEY_FILE + ")");
            return 2;
        }
        Path dir = Path.of(args[1]);
        Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
        if (Files.exists(privateFile)) {
            out.println(privateFile + " exists: not overwritten (checkpoints signed with it would no longer verify)");
            return 2;
        }
        KeyPair key = Checkpoint.generateKey();
        try {
            Files.createDirectories(dir);
            Files.writeString(privateFile, "", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                out.println("note: cannot restrict the permissions of " + privateFile + " on this file system");
            }
            Files.writeString(privateFile, Checkpoint.pem(key.getPrivate()), StandardCharsets.US_ASCII);
            Files.writeString(dir.resolve(PUBLIC_KEY_FILE), Checkpoint.pem(key.getPublic()), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            out.println("could not write the key: " + e);
            return 2;
        }
        out.printf("private key %s (give it to the application only: BESKPLAN_ARCHIVE_CHECKPOINT_KEY_FILE)%n", privateFile);
        out.printf("public key %s (keep it with the checkpoints; verify-archive --public-key); key id %s%n",
                dir.resolve(PUBLIC_KEY_FILE), Checkpoint.keyId(key.getPublic()));
        return 0;
    }

    private static String url(Map<String, String> env) {
        return env.getOrDefault("DATASOURCES_DEFAULT_URL", "jdbc:postgresql://localhost:5432/beskplan");
    }

    private static Connection connect(Map<String, String> env) throws SQLException {
        return DriverManager.getConnection(url(env), env.getOrDefault("DATASOURCES_DEFAULT_USERNAME", "postgres"),
                env.getOrDefault("DATASOURCES_DEFAULT_PASSWORD", ""));
    }
}
