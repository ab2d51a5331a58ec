package dk.beskplan.approval.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static dk.beskplan.approval.domain.Fixtures.accepted;
import static dk.beskplan.approval.domain.Fixtures.refused;
import static org.assertj.core.api.Assertions.assertThat;

/** "The committee followed the recommendation": what it fills in, and the refusal without it (AgendaItem.completed). */
class FollowedRecommendationTest {
    private final Meeting meeting = Fixtures.meeting(Fixtures.committee());

    private AgendaItem place(AgendaItem.Proposal proposal) {
        return accepted(meeting.place(proposal, LocalDate.of(2026, 12, 1)));
    }

    private static ItemDecision.Input input(ItemDecision.Outcome outcome, boolean followed, String text) {
        return new ItemDecision.Input(outcome, followed, text, List.of("Anne Holm"), List.of(), List.of(), null, null);
    }

    @Test
    void followedFillsInTheRecommendationsOutcomeAndTheStandardSentence() {
        ItemDecision.Input plan = accepted(place(Fixtures.plan(UUID.randomUUID(), 1)).completed(input(null, true, " ")));
        assertThat(plan.outcome()).isEqualTo(ItemDecision.Outcome.APPROVED);
        assertThat(plan.protocolText()).isEqualTo("Indstillingen blev godkendt.");
        assertThat(plan.followedRecommendation()).isTrue();
        assertThat(plan.present()).containsExactly("Anne Holm");
        ItemDecision.Input report = accepted(place(Fixtures.report(UUID.randomUUID())).completed(input(null, true, null)));
        assertThat(report.outcome()).isEqualTo(ItemDecision.Outcome.NOTED);
        assertThat(report.protocolText()).isEqualTo("Status blev taget til efterretning.");
    }

    @Test
    void whatTheSecretaryNamesOrWritesStands() {
        ItemDecision.Input named = accepted(place(Fixtures.free("Eventuelt"))
                .completed(input(ItemDecision.Outcome.NOTED, true, "Taget til efterretning.")));
        assertThat(named.outcome()).isEqualTo(ItemDecision.Outcome.NOTED);
        assertThat(named.protocolText()).isEqualTo("Taget til efterretning.");
    }

    @Test
    void withoutFollowingAnOutcomeMustBeNamedAtTheOutcomeField() {
        AgendaItem item = place(Fixtures.plan(UUID.randomUUID(), 1));
        refused(item.completed(input(null, false, "Godkendt.")), "outcome");
        assertThat(accepted(item.completed(input(ItemDecision.Outcome.APPROVED, false, ""))).protocolText()).isEmpty();
    }
}
