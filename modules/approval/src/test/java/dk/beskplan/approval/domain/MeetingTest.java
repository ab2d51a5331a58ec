package dk.beskplan.approval.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static dk.beskplan.approval.domain.Fixtures.MEETING_DAY;
import static dk.beskplan.approval.domain.Fixtures.NOW;
import static dk.beskplan.approval.domain.Fixtures.accepted;
import static dk.beskplan.approval.domain.Fixtures.input;
import static dk.beskplan.approval.domain.Fixtures.refused;
import static org.assertj.core.api.Assertions.assertThat;

class MeetingTest {
    private static final LocalDate BEFORE_DEADLINE = MEETING_DAY.minusDays(10);

    private final Committee committee = Fixtures.committee();
    private final Meeting meeting = Fixtures.meeting(committee);

    private AgendaItem place(AgendaItem.Proposal proposal) {
        return accepted(meeting.place(proposal, BEFORE_DEADLINE));
    }

    private ItemDecision decide(AgendaItem item, ItemDecision.Input input) {
        return accepted(meeting.decide(item.id(), input, committee, MEETING_DAY, "sekretaer", NOW));
    }

    private dk.beskplan.platform.domain.Result<ItemDecision> tryDecide(AgendaItem item, ItemDecision.Input input) {
        return meeting.decide(item.id(), input, committee, MEETING_DAY, "sekretaer", NOW);
    }

    private static ItemDecision.Input with(ItemDecision.Outcome outcome, List<String> present, List<ItemDecision.PartyVote> votes,
                                           List<Amendment> amendments) {
        return new ItemDecision.Input(outcome, false, "Udvalget besluttede.", present, votes, amendments, null, null);
    }

    @Test
    void aMeetingsDeadlineIsAWeekBeforeUnlessGivenAndNeverAfterIt() {
        assertThat(meeting.submissionDeadline()).isEqualTo(MEETING_DAY.minusDays(7));
        assertThat(meeting.status()).isEqualTo(Meeting.Status.PLANNED);
        assertThat(meeting.when()).isEqualTo("10. december 2026");
        Meeting sameDay = accepted(Meeting.plan(committee.id(), "316", MEETING_DAY, null, " ", MEETING_DAY));
        assertThat(sameDay.submissionDeadline()).isEqualTo(MEETING_DAY);
        assertThat(sameDay.place()).isNull();
        assertThat(refused(Meeting.plan(committee.id(), "316", MEETING_DAY, null, null, MEETING_DAY.plusDays(1)),
                "submissionDeadline").reason()).isEqualTo("Fristen for dagsordenen kan ikke ligge efter mødet");
    }

    @Test
    void itemsArePlacedLastAndAfterTheDeadlineMarkedLate() {
        AgendaItem first = place(Fixtures.plan(UUID.randomUUID(), 1));
        AgendaItem late = accepted(meeting.place(Fixtures.free("  Orientering "), MEETING_DAY.minusDays(6)));
        assertThat(first.position()).isEqualTo(1);
        assertThat(first.late()).isFalse();
        assertThat(late.position()).isEqualTo(2);
        assertThat(late.late()).isTrue();
        assertThat(late.title()).isEqualTo("Orientering");
        assertThat(accepted(meeting.place(Fixtures.free("Eventuelt"), MEETING_DAY.minusDays(7))).late()).isFalse();
    }

    @Test
    void placingRefusesABlankTitleByItsFieldAndTheSamePlanOrReportTwice() {
        assertThat(refused(meeting.place(Fixtures.free(" "), BEFORE_DEADLINE), "title").reason())
                .isEqualTo("Punktet skal have en overskrift");
        UUID planId = UUID.randomUUID();
        UUID reportId = UUID.randomUUID();
        place(Fixtures.plan(planId, 1));
        place(Fixtures.report(reportId));
        assertThat(refused(meeting.place(Fixtures.plan(planId, 2), BEFORE_DEADLINE), null).reason())
                .isEqualTo("Planen er allerede på dagsordenen for mødet 10. december 2026");
        assertThat(refused(meeting.place(Fixtures.report(reportId), BEFORE_DEADLINE), null).reason())
                .startsWith("Statusrapporten er allerede på dagsordenen");
        assertThat(meeting.items()).hasSize(2);
    }

