package dk.beskplan.app;

import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input the application can neither read nor store is refused with 400 naming the field, and changes nothing:
 * the cases bench/Fuzz.java found answered with 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnreadableInputTest {
    private TestApp app;

    @BeforeAll
    void start() {
        app = TestApp.start();
        Fixtures.seedUsers(app);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void aNulCharacterInTextIsNamedAndNothingIsStored() {
        Api official = Fixtures.as(app, "a.official");
        Api.Response refused = official.postRaw("/api/plans", "{\"municipality\":\"316\",\"fromYear\":2027,\"toYear\":2027,"
                + "\"title\":\"Plan\\u0000 2027\",\"committeeName\":\"Udvalget\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"title\"").contains("styretegn");
        assertThat(official.get("/api/plans").jsonList()).isEmpty();
    }

    @Test
    void aFormBodyThatIsNotUrlEncodedIsRefused() {
        Api.Response refused = app.api().postRawForm("/login", "username=%%%&password=x");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("formularen kan ikke læses");
    }

    @Test
    void aRouteStageThatNamesNoCommitteeIsNamed() {
        Api secretary = Fixtures.as(app, "a.secretary");
        Api.Response refused = secretary.postForm("/approval/udvalg/forloeb", Map.of("_csrf", secretary.csrfToken(),
                "stage.0", "' OR '1'='1"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("trin 1: vælg høring eller et af kommunens udvalg");
    }
}
