package dk.beskplan.approval.application;

import dk.beskplan.approval.domain.ApprovalRoute;
import dk.beskplan.approval.domain.Committee;
import dk.beskplan.approval.domain.Fixtures;
import dk.beskplan.platform.security.CurrentUser;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static dk.beskplan.approval.application.InMemory.conflict;
import static dk.beskplan.approval.application.InMemory.refusedAt;
import static org.assertj.core.api.Assertions.assertThat;

/** What setting up committees and the route refuses, each refusal at the field the secretary must change. */
class CommitteesTest {
    private static final CurrentUser SECRETARY = new CurrentUser("holbaek.sekretaer", Fixtures.MUNICIPALITY, Set.of("SECRETARY"));

    private final Committee existing = Fixtures.committee();
    private final InMemory.Committees repository = new InMemory.Committees().with(existing);
    private final Committees committees = new Committees(repository, Clock.systemUTC(),
            municipality -> Set.of("holbaek.sekretaer", "holbaek.sekretaer2"));

    private static List<Committee.Member> members(String... names) {
        return java.util.Arrays.stream(names).map(n -> new Committee.Member(n, "A", null)).toList();
    }

    @Test
    void aCommitteesRefusalsNameTheFieldTheyConcern() {
        assertThat(refusedAt("name", () -> committees.create(" ", null, members("Anne Holm"), List.of(), false, SECRETARY)))
                .isEqualTo("Udvalget skal have et navn");
        assertThat(refusedAt("members", () -> committees.create("Nyt udvalg", null, List.of(), List.of(), false, SECRETARY)))
                .isEqualTo("Udvalget skal have mindst ét medlem");
        assertThat(refusedAt("members[1].name", () -> committees.create("Nyt udvalg", null, members("Anne Holm", "Anne Holm"),
                List.of(), false, SECRETARY))).isEqualTo("Medlemmet Anne Holm står der to gange");
        assertThat(refusedAt("secretaries[1]", () -> committees.create("Nyt udvalg", null, members("Anne Holm"),
                List.of("holbaek.sekretaer2", "ukendt.bruger"), false, SECRETARY)))
                .isEqualTo("»ukendt.bruger« er ikke brugernavnet på en udvalgssekretær i kommunen");
        assertThat(committees.problems(" ", List.of(new Committee.Member("Anne Holm", null, null)), List.of("ukendt"), SECRETARY))
                .extracting(dk.beskplan.platform.web.ProblemException.FieldError::field)
                .containsExactly("name", "members[0].party", "secretaries[0]");
        refusedAt("members[1].name", () -> committees.create("Nyt udvalg", null, members("Anne Holm", "Bo\nVestergaard"),
                List.of(), false, SECRETARY));
        assertThat(refusedAt("name", () -> committees.create("beskæftigelsesudvalget", null, members("Anne Holm"), List.of(),
                false, SECRETARY))).isEqualTo("der er allerede et udvalg med dette navn");
    }

    @Test
    void anUpdateOfAnOlderVersionIsAConflict() {
        assertThat(conflict(() -> committees.update(existing.id(), existing.version() + 1, existing.name(), null,
                existing.members(), List.of(), SECRETARY))).contains("ændret af en anden");
        refusedAt("members", () -> committees.update(existing.id(), existing.version(), existing.name(), null, List.of(),
                List.of(), SECRETARY));
    }

    @Test
    void aRouteIsRefusedAtItsStages() {
        assertThat(refusedAt("stages", () -> committees.saveRoute(List.of(new ApprovalRoute.Decision(UUID.randomUUID())), -1,
                SECRETARY))).startsWith("udvalget ").endsWith(" findes ikke i kommunen");
        assertThat(refusedAt("stages", () -> committees.saveRoute(List.of(new ApprovalRoute.Decision(existing.id()),
                new ApprovalRoute.Hearing("Handicaprådet", 14)), -1, SECRETARY)))
                .isEqualTo("Godkendelsesforløbet skal slutte med et udvalgs eller byrådets beslutning");
        assertThat(refusedAt("stages", () -> committees.saveRoute(List.of(new ApprovalRoute.Hearing("Handicaprådet", 400),
                new ApprovalRoute.Decision(existing.id())), -1, SECRETARY)))
                .isEqualTo("Høringsfristen skal være mellem 1 og 365 dage");
    }
}
