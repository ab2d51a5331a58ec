package dk.beskplan.approval.application;

import dk.beskplan.approval.domain.AgendaItem;
import dk.beskplan.approval.domain.Committee;
import dk.beskplan.approval.domain.Fixtures;
import dk.beskplan.approval.domain.ItemDecision;
import dk.beskplan.approval.domain.Meeting;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.web.NotFound;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static dk.beskplan.approval.application.InMemory.conflict;
import static dk.beskplan.approval.application.InMemory.refusedAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the meeting use cases refuse, and how the API and the pages get it: a refusal of one input is 400 at that
 * field, a refusal of the state of things 409. Every case here is refused before anything would be saved.
 */
class MeetingsTest {
    private static final CurrentUser SECRETARY = new CurrentUser("holbaek.sekretaer", Fixtures.MUNICIPALITY, Set.of("SECRETARY"));
    private static final List<String> TWO = List.of("Anne Holm", "Bo Vestergaard");

    private final Committee committee = Fixtures.committee();
    private final Meeting meeting = Fixtures.meeting(committee);
    private final AgendaItem plan;
    private final AgendaItem orientation;
    private final InMemory.Meetings meetingRepository = new InMemory.Meetings().with(meeting);
    private final InMemory.Committees committeeRepository = new InMemory.Committees().with(committee);
    private final Meetings meetings = new Meetings(meetingRepository, committeeRepository, null, clockOn(Fixtures.MEETING_DAY));
    private final Agendas agendas = new Agendas(meetingRepository, committeeRepository, null, meetings, null,
            clockOn(Fixtures.MEETING_DAY));
    private final Decisions decisions = decisionsOn(Fixtures.MEETING_DAY);

    MeetingsTest() {
        LocalDate early = Fixtures.MEETING_DAY.minusDays(10);
        plan = meeting.place(Fixtures.plan(UUID.randomUUID(), 1), early).orElseThrow(IllegalStateException::new);
        orientation = meeting.place(Fixtures.free("Orientering"), early).orElseThrow(IllegalStateException::new);
    }

    private static Clock clockOn(LocalDate day) {
        return Clock.fixed(day.atTime(12, 0).atZone(Meetings.DANISH_TIME).toInstant(), Meetings.DANISH_TIME);
    }

    private Decisions decisionsOn(LocalDate day) {
        return new Decisions(meetingRepository, committeeRepository, null, null, null, clockOn(day), null);
    }

    private static ItemDecision.Input input(ItemDecision.Outcome outcome, String text, List<String> present) {
        return new ItemDecision.Input(outcome, false, text, present, List.of(), List.of(), null, null);
    }

    @Test
    void aNewMeetingIsRefusedAtTheFieldThatIsWrong() {
        LocalDate day = Fixtures.MEETING_DAY.plusDays(30);
        refusedAt("committeeId", () -> meetings.create(null, day, null, null, null, SECRETARY));
        refusedAt("date", () -> meetings.create(committee.id(), null, null, null, null, SECRETARY));
        assertThat(refusedAt("committeeId", () -> meetings.create(UUID.randomUUID(), day, null, null, null, SECRETARY)))
                .isEqualTo("udvalget findes ikke");
        assertThat(refusedAt("submissionDeadline", () -> meetings.create(committee.id(), day, null, null, day.plusDays(1),
                SECRETARY))).isEqualTo("Fristen for dagsordenen kan ikke ligge efter mødet");
    }

    @Test
    void reorderingRefusesAPositionOutsideTheAgendaAtItsFieldAndAnUnknownItemAsAConflict() {
        assertThat(refusedAt("position", () -> agendas.reorder(meeting.id(), plan.id(), 3, null, SECRETARY)))
                .isEqualTo("Placeringen skal være mellem 1 og 2");
        assertThat(conflict(() -> agendas.reorder(meeting.id(), UUID.randomUUID(), 1, null, SECRETARY)))
                .isEqualTo("Punktet findes ikke på dette møde");
        assertThat(conflict(() -> agendas.reorder(meeting.id(), plan.id(), 2, meeting.version() + 1, SECRETARY)))
                .contains("ændret af en anden");
        assertThat(meetingRepository.saves).isZero();

        agendas.reorder(meeting.id(), plan.id(), 2, meeting.version(), SECRETARY);
        assertThat(meeting.items()).extracting(AgendaItem::title).containsExactly("Orientering", "Beskæftigelsesplan 2027");
        assertThat(meetingRepository.saves).isEqualTo(1);
    }

    @Test
    void rewritingRefusesABlankTitleAtItsField() {
        assertThat(refusedAt("title", () -> agendas.rewrite(meeting.id(), orientation.id(), " ", null, null, null, SECRETARY)))
                .isEqualTo("Punktet skal have en overskrift");
        refusedAt("title", () -> agendas.rewrite(meeting.id(), orientation.id(), "To\nlinjer", null, null, null, SECRETARY));
        assertThat(orientation.title()).isEqualTo("Orientering");
    }

