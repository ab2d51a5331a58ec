package dk.beskplan.approval.domain;

import dk.beskplan.platform.domain.Result;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A committee of four, a meeting of it, and the inputs the tests vary; shared by the approval tests. */
public final class Fixtures {
    public static final String MUNICIPALITY = "316";
    public static final LocalDate MEETING_DAY = LocalDate.of(2026, 12, 10);
    public static final Instant NOW = Instant.parse("2026-12-10T15:00:00Z");

    private Fixtures() {
    }

    /** Anne (A, chair), Bo (V), Carina (F) and Dorte (A): quorate with two present. */
    public static Committee committee() {
        return Committee.define(UUID.randomUUID(), MUNICIPALITY, "Beskæftigelsesudvalget", Committee.Kind.COMMITTEE,
                List.of(new Committee.Member("Anne Holm", "A", Committee.Role.CHAIR),
                        new Committee.Member("Bo Vestergaard", "V", Committee.Role.MEMBER),
                        new Committee.Member("Carina Lund", "F", null),
                        new Committee.Member("Dorte Friis", "A", Committee.Role.MEMBER)),
                List.of("holbaek.sekretaer"), 0).orElseThrow(IllegalStateException::new);
    }

    /** A planned meeting of the committee on {@link #MEETING_DAY}, deadline a week before. */
    public static Meeting meeting(Committee committee) {
        return Meeting.plan(committee.id(), MUNICIPALITY, MEETING_DAY, null, "Rådhuset", null)
                .orElseThrow(IllegalStateException::new);
    }

    public static AgendaItem.Proposal plan(UUID planId, int revision) {
        return new AgendaItem.Proposal(AgendaItem.Kind.PLAN, "Beskæftigelsesplan 2027", "Sagen", "Indstillingen", planId,
                revision, null, null, null);
    }

    public static AgendaItem.Proposal report(UUID reportId) {
        return new AgendaItem.Proposal(AgendaItem.Kind.STATUS_REPORT, "Status på planen", null, null, null, null, reportId,
                null, null);
    }

    public static AgendaItem.Proposal free(String title) {
        return new AgendaItem.Proposal(AgendaItem.Kind.FREE, title, null, null, null, null, null, null, null);
    }

    /** A decision with Anne and Bo present, no vote, no amendments. */
    public static ItemDecision.Input input(ItemDecision.Outcome outcome, String protocolText) {
        return new ItemDecision.Input(outcome, true, protocolText, List.of("Anne Holm", "Bo Vestergaard"), List.of(),
                List.of(), null, null);
    }

    public static <T> T accepted(Result<T> result) {
        assertThat((Object) result).isInstanceOf(Result.Accepted.class);
        return ((Result.Accepted<T>) result).value();
    }

    /** The refusal, asserted to name {@code field} (null: no single input) and to be worded. */
    public static Result.Rejected<?> refused(Result<?> result, String field) {
        assertThat((Object) result).isInstanceOf(Result.Rejected.class);
        Result.Rejected<?> rejected = (Result.Rejected<?>) result;
        assertThat(rejected.field()).as(rejected.reason()).isEqualTo(field);
        assertThat(rejected.reason()).isNotBlank();
        return rejected;
    }
}
