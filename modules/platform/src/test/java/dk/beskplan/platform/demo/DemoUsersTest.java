package dk.beskplan.platform.demo;

import dk.beskplan.platform.security.PasswordHasher;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo's precomputed password hash is the published password's, at the default cost. */
class DemoUsersTest {
    private final PasswordHasher production = new PasswordHasher(600_000);

    @Test
    void thePrecomputedHashIsThePublishedPasswordsAtTheDefaultCost() {
        assertTrue(production.matches(DemoUsers.PASSWORD, DemoUsers.PASSWORD_HASH));
        assertFalse(production.matches(DemoUsers.PASSWORD + "x", DemoUsers.PASSWORD_HASH));
        assertTrue(production.hasCurrentCost(DemoUsers.PASSWORD_HASH));
    }

    @Test
    void anInstallationHashingWithOtherRoundsDoesNotUseIt() {
        assertFalse(new PasswordHasher(1000).hasCurrentCost(DemoUsers.PASSWORD_HASH));
        assertTrue(new PasswordHasher(1000).hasCurrentCost(new PasswordHasher(1000).hash("en anden adgangskode")));
        assertFalse(production.hasCurrentCost("not a hash"));
    }
}
