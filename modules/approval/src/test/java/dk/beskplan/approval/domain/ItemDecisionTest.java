package dk.beskplan.approval.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ItemDecisionTest {

    @Test
    void aPartysVoteCountsEveryMemberWhoVoted() {
        assertThat(new ItemDecision.PartyVote("A", 3, 1, 2).total()).isEqualTo(6);
    }

    @Test
    void anInputWithoutListsHasEmptyOnesAndItsListsCannotChangeAfterwards() {
        ItemDecision.Input input = new ItemDecision.Input(ItemDecision.Outcome.APPROVED, true, "Godkendt.", null, null, null,
                null, null);
        assertThat(input.present()).isEmpty();
        assertThat(input.votes()).isEmpty();
        assertThat(input.amendments()).isEmpty();

        List<String> present = new ArrayList<>(List.of("Anne Holm"));
        ItemDecision.Input copied = new ItemDecision.Input(ItemDecision.Outcome.APPROVED, true, "Godkendt.", present, null,
                null, null, null);
        present.add("Bo Vestergaard");
        assertThat(copied.present()).containsExactly("Anne Holm");
        assertThatThrownBy(() -> copied.present().add("Carina Lund")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void outcomesAreNamedInTheUsersWords() {
        assertThat(ItemDecision.Outcome.APPROVED_WITH_AMENDMENTS.words()).isEqualTo("godkendt med ændringer");
        assertThat(ItemDecision.Outcome.RETURNED.words()).isEqualTo("sendt tilbage");
        assertThat(ItemDecision.Outcome.NOTED.words()).isEqualTo("taget til efterretning");
    }
}
