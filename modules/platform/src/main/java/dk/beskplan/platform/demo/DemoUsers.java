package dk.beskplan.platform.demo;

import dk.beskplan.platform.security.PasswordHasher;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.security.UserAccounts;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;

/**
 * Demo municipalities and users, created only in the {@code demo} environment (README lists them).
 * Never active in production: there, an administrator creates users.
 */
@Singleton
@Requires(env = "demo")
public class DemoUsers {
    public static final String PASSWORD = "demo-adgangskode-2026";
    /**
     * {@link #PASSWORD} hashed once with the default 600,000 rounds (DemoUsersTest checks it). The password is
     * published, so a fixed salt gives nothing away; hashing it at start-up took half a second of a fresh demo
     * start's main thread (docs/performance.md).
     */
    static final String PASSWORD_HASH = "pbkdf2-sha256$600000$OnpDcW5j+C+RLFLZpeZgVg$oco4qsPSqc3JhwzkcqIZPl0ubVgAnRHdqKYMj5lOeE8";
    private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

    private final UserAccounts users;
    private final PasswordHasher hasher;
    /**
     * The published password's hash for the missing demo users: the precomputed one when this installation hashes with
     * the same rounds, else hashed once here (the tests' fewer rounds keep their logins cheap).
     */
    private String passwordHash;
    private boolean ready;

    public DemoUsers(UserAccounts users, PasswordHasher hasher) {
        this.users = users;
        this.hasher = hasher;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        ensure();
    }

    /**
     * Idempotent: the demo users exist afterwards (also called by other demo loaders before they act). Once per start:
     * the later calls find them made and return at once.
     */
    public synchronized void ensure() {
        if (ready) {
            return;
        }
        users.ensureMunicipality("316", "Holbæk Kommune");
        users.ensureMunicipality("250", "Frederikssund Kommune");
        demo("holbaek.embedsmand", "Hanne Holm (embedsmand)", "316", Roles.OFFICIAL);
        demo("holbaek.sekretaer", "Søren Sæby (udvalgssekretær)", "316", Roles.SECRETARY);
        demo("holbaek.leder", "Lene Lund (leder)", "316", Roles.MANAGER);
        demo("holbaek.laeser", "Lars Læsø (læser)", "316", Roles.READER);
        demo("frederikssund.embedsmand", "Frida Friis (embedsmand)", "250", Roles.OFFICIAL);
        demo("frederikssund.sekretaer", "Svend Sund (udvalgssekretær)", "250", Roles.SECRETARY);
        demo("frederikssund.leder", "Lise Lykke (leder)", "250", Roles.MANAGER);
        demo("holbaek.admin", "Aase Andersen (lokal administrator)", "316", Roles.LOCAL_ADMIN);
        demo("frederikssund.admin", "Frank Falk (lokal administrator)", "250", Roles.LOCAL_ADMIN);
        demo("admin", "Administrator", null, Roles.ADMIN);
        LOG.info("Demo mode: demo users ready (password '{}')", PASSWORD);
        ready = true;
    }

    private void demo(String username, String name, String municipality, String role) {
        if (users.find(username).isEmpty()) {
            if (passwordHash == null) {
                passwordHash = hasher.hasCurrentCost(PASSWORD_HASH) ? PASSWORD_HASH : hasher.hash(PASSWORD);
            }
            users.saveWithPasswordHash(username, name, username + "@demo.beskplan.dk", municipality, Set.of(role), passwordHash);
        }
    }
}
