package dk.beskplan.followup.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reminder timing: 14 and 3 days before, on the day, escalation after it; only the latest stage reached counts. */
class ReminderPolicyTest {
    private static final LocalDate DUE = LocalDate.of(2025, 12, 31);

    private static String stage(ReminderPolicy policy, LocalDate today) {
        return policy.stage(DUE, today).map(ReminderPolicy.Stage::key).orElse("none");
    }

    @Test
    void defaultOffsets() {
        ReminderPolicy p = ReminderPolicy.DEFAULT;
        assertThat(stage(p, DUE.minusDays(15))).isEqualTo("none");
        assertThat(stage(p, DUE.minusDays(14))).isEqualTo("BEFORE_14");
        assertThat(stage(p, DUE.minusDays(4))).isEqualTo("BEFORE_14");
        assertThat(stage(p, DUE.minusDays(3))).isEqualTo("BEFORE_3");
        assertThat(stage(p, DUE.minusDays(1))).isEqualTo("BEFORE_3");
        assertThat(stage(p, DUE)).isEqualTo("DUE_DAY");
        assertThat(stage(p, DUE.plusDays(1))).isEqualTo("ESCALATION");
        assertThat(stage(p, DUE.plusDays(40))).isEqualTo("ESCALATION");
    }

    @Test
    void configuredOffsetsInAnyOrderAndALaterEscalation() {
        ReminderPolicy p = new ReminderPolicy(List.of(7, 30, 7), 5);
        assertThat(p.daysBefore()).containsExactly(7, 30);
        assertThat(stage(p, DUE.minusDays(30))).isEqualTo("BEFORE_30");
        assertThat(stage(p, DUE.minusDays(7))).isEqualTo("BEFORE_7");
        assertThat(stage(p, DUE.plusDays(4))).as("still the due-day stage until escalation").isEqualTo("DUE_DAY");
        assertThat(stage(p, DUE.plusDays(5))).isEqualTo("ESCALATION");
    }

    @Test
    void nonsenseOffsetsAreRefused() {
        assertThatThrownBy(() -> new ReminderPolicy(List.of(0), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReminderPolicy(List.of(3), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
