package dk.beskplan.approval.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static dk.beskplan.approval.domain.Fixtures.accepted;
import static dk.beskplan.approval.domain.Fixtures.refused;
import static org.assertj.core.api.Assertions.assertThat;

class SubmissionTest {
    private final UUID committee = UUID.randomUUID();
    private final UUID council = UUID.randomUUID();
    private final ApprovalRoute committeeThenCouncil = new ApprovalRoute(List.of(new ApprovalRoute.Decision(committee),
            new ApprovalRoute.Decision(council)));
    private final ApprovalRoute hearingFirst = new ApprovalRoute(List.of(new ApprovalRoute.Hearing("Handicaprådet", 21),
            new ApprovalRoute.Decision(committee)));

    private Submission arrive(ApprovalRoute route) {
        return Submission.arrive(UUID.randomUUID(), 1, "316", route);
    }

    @Test
    void aSubmissionStartsInTheInboxOrInItsHearing() {
        assertThat(arrive(committeeThenCouncil).status()).isEqualTo(Submission.Status.AWAITING_AGENDA);
        Submission heard = arrive(hearingFirst);
        assertThat(heard.status()).isEqualTo(Submission.Status.IN_HEARING);
        assertThat(heard.hearingDeadline(LocalDate.of(2026, 12, 1))).isEqualTo(LocalDate.of(2026, 12, 22));
        refused(heard.placeOnAgendaOf(committee), null);
        accepted(heard.hearingAnswered());
        assertThat(heard.stage()).isEqualTo(1);
        assertThat(heard.status()).isEqualTo(Submission.Status.AWAITING_AGENDA);
        refused(heard.hearingAnswered(), null);
    }

    @Test
    void theCommitteesApprovalOnlyRecommendsWhenTheCouncilDecidesAfterIt() {
        Submission s = arrive(committeeThenCouncil);
        assertThat(s.recommendsOnly()).isTrue();
        refused(s.placeOnAgendaOf(council), null); // not the council's turn yet
        accepted(s.placeOnAgendaOf(committee));
        refused(s.placeOnAgendaOf(committee), null); // already on an agenda

        Submission.Step recommended = accepted(s.decided(ItemDecision.Outcome.APPROVED));
        assertThat(recommended).isEqualTo(new Submission.Step(false, false, 1, Submission.Status.AWAITING_AGENDA));
        assertThat(s.recommendsOnly()).isFalse();

        accepted(s.placeOnAgendaOf(council));
        Submission.Step approved = accepted(s.decided(ItemDecision.Outcome.APPROVED_WITH_AMENDMENTS));
        assertThat(approved).isEqualTo(new Submission.Step(true, true, 1, Submission.Status.APPROVED));
        refused(s.withdraw(), null);
    }

    @Test
    void aReturnOrRejectionSettlesAtAnyStageAndAPostponementWaits() {
        Submission returned = arrive(committeeThenCouncil);
        accepted(returned.placeOnAgendaOf(committee));
        assertThat(accepted(returned.decided(ItemDecision.Outcome.POSTPONED)))
                .isEqualTo(new Submission.Step(false, false, 0, Submission.Status.ON_AGENDA));
        assertThat(accepted(returned.decided(ItemDecision.Outcome.RETURNED)))
                .isEqualTo(new Submission.Step(true, false, 0, Submission.Status.RETURNED));
        refused(returned.decided(ItemDecision.Outcome.APPROVED), null);

        Submission rejected = arrive(committeeThenCouncil);
        accepted(rejected.placeOnAgendaOf(committee));
        assertThat(accepted(rejected.decided(ItemDecision.Outcome.REJECTED)).status()).isEqualTo(Submission.Status.REJECTED);
    }

    @Test
    void aPlanIsNotNotedAndTheRefusalNamesTheOutcome() {
        Submission s = arrive(committeeThenCouncil);
        accepted(s.placeOnAgendaOf(committee));
        assertThat(refused(s.decided(ItemDecision.Outcome.NOTED), "outcome").reason()).contains("tages ikke til efterretning");
        assertThat(s.status()).isEqualTo(Submission.Status.ON_AGENDA);
    }

    @Test
    void anItemTakenOffGoesBackToTheInbox() {
        Submission s = arrive(committeeThenCouncil);
        refused(s.takenOffAgenda(), null);
        accepted(s.placeOnAgendaOf(committee));
        accepted(s.takenOffAgenda());
        assertThat(s.status()).isEqualTo(Submission.Status.AWAITING_AGENDA);
    }

    @Test
    void aPlanThatArrivedBeforeTheRouteWasSetTakesItUnlessItBeginsWithAHearing() {
        Submission waiting = arrive(ApprovalRoute.committeeOnly(null));
        assertThat(waiting.awaitsRoute()).isTrue();
        refused(waiting.placeOnAgendaOf(committee), null);
        refused(waiting.adopt(hearingFirst), null);
        accepted(waiting.adopt(committeeThenCouncil));
        assertThat(waiting.awaitsRoute()).isFalse();
        assertThat(waiting.route()).isEqualTo(committeeThenCouncil);
        refused(waiting.adopt(committeeThenCouncil), null);
        accepted(waiting.placeOnAgendaOf(committee));
    }

    @Test
    void theAdministrationWithdrawsWhileThePlanIsUnderWay() {
        Submission s = arrive(hearingFirst);
        accepted(s.withdraw());
        assertThat(s.status()).isEqualTo(Submission.Status.WITHDRAWN);
        assertThat(s.status().underWay()).isFalse();
        refused(s.withdraw(), null);
    }
}
