package dk.beskplan.administration.application;

import dk.beskplan.administration.domain.PasswordPolicy;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.web.ProblemException;
import io.micronaut.context.BeanContext;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * {@code java -jar beskplan.jar create-admin <username> <email> [--name "Full name"]}: creates a system administrator
 * on a fresh (or any) database, so that an installation can be used without the demo. The password is read from
 * standard input: asked twice without echo on a terminal, one line when piped. The database is migrated first, as
 * the application would. Exit codes: 0 created; 1 refused (bad arguments, name or e-mail taken, password refused,
 * the two passwords differ: nothing created); 2 could not run (e.g. no database).
 */
public final class CreateAdminCommand {
    public static final String NAME = "create-admin";
    static final String USAGE = "usage: java -jar beskplan.jar create-admin <username> <email> [--name \"Full name\"]  (password on standard input)";

    /** Where the password comes from. */
    public interface PasswordSource {
        /** Whether a person types it (then it is asked for twice). */
        boolean interactive();

        /** One password; null at end of input. */
        String read(String prompt) throws IOException;
    }

    /** Runs work against a started application context (the command's own, or a test application's). */
    public interface Contexts {
        <T> T with(Function<BeanContext, T> work);
    }

    private CreateAdminCommand() {
    }

    /** The terminal (no echo) when there is one, else one line of standard input. */
    public static PasswordSource standardInput(Console console, InputStream in) {
        if (console != null) {
            return new PasswordSource() {
                public boolean interactive() {
                    return true;
                }

                public String read(String prompt) {
                    char[] chars = console.readPassword("%s", prompt);
                    return chars == null ? null : new String(chars);
                }
            };
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        return new PasswordSource() {
            public boolean interactive() {
                return false;
            }

            public String read(String prompt) throws IOException {
                return reader.readLine();
            }
        };
    }

    public static int run(String[] args, PasswordSource passwords, PrintStream out, Contexts contexts) {
        if (args.length < 3 || args[1].startsWith("-") || args[2].startsWith("-")) {
            out.println(USAGE);
            return 1;
        }
        String username = args[1];
        String email = args[2];
        String name = username;
        for (int i = 3; i < args.length; i++) {
            if ("--name".equals(args[i]) && i + 1 < args.length) {
                name = args[++i];
            } else {
                out.println(USAGE);
                return 1;
            }
        }
        String password;
        try {
            password = passwords.read("Adgangskode for " + username + ": ");
            if (password == null) {
                out.println("Refused: no password on standard input. Nothing created.");
                return 1;
            }
            if (passwords.interactive()) {
                String again = passwords.read("Gentag adgangskoden: ");
                if (!password.equals(again)) {
                    out.println("Refused: the two passwords differ. Nothing created.");
                    return 1;
                }
            }
        } catch (IOException e) {
            out.println("Could not read the password: " + e.getMessage());
            return 2;
        }
        PasswordPolicy policy = Policies.shipped();
        List<ProblemException.FieldError> refusals = SystemAdministrators.refusals(policy, username, email, password);
        if (!refusals.isEmpty()) {
            return refused(out, refusals);
        }
        String displayName = name;
        String pw = password;
        try {
            return contexts.with(context -> {
                try {
                    UserAccounts.User admin = context.getBean(SystemAdministrators.class).create(username, displayName, email, pw);
                    out.println("Created system administrator " + admin.username() + " <" + admin.email() + ">."
                            + " Log in and activate the first municipality under Administration.");
                    return 0;
                } catch (ProblemException e) {
                    return refused(out, e.errors().isEmpty() ? List.of(new ProblemException.FieldError("", e.getMessage())) : e.errors());
                }
            });
        } catch (RuntimeException e) {
            out.println("Could not create the administrator (is the database reachable? DATASOURCES_DEFAULT_URL): " + e);
            return 2;
        }
    }

    private static int refused(PrintStream out, List<ProblemException.FieldError> refusals) {
        out.println("Refused, nothing created:");
        refusals.forEach(f -> out.println("  " + (f.field().isEmpty() ? "" : f.field() + ": ") + f.message()));
        return 1;
    }
}
