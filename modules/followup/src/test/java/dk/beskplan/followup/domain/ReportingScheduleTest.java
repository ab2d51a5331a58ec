package dk.beskplan.followup.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.MonthDay;

import static org.assertj.core.api.Assertions.assertThat;

class ReportingScheduleTest {

    @Test
    void oneAnnualRoundPerPlanYear() {
        var rounds = ReportingSchedule.annualOnly().rounds(2024, 2025);
        assertThat(rounds).extracting(ReportingSchedule.PlannedRound::dueDate)
                .containsExactly(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 12, 31));
        assertThat(rounds).extracting(ReportingSchedule.PlannedRound::label).containsExactly("Årlig status 2024", "Årlig status 2025");
        assertThat(rounds).extracting(ReportingSchedule.PlannedRound::number).containsExactly(1, 2);
    }

    @Test
    void aMidYearRoundBeforeEachAnnualOneOnTheMunicipalitysDates() {
        var rounds = new ReportingSchedule(MonthDay.of(11, 30), true, MonthDay.of(6, 15)).rounds(2025, 2025);
        assertThat(rounds).extracting(ReportingSchedule.PlannedRound::label).containsExactly("Halvårsstatus 2025", "Årlig status 2025");
        assertThat(rounds).extracting(ReportingSchedule.PlannedRound::dueDate)
                .containsExactly(LocalDate.of(2025, 6, 15), LocalDate.of(2025, 11, 30));
    }
}