    @Test
    void aDecisionIsRefusedAtTheInputItConcerns() {
        assertThat(refusedAt("protocolText", () -> decisions.decide(meeting.id(), plan.id(),
                input(ItemDecision.Outcome.APPROVED, " ", TWO), null, SECRETARY)))
                .isEqualTo("Beslutningens tekst til protokollen skal udfyldes");
        assertThat(refusedAt("present", () -> decisions.decide(meeting.id(), plan.id(),
                input(ItemDecision.Outcome.APPROVED, "Godkendt.", List.of("Anne Holm")), null, SECRETARY)))
                .contains("ikke beslutningsdygtigt");
        assertThat(refusedAt("outcome", () -> decisions.decide(meeting.id(), plan.id(),
                input(ItemDecision.Outcome.NOTED, "Taget til efterretning.", TWO), null, SECRETARY)))
                .isEqualTo("Et punkt af denne slags kan ikke blive taget til efterretning");
        assertThat(refusedAt("votes", () -> decisions.decide(meeting.id(), plan.id(),
                new ItemDecision.Input(ItemDecision.Outcome.APPROVED, false, "Godkendt.", TWO,
                        List.of(new ItemDecision.PartyVote("A", 3, 0, 0)), List.of(), null, null), null, SECRETARY)))
                .isEqualTo("Der er afgivet 3 stemmer, men kun 2 medlemmer er til stede");
        assertThat(refusedAt("postponedTo", () -> decisions.decide(meeting.id(), plan.id(),
                input(ItemDecision.Outcome.POSTPONED, "Udsat.", TWO), null, SECRETARY)))
                .isEqualTo("Vælg det møde, punktet udsættes til");
        assertThat(plan.open()).isTrue();
        assertThat(meetingRepository.saves).isZero();
    }

    @Test
    void aDecisionOutOfTurnIsAConflictAndOnAnUnknownItemNotFound() {
        assertThat(conflict(() -> decisionsOn(Fixtures.MEETING_DAY.minusDays(1)).decide(meeting.id(), plan.id(),
                input(ItemDecision.Outcome.APPROVED, "Godkendt.", TWO), null, SECRETARY))).contains("holdes først");
        assertThat(conflict(() -> decisions.decide(meeting.id(), plan.id(), input(ItemDecision.Outcome.APPROVED, "Godkendt.", TWO),
                plan.revision() + 1, SECRETARY))).contains("ny revision (1)");
        assertThatThrownBy(() -> decisions.decide(meeting.id(), UUID.randomUUID(),
                input(ItemDecision.Outcome.APPROVED, "Godkendt.", TWO), null, SECRETARY)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> decisions.decide(UUID.randomUUID(), plan.id(),
                input(ItemDecision.Outcome.APPROVED, "Godkendt.", TWO), null, SECRETARY)).isInstanceOf(NotFound.class);
    }

    @Test
    void postponingToAnotherCommitteesMeetingIsRefusedAtTheMeetingChosen() {
        Committee other = Committee.define(UUID.randomUUID(), Fixtures.MUNICIPALITY, "Økonomiudvalget", Committee.Kind.COMMITTEE,
                List.of(new Committee.Member("Eva Dahl", "C", null)), List.of(), 0).orElseThrow(IllegalStateException::new);
        Meeting elsewhere = Fixtures.meeting(other);
        meetingRepository.with(elsewhere);
        assertThat(refusedAt("postponedTo", () -> decisions.decide(meeting.id(), plan.id(),
                new ItemDecision.Input(ItemDecision.Outcome.POSTPONED, false, "Udsat.", TWO, List.of(), List.of(),
                        elsewhere.id(), null), null, SECRETARY)))
                .isEqualTo("et punkt kan kun udsættes til et møde i samme udvalg");
        assertThat(refusedAt("postponedTo", () -> decisions.decide(meeting.id(), plan.id(),
                new ItemDecision.Input(ItemDecision.Outcome.POSTPONED, false, "Udsat.", TWO, List.of(), List.of(),
                        UUID.randomUUID(), null), null, SECRETARY))).isEqualTo("mødet findes ikke");
    }

    @Test
    void aCorrectionIsRefusedAtItsFieldsAndWithoutADecisionAsAConflict() {
        assertThat(conflict(() -> decisions.correct(meeting.id(), orientation.id(), "Fejl", "Tekst", TWO, List.of(), SECRETARY)))
                .isEqualTo("Der er ingen beslutning at rette på dette punkt");
        meeting.decide(orientation.id(), input(ItemDecision.Outcome.NOTED, "Taget til efterretning.", TWO), committee,
                Fixtures.MEETING_DAY, "s", Fixtures.NOW).orElseThrow(IllegalStateException::new);
        assertThat(refusedAt("reason", () -> decisions.correct(meeting.id(), orientation.id(), " ", "Tekst", TWO, List.of(),
                SECRETARY))).isEqualTo("Skriv, hvad rettelsen retter, og hvorfor");
        refusedAt("protocolText", () -> decisions.correct(meeting.id(), orientation.id(), "Fejl", " ", TWO, List.of(), SECRETARY));
        refusedAt("present", () -> decisions.correct(meeting.id(), orientation.id(), "Fejl", "Tekst", List.of("Anne Holm"),
                List.of(new ItemDecision.PartyVote("A", 2, 0, 0)), SECRETARY));
    }

    @Test
    void aMeetingWithAnItemLeftIsNotClosed() {
        assertThat(conflict(() -> meetings.close(meeting.id(), null, SECRETARY)))
                .isEqualTo("Punkt 1 (Beskæftigelsesplan 2027) mangler en beslutning");
        assertThat(meeting.status()).isEqualTo(Meeting.Status.PLANNED);
    }
}