    @Test
    void reorderingMovesOneItemAndTheOthersKeepTheirOrder() {
        AgendaItem a = place(Fixtures.free("A"));
        AgendaItem b = place(Fixtures.free("B"));
        AgendaItem c = place(Fixtures.free("C"));
        accepted(meeting.reorder(c.id(), 1));
        assertThat(meeting.items()).extracting(AgendaItem::title).containsExactly("C", "A", "B");
        assertThat(meeting.items()).extracting(AgendaItem::position).containsExactly(1, 2, 3);
        assertThat(refused(meeting.reorder(a.id(), 4), "position").reason()).isEqualTo("Placeringen skal være mellem 1 og 3");
        refused(meeting.reorder(a.id(), 0), "position");
        assertThat(refused(meeting.reorder(UUID.randomUUID(), 1), null).reason()).isEqualTo("Punktet findes ikke på dette møde");
        assertThat(b.position()).isEqualTo(3);
    }

    @Test
    void anUndecidedItemCanBeTakenOffAndRewrittenADecidedOneCannot() {
        AgendaItem a = place(Fixtures.free("A"));
        AgendaItem b = place(Fixtures.free("B"));
        accepted(meeting.rewrite(b.id(), " B2 ", " Sagen ", " "));
        assertThat(b.title()).isEqualTo("B2");
        assertThat(b.caseText()).isEqualTo("Sagen");
        assertThat(b.recommendation()).isNull();
        assertThat(refused(meeting.rewrite(b.id(), " ", null, null), "title").reason()).isEqualTo("Punktet skal have en overskrift");

        decide(a, input(ItemDecision.Outcome.NOTED, "Taget til efterretning."));
        assertThat(refused(meeting.takeOff(a.id()), null).reason()).isEqualTo("Punkt 1 er behandlet og kan ikke flyttes");
        assertThat(refused(meeting.rewrite(a.id(), "Ny", null, null), null).reason()).isEqualTo("Punkt 1 er behandlet; teksten kan ikke ændres");

        assertThat(accepted(meeting.takeOff(b.id()))).isSameAs(b);
        assertThat(meeting.items()).containsExactly(a);
        refused(meeting.takeOff(b.id()), null);
    }

    @Test
    void aDecisionIsRecordedOnTheDayAndHoldsTheMeeting() {
        AgendaItem item = place(Fixtures.plan(UUID.randomUUID(), 1));
        assertThat(refused(meeting.decide(item.id(), input(ItemDecision.Outcome.APPROVED, "Godkendt."), committee,
                MEETING_DAY.minusDays(1), "sekretaer", NOW), null).reason()).contains("holdes først 10. december 2026");

        ItemDecision decision = decide(item, new ItemDecision.Input(ItemDecision.Outcome.APPROVED, true, "  Godkendt. ",
                List.of("Dorte Friis", "Anne Holm"), List.of(new ItemDecision.PartyVote("A", 2, 0, 0)), List.of(), null, null));
        assertThat(decision.protocolText()).isEqualTo("Godkendt.");
        assertThat(decision.present()).extracting(Committee.Member::name).containsExactly("Anne Holm", "Dorte Friis");
        assertThat(decision.decidedBy()).isEqualTo("sekretaer");
        assertThat(item.status()).isEqualTo(AgendaItem.Status.DECIDED);
        assertThat(meeting.status()).isEqualTo(Meeting.Status.HELD);
        assertThat(refused(meeting.place(Fixtures.free("Eventuelt"), MEETING_DAY), null).reason()).contains("er afholdt");
        assertThat(refused(tryDecide(item, input(ItemDecision.Outcome.REJECTED, "Forkastet.")), null).reason())
                .isEqualTo("Punkt 1 er allerede behandlet (godkendt); en fejl rettes med en rettelse");
    }

