package dk.beskplan.administration.domain;

import dk.beskplan.administration.application.Policies;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {
    private final PasswordPolicy policy = new PasswordPolicy(Set.of("password", "sommer", "qwertyuiop", "123456789012"));

    @Test
    void atLeastTwelveCharactersCountedAsALetterEach() {
        assertThat(policy.refusal("elleve tegn", "ada", "ada@kommune.dk")).hasValueSatisfying(r -> assertThat(r).contains("mindst 12 tegn"));
        assertThat(policy.refusal("tolv tegn ok", "ada", "ada@kommune.dk")).isEmpty();
        assertThat(policy.refusal("æøåæøåæøåæø", "ada", "ada@kommune.dk")).as("11 Danish letters").isPresent();
        assertThat(policy.refusal(null, "ada", "ada@kommune.dk")).isPresent();
        assertThat(policy.refusal("x".repeat(201), "ada", "ada@kommune.dk")).hasValueSatisfying(r -> assertThat(r).contains("højst"));
    }

    @Test
    void notTheUsersOwnNameOrEmail() {
        assertThat(policy.refusal("mette.madsen.jobcenter", "mette.madsen.jobcenter", "mm@kommune.dk")).isPresent();
        assertThat(policy.refusal("MM@Kommune.dk", "mm", "mm@kommune.dk")).as("e-mail, any case: too short anyway").isPresent();
        assertThat(policy.refusal("anne.jobcenter@kommune.dk", "anne", "anne.jobcenter@kommune.dk"))
                .hasValueSatisfying(r -> assertThat(r).contains("brugernavn eller din e-mailadresse"));
        assertThat(policy.refusal("anne.jobcenter2026", "anne", "anne.jobcenter@kommune.dk"))
                .as("the e-mail's local part with digits added").isPresent();
        assertThat(policy.refusal("anne går til jobcentret", "anne", "anne.jobcenter@kommune.dk")).isEmpty();
    }

    @Test
    void notACommonPasswordAlsoWithDigitsAndSignsAround() {
        assertThat(policy.refusal("123456789012", "ada", "ada@kommune.dk")).hasValueSatisfying(r -> assertThat(r).contains("mest brugte"));
        assertThat(policy.refusal("QWERTYUIOP!!", "ada", "ada@kommune.dk")).isPresent();
        assertThat(policy.refusal("Password2026!", "ada", "ada@kommune.dk")).isPresent();
        assertThat(policy.refusal("2026!Sommer2026", "ada", "ada@kommune.dk")).isPresent();
        assertThat(policy.refusal("sommerfuglen flyver", "ada", "ada@kommune.dk")).as("a common word inside a phrase is fine").isEmpty();
    }

    @Test
    void theShippedListIsLoadedAndCoversDanishFavourites() {
        PasswordPolicy shipped = Policies.shipped();
        assertThat(shipped.refusal("Adgangskode123", "ada", "ada@kommune.dk")).isPresent();
        assertThat(shipped.refusal("velkommen2026!", "ada", "ada@kommune.dk")).isPresent();
        assertThat(shipped.refusal("qwertyuiop123", "ada", "ada@kommune.dk")).isPresent();
        assertThat(shipped.refusal("blå hest danser på taget", "ada", "ada@kommune.dk")).isEmpty();
    }
}
