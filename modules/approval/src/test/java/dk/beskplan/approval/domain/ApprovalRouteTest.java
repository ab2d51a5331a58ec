package dk.beskplan.approval.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static dk.beskplan.approval.domain.Fixtures.accepted;
import static dk.beskplan.approval.domain.Fixtures.refused;
import static org.assertj.core.api.Assertions.assertThat;

class ApprovalRouteTest {
    private final UUID committee = UUID.randomUUID();
    private final UUID council = UUID.randomUUID();

    @Test
    void aRouteEndsWithADecisionAndEveryRefusalConcernsItsStages() {
        assertThat(refused(ApprovalRoute.of(List.of()), "stages").reason())
                .isEqualTo("Godkendelsesforløbet skal slutte med et udvalgs eller byrådets beslutning");
        assertThat(refused(ApprovalRoute.of(List.of(new ApprovalRoute.Decision(committee), new ApprovalRoute.Hearing("Handicaprådet", 14))),
                "stages").reason()).isEqualTo("Godkendelsesforløbet skal slutte med et udvalgs eller byrådets beslutning");
        assertThat(refused(ApprovalRoute.of(List.of(new ApprovalRoute.Hearing(" ", 14), new ApprovalRoute.Decision(committee))),
                "stages").reason()).isEqualTo("En høring skal have en modtager");
        assertThat(refused(ApprovalRoute.of(List.of(new ApprovalRoute.Hearing("Handicaprådet", 0), new ApprovalRoute.Decision(committee))),
                "stages").reason()).isEqualTo("Høringsfristen skal være mellem 1 og 365 dage");
        assertThat(refused(ApprovalRoute.of(List.of(new ApprovalRoute.Hearing("Handicaprådet", 366), new ApprovalRoute.Decision(committee))),
                "stages")).isNotNull();
        assertThat(refused(ApprovalRoute.of(List.of(new ApprovalRoute.Decision(null))), "stages").reason())
                .isEqualTo("Hver beslutning skal have et udvalg");
        assertThat(refused(ApprovalRoute.of(List.of(new ApprovalRoute.Decision(committee), new ApprovalRoute.Decision(committee))),
                "stages").reason()).isEqualTo("Det samme udvalg kan kun beslutte én gang i forløbet");
    }

    @Test
    void theDecidingCommitteeIsTheNextDecisionFromAStage() {
        ApprovalRoute route = accepted(ApprovalRoute.of(List.of(new ApprovalRoute.Hearing("Handicaprådet", 14),
                new ApprovalRoute.Decision(committee), new ApprovalRoute.Decision(council))));
        assertThat(route.decidingCommittee(0)).isEqualTo(committee);
        assertThat(route.decidingCommittee(1)).isEqualTo(committee);
        assertThat(route.decidingCommittee(2)).isEqualTo(council);
        assertThat(route.isFinal(1)).isFalse();
        assertThat(route.isFinal(2)).isTrue();
        assertThat(route.hasStageAfter(1)).isTrue();
        assertThat(route.hasStageAfter(2)).isFalse();
        assertThat(ApprovalRoute.committeeOnly(null).decidingCommittee(0)).isNull();
    }
}