    @Test
    void eachRefusalOfADecisionNamesTheInputItConcerns() {
        AgendaItem plan = place(Fixtures.plan(UUID.randomUUID(), 1));
        AgendaItem report = place(Fixtures.report(UUID.randomUUID()));
        List<String> two = List.of("Anne Holm", "Bo Vestergaard");

        assertThat(refused(tryDecide(plan, input(null, "Tekst")), "outcome").reason()).isEqualTo("Vælg udvalgets beslutning");
        assertThat(refused(tryDecide(report, input(ItemDecision.Outcome.APPROVED, "Tekst")), "outcome").reason())
                .isEqualTo("Et punkt af denne slags kan ikke blive godkendt");
        assertThat(refused(tryDecide(plan, input(ItemDecision.Outcome.APPROVED, " ")), "protocolText").reason())
                .isEqualTo("Beslutningens tekst til protokollen skal udfyldes");
        assertThat(refused(tryDecide(plan, with(ItemDecision.Outcome.APPROVED, List.of("Ida Krog"), List.of(), List.of())),
                "present").reason()).isEqualTo("Ida Krog er ikke medlem af Beskæftigelsesudvalget");
        assertThat(refused(tryDecide(plan, with(ItemDecision.Outcome.APPROVED, List.of("Anne Holm"), List.of(), List.of())),
                "present").reason()).startsWith("Beskæftigelsesudvalget er ikke beslutningsdygtigt: 1 af 4");
        assertThat(refused(tryDecide(plan, with(ItemDecision.Outcome.APPROVED, two,
                List.of(new ItemDecision.PartyVote(" ", 1, 0, 0)), List.of())), "votes").reason())
                .isEqualTo("Hver stemmeafgivning skal have et parti");
        assertThat(refused(tryDecide(plan, with(ItemDecision.Outcome.APPROVED, two,
                List.of(new ItemDecision.PartyVote("A", -1, 0, 0)), List.of())), "votes").reason())
                .isEqualTo("Antal stemmer kan ikke være negativt (A)");
        assertThat(refused(tryDecide(plan, with(ItemDecision.Outcome.APPROVED, two,
                List.of(new ItemDecision.PartyVote("A", 2, 1, 0)), List.of())), "votes").reason())
                .isEqualTo("Der er afgivet 3 stemmer, men kun 2 medlemmer er til stede");
        assertThat(refused(tryDecide(plan, with(ItemDecision.Outcome.APPROVED_WITH_AMENDMENTS, two, List.of(), List.of())),
                "amendments").reason()).isEqualTo("Godkendt med ændringer kræver mindst én ændring");
        assertThat(refused(tryDecide(plan, with(ItemDecision.Outcome.APPROVED, two, List.of(), List.of(amendment()))),
                "amendments").reason()).isEqualTo("Ændringer kan kun registreres, når planen godkendes med ændringer");
        assertThat(refused(tryDecide(plan, input(ItemDecision.Outcome.POSTPONED, "Udsat.")), "postponedTo").reason())
                .isEqualTo("Vælg det møde, punktet udsættes til");
        assertThat(refused(tryDecide(plan, new ItemDecision.Input(ItemDecision.Outcome.POSTPONED, false, "Udsat.", two,
                List.of(), List.of(), UUID.randomUUID(), MEETING_DAY)), "postponedTo").reason())
                .isEqualTo("Et punkt kan kun udsættes til et senere møde");
        refused(tryDecide(plan, new ItemDecision.Input(ItemDecision.Outcome.POSTPONED, false, "Udsat.", two,
                List.of(), List.of(), meeting.id(), MEETING_DAY.plusDays(7))), "postponedTo");

        assertThat(plan.open()).isTrue();
        assertThat(meeting.status()).isEqualTo(Meeting.Status.PLANNED);
    }

    @Test
    void aPostponedItemNamesTheLaterMeeting() {
        AgendaItem item = place(Fixtures.plan(UUID.randomUUID(), 1));
        UUID later = UUID.randomUUID();
        ItemDecision decision = decide(item, new ItemDecision.Input(ItemDecision.Outcome.POSTPONED, false, "Udsat.",
                List.of("Anne Holm", "Bo Vestergaard"), List.of(), List.of(), later, MEETING_DAY.plusDays(14)));
        assertThat(decision.postponedTo()).isEqualTo(later);
        assertThat(item.status()).isEqualTo(AgendaItem.Status.POSTPONED);
    }

