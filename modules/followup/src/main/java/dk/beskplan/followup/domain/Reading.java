package dk.beskplan.followup.domain;

import java.time.LocalDate;

/**
 * One reported measurement of a success criterion, as evaluation needs it: the measured value, the comparison value
 * the target needs (national or regional average, or the value of the period compared with), when it was measured,
 * and whether it is an interim measurement (a round due before the criterion's deadline), which may be "on track".
 * {@code previous} is the measurement before it (an earlier round, or the plan's own baseline), or null.
 */
public record Reading(Double value, Double comparisonValue, LocalDate measuredOn, boolean interim, Reading previous) {

    public static Reading of(Double value, Double comparisonValue) {
        return new Reading(value, comparisonValue, null, false, null);
    }

    public static Reading interim(Double value, Double comparisonValue, LocalDate measuredOn, Reading previous) {
        return new Reading(value, comparisonValue, measuredOn, true, previous);
    }

    public Reading after(Reading previous) {
        return new Reading(value, comparisonValue, measuredOn, interim, previous);
    }
}
