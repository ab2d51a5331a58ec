package dk.beskplan.archive.application;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.UUID;

/**
 * {@code java -jar beskplan.jar verify-archive [--plan <id>]}: verifies the archive's chains straight against the
 * database, without starting the application (no server, no broker, no migrations). Uses the same database
 * settings as the application (DATASOURCES_DEFAULT_URL, _USERNAME, _PASSWORD). Exit code 0: intact; 1: a record
 * does not match (named on the output); 2: could not verify.
 */
public final class ArchiveCommand {
    public static final String VERIFY = "verify-archive";

    private ArchiveCommand() {
    }

    public static int run(String[] args, Map<String, String> env, PrintStream out) {
        UUID plan = null;
        for (int i = 1; i < args.length; i++) {
            if ("--plan".equals(args[i]) && i + 1 < args.length) {
                plan = UUID.fromString(args[++i]);
            } else {
                out.println("usage: java -jar beskplan.jar verify-archive [--plan <plan id>]");
                return 2;
            }
        }
        String url = env.getOrDefault("DATASOURCES_DEFAULT_URL", "jdbc:postgresql://localhost:5432/beskplan");
        String user = env.getOrDefault("DATASOURCES_DEFAULT_USERNAME", "postgres");
        String password = env.getOrDefault("DATASOURCES_DEFAULT_PASSWORD", "");
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.setReadOnly(true);
            Verifier.Result result = Verifier.verify(connection, plan);
            String scope = plan == null ? "archive" : "plan " + plan;
            if (result.intact()) {
                out.printf("%s intact: %d records and %d documents verified in %.1f s; last hash %s%n", scope,
                        result.records(), result.documents(), result.millis() / 1000.0, result.lastHash());
                return 0;
            }
            out.printf("%s BROKEN at record seq %d (message %s): %s%n", scope, result.mismatchSeq(),
                    result.mismatchMessageId(), result.mismatchReason());
            out.printf("%d records verified before it, in %.1f s%n", result.records() - 1, result.millis() / 1000.0);
            return 1;
        } catch (Exception e) {
            out.println("could not verify the archive at " + url + ": " + e);
            return 2;
        }
    }
}