    @Test
    void aCorrectionNeedsADecisionAReasonATextAndAttendanceThatFitsTheVote() {
        AgendaItem item = place(Fixtures.free("Orientering"));
        List<ItemDecision.PartyVote> vote = List.of(new ItemDecision.PartyVote("A", 2, 0, 0));
        List<String> two = List.of("Anne Holm", "Bo Vestergaard");
        assertThat(refused(meeting.correct(item.id(), "Fejl", "Tekst", two, vote, committee, "s", NOW), null).reason())
                .isEqualTo("Der er ingen beslutning at rette på dette punkt");
        ItemDecision decision = decide(item, input(ItemDecision.Outcome.NOTED, "Taget til efterretning."));

        assertThat(refused(meeting.correct(item.id(), " ", "Tekst", two, vote, committee, "s", NOW), "reason").reason())
                .isEqualTo("Skriv, hvad rettelsen retter, og hvorfor");
        assertThat(refused(meeting.correct(item.id(), "Fejl", null, two, vote, committee, "s", NOW), "protocolText").reason())
                .isEqualTo("Beslutningens tekst til protokollen skal udfyldes");
        refused(meeting.correct(item.id(), "Fejl", "Tekst", List.of("Ida Krog"), vote, committee, "s", NOW), "present");
        assertThat(refused(meeting.correct(item.id(), "Fejl", "Tekst", List.of("Anne Holm"), vote, committee, "s", NOW),
                "present").reason()).isEqualTo("Der er flere stemmer end medlemmer til stede");

        ItemDecision.Correction correction = accepted(meeting.correct(item.id(), " Carina havde meldt afbud ", " Taget til efterretning. ",
                List.of("Bo Vestergaard", "Anne Holm"), vote, committee, "s", NOW));
        assertThat(correction.decisionId()).isEqualTo(decision.id());
        assertThat(correction.reason()).isEqualTo("Carina havde meldt afbud");
        assertThat(correction.protocolText()).isEqualTo("Taget til efterretning.");
        assertThat(correction.present()).extracting(Committee.Member::name).containsExactly("Anne Holm", "Bo Vestergaard");
        assertThat(item.decision()).isSameAs(decision); // the decision itself is never edited
    }

    @Test
    void aMeetingClosesWhenEveryItemIsDealtWithAndThenTakesNoMoreDecisions() {
        assertThat(refused(meeting.close(), null).reason()).isEqualTo("Mødet har ingen punkter på dagsordenen");
        AgendaItem a = place(Fixtures.free("Orientering"));
        AgendaItem b = place(Fixtures.plan(UUID.randomUUID(), 1));
        decide(a, input(ItemDecision.Outcome.NOTED, "Taget til efterretning."));
        assertThat(refused(meeting.close(), null).reason()).isEqualTo("Punkt 2 (Beskæftigelsesplan 2027) mangler en beslutning");
        decide(b, input(ItemDecision.Outcome.RETURNED, "Sendt tilbage."));
        assertThat(accepted(meeting.close())).isSameAs(meeting);
        assertThat(meeting.status()).isEqualTo(Meeting.Status.CLOSED);

        refused(meeting.close(), null);
        assertThat(refused(tryDecide(b, input(ItemDecision.Outcome.APPROVED, "Godkendt.")), null).reason())
                .contains("er lukket; en fejl i protokollen rettes med en rettelse");
        assertThat(refused(meeting.reorder(a.id(), 2), null).reason()).isEqualTo("Mødet er lukket; dagsordenen kan ikke ændres");
        refused(meeting.takeOff(a.id()), null);
        // A closed meeting's decisions can still be corrected.
        accepted(meeting.correct(a.id(), "Stavefejl", "Taget til efterretning.", List.of("Anne Holm", "Bo Vestergaard"),
                List.of(), committee, "s", NOW));
    }

    @Test
    void aWithdrawnPlanLeavesItsItemUntilItsNextRevisionReturnsToIt() {
        UUID planId = UUID.randomUUID();
        AgendaItem item = place(Fixtures.plan(planId, 1));
        assertThat(meeting.withdraw(UUID.randomUUID())).isEmpty();
        assertThat(meeting.withdraw(planId)).contains(item);
        assertThat(item.status()).isEqualTo(AgendaItem.Status.WITHDRAWN);
        assertThat(refused(tryDecide(item, input(ItemDecision.Outcome.APPROVED, "Godkendt.")), null).reason())
                .isEqualTo("Punkt 1 er trukket tilbage af forvaltningen og kan ikke besluttes");

        assertThat(meeting.resubmitted(planId, 2, MEETING_DAY.minusDays(3))).contains(item);
        assertThat(item.open()).isTrue();
        assertThat(item.revision()).isEqualTo(2);
        assertThat(item.late()).isTrue(); // back after the deadline
    }

    private static Amendment amendment() {
        return new Amendment(Amendment.Operation.REPLACE, Amendment.Part.GOAL, 1, null, "Ny tekst");
    }
}
