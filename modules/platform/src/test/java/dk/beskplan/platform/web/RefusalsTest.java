package dk.beskplan.platform.web;

import dk.beskplan.platform.domain.Result;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A refusal carries the field it concerns beside its wording, and is answered by the field, never the words. */
class RefusalsTest {

    @Test
    void aRefusalOfOneInputNamesItsField() {
        Result<Integer> refused = Result.rejected("title", "Punktet skal have en overskrift");
        assertThat((Object) refused).isEqualTo(new Result.Rejected<Integer>("title", "Punktet skal have en overskrift"));
        assertThatThrownBy(() -> refused.orElseRefuse(Refusals::of))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.status().getCode()).isEqualTo(400);
                    assertThat(e.errors()).containsExactly(
                            new ProblemException.FieldError("title", "Punktet skal have en overskrift"));
                    assertThat(e.messagesByField()).containsExactly(
                            java.util.Map.entry("title", "Punktet skal have en overskrift"));
                });
    }

    @Test
    void aRefusalOfTheWholeRequestIsAConflict() {
        Result<Integer> refused = Result.rejected("Mødet er allerede lukket");
        assertThat(((Result.Rejected<Integer>) refused).field()).isNull();
        assertThatThrownBy(() -> refused.orElseRefuse(Refusals::of))
                .isInstanceOfSatisfying(Conflict.class, e -> {
                    assertThat(e.status().getCode()).isEqualTo(409);
                    assertThat(e.errors()).isEmpty();
                    assertThat(e.getMessage()).isEqualTo("Mødet er allerede lukket");
                    assertThat(e.messagesByField()).containsExactly(java.util.Map.entry("general", "Mødet er allerede lukket"));
                });
    }

    @Test
    void theWordingAloneGoesWhereTheCallerSays() {
        Result<Integer> refused = Result.rejected("position", "Placeringen skal være mellem 1 og 2");
        assertThatThrownBy(() -> refused.orElseThrow(IllegalStateException::new))
                .isInstanceOf(IllegalStateException.class).hasMessage("Placeringen skal være mellem 1 og 2");
    }

    @Test
    void anAcceptedValueComesBackWhicheverWayItIsAskedFor() {
        Result<Integer> accepted = Result.accepted(7);
        assertThat(accepted.orElseRefuse(Refusals::of)).isEqualTo(7);
        assertThat(accepted.orElseThrow(IllegalStateException::new)).isEqualTo(7);
    }

    @Test
    void aRefusalPassedOnKeepsItsField() {
        Result.Rejected<String> first = new Result.Rejected<>("present", "Ida er ikke medlem af Udvalget");
        Result.Rejected<Integer> passedOn = first.as();
        assertThat(passedOn.field()).isEqualTo("present");
        assertThat(passedOn.reason()).isEqualTo("Ida er ikke medlem af Udvalget");
    }

    @Test
    void aRefusalNeedsAReason() {
        assertThatThrownBy(() -> Result.rejected("title", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
