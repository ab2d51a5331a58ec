package dk.beskplan.followup.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TargetPeriodTest {
    /** A two-year plan with mid-year rounds. */
    private static final List<LocalDate> ROUNDS = List.of(LocalDate.of(2025, 6, 30), LocalDate.of(2025, 12, 31),
            LocalDate.of(2026, 6, 30), LocalDate.of(2026, 12, 31));

    @Test
    void aTargetEndingInTheFirstYearIsFollowedUpInThatYearsRoundsOnly() {
        TargetPeriod firstYear = new TargetPeriod(LocalDate.of(2025, 12, 31), false);
        assertThat(ROUNDS).filteredOn(due -> firstYear.followedIn(due, ROUNDS))
                .containsExactly(LocalDate.of(2025, 6, 30), LocalDate.of(2025, 12, 31));
    }

    @Test
    void aDeadlineBetweenRoundsIsReadByTheNextRound() {
        TargetPeriod september = new TargetPeriod(LocalDate.of(2025, 9, 30), false);
        assertThat(september.lastRoundDue(ROUNDS)).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(september.followedIn(LocalDate.of(2026, 6, 30), ROUNDS)).isFalse();
    }

    @Test
    void noDeadlineAContinuingTargetOrADeadlineAfterTheLastRoundFollowsEveryRound() {
        assertThat(ROUNDS).allMatch(due -> new TargetPeriod(null, false).followedIn(due, ROUNDS));
        assertThat(ROUNDS).allMatch(due -> new TargetPeriod(LocalDate.of(2025, 12, 31), true).followedIn(due, ROUNDS));
        assertThat(ROUNDS).allMatch(due -> new TargetPeriod(LocalDate.of(2027, 3, 31), false).followedIn(due, ROUNDS));
    }
}
