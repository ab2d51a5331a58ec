package dk.beskplan.administration.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordLinkTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void aTokenCarries256RandomBitsAndOnlyItsHashIsKept() {
        PasswordLink.Issued link = PasswordLink.issue(PasswordLink.Purpose.INVITATION, NOW);
        assertThat(Base64.getUrlDecoder().decode(link.token())).hasSize(32);
        assertThat(link.hash()).hasSize(64).isEqualTo(PasswordLink.hash(link.token())).doesNotContain(link.token());
        assertThat(PasswordLink.wellFormed(link.token())).isTrue();
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            tokens.add(PasswordLink.issue(PasswordLink.Purpose.RESET, NOW).token());
        }
        assertThat(tokens).as("no two alike").hasSize(1000);
    }

    @Test
    void invitationsLast72HoursResetsOneHour() {
        assertThat(PasswordLink.issue(PasswordLink.Purpose.INVITATION, NOW).expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(72)));
        assertThat(PasswordLink.issue(PasswordLink.Purpose.RESET, NOW).expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void aLinkIsValidOnceUntilItExpiresOrIsReplaced() {
        Instant expires = NOW.plus(Duration.ofHours(1));
        assertThat(PasswordLink.state(expires, null, null, NOW)).isEqualTo(PasswordLink.State.VALID);
        assertThat(PasswordLink.state(expires, null, null, expires.minusMillis(1))).isEqualTo(PasswordLink.State.VALID);
        assertThat(PasswordLink.state(expires, null, null, expires)).isEqualTo(PasswordLink.State.EXPIRED);
        assertThat(PasswordLink.state(expires, NOW, null, NOW)).isEqualTo(PasswordLink.State.USED);
        assertThat(PasswordLink.state(expires, NOW, null, expires.plusSeconds(5))).as("used says more than expired").isEqualTo(PasswordLink.State.USED);
        assertThat(PasswordLink.state(expires, null, NOW, NOW)).isEqualTo(PasswordLink.State.REPLACED);
    }

    @Test
    void malformedTokensNeverReachTheDatabase() {
        assertThat(PasswordLink.wellFormed(null)).isFalse();
        assertThat(PasswordLink.wellFormed("short")).isFalse();
        assertThat(PasswordLink.wellFormed("a".repeat(42) + "'")).isFalse();
        assertThat(PasswordLink.wellFormed("a".repeat(43))).isTrue();
    }
}
