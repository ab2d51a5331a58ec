package dk.beskplan.approval.domain;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AgendaItemTest {

    private static EnumSet<ItemDecision.Outcome> allowed(AgendaItem.Kind kind) {
        AgendaItem item = new AgendaItem(UUID.randomUUID(), kind, 1, "Punkt", null, null, false, null, null, null, null, null,
                AgendaItem.Status.OPEN, null);
        EnumSet<ItemDecision.Outcome> allowed = EnumSet.noneOf(ItemDecision.Outcome.class);
        for (ItemDecision.Outcome o : ItemDecision.Outcome.values()) {
            if (item.allows(o)) {
                allowed.add(o);
            }
        }
        return allowed;
    }

    @Test
    void eachKindHasItsOutcomes() {
        assertThat(allowed(AgendaItem.Kind.PLAN)).containsExactlyInAnyOrder(ItemDecision.Outcome.APPROVED,
                ItemDecision.Outcome.APPROVED_WITH_AMENDMENTS, ItemDecision.Outcome.RETURNED, ItemDecision.Outcome.REJECTED,
                ItemDecision.Outcome.POSTPONED);
        assertThat(allowed(AgendaItem.Kind.STATUS_REPORT)).containsExactlyInAnyOrder(ItemDecision.Outcome.NOTED,
                ItemDecision.Outcome.POSTPONED);
        assertThat(allowed(AgendaItem.Kind.FREE)).containsExactlyInAnyOrder(ItemDecision.Outcome.APPROVED,
                ItemDecision.Outcome.REJECTED, ItemDecision.Outcome.POSTPONED, ItemDecision.Outcome.NOTED);
    }

    @Test
    void followingTheRecommendationApprovesOrNotes() {
        AgendaItem report = new AgendaItem(UUID.randomUUID(), AgendaItem.Kind.STATUS_REPORT, 1, "Status", null, null, false,
                null, null, null, null, UUID.randomUUID(), AgendaItem.Status.OPEN, null);
        assertThat(report.recommendedOutcome()).isEqualTo(ItemDecision.Outcome.NOTED);
        assertThat(report.revision()).isZero();
        AgendaItem plan = new AgendaItem(UUID.randomUUID(), AgendaItem.Kind.PLAN, 1, "Plan", null, null, false,
                null, null, UUID.randomUUID(), 3, null, AgendaItem.Status.OPEN, null);
        assertThat(plan.recommendedOutcome()).isEqualTo(ItemDecision.Outcome.APPROVED);
        assertThat(plan.revision()).isEqualTo(3);
    }

    @Test
    void aRecordedDecisionClosesTheItemAndAPostponementMarksIt() {
        AgendaItem item = new AgendaItem(UUID.randomUUID(), AgendaItem.Kind.FREE, 1, "Orientering", null, null, false, null,
                null, null, null, null, AgendaItem.Status.OPEN, null);
        assertThat(item.open()).isTrue();
        item.record(decision(item, ItemDecision.Outcome.POSTPONED));
        assertThat(item.status()).isEqualTo(AgendaItem.Status.POSTPONED);
        assertThat(item.open()).isFalse();
        item.record(decision(item, ItemDecision.Outcome.NOTED));
        assertThat(item.status()).isEqualTo(AgendaItem.Status.DECIDED);
        assertThat(item.decision().outcome()).isEqualTo(ItemDecision.Outcome.NOTED);
    }

    private static ItemDecision decision(AgendaItem item, ItemDecision.Outcome outcome) {
        return new ItemDecision(UUID.randomUUID(), item.id(), outcome, true, "Tekst", List.of(), List.of(), List.of(), null,
                "sekretaer", Fixtures.NOW);
    }
}
