package dk.beskplan.approval.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static dk.beskplan.approval.domain.Fixtures.accepted;
import static dk.beskplan.approval.domain.Fixtures.refused;
import static org.assertj.core.api.Assertions.assertThat;

class CommitteeTest {

    private static Committee.Member member(String name, String party, Committee.Role role) {
        return new Committee.Member(name, party, role);
    }

    private static dk.beskplan.platform.domain.Result<Committee> define(String name, List<Committee.Member> members) {
        return Committee.define(UUID.randomUUID(), "316", name, Committee.Kind.COMMITTEE, members, List.of("s"), 0);
    }

    @Test
    void namesAreStrippedAndAMemberWithoutRoleIsAMember() {
        Committee c = accepted(define("  Beskæftigelsesudvalget ", List.of(member(" Anne Holm ", " A ", Committee.Role.CHAIR),
                member("Bo Vestergaard", "Løsgænger", null))));
        assertThat(c.name()).isEqualTo("Beskæftigelsesudvalget");
        assertThat(c.members()).containsExactly(member("Anne Holm", "A", Committee.Role.CHAIR),
                member("Bo Vestergaard", "Løsgænger", Committee.Role.MEMBER));
        assertThat(c.members().get(0).display()).isEqualTo("Anne Holm (A)");
        assertThat(c.members().get(1).display()).isEqualTo("Bo Vestergaard (Løsgænger)");
    }

    @Test
    void aCommitteeNeedsANameAndMembersWithUniqueNamesAndAtMostOneChair() {
        List<Committee.Member> one = List.of(member("Anne Holm", "A", null));
        assertThat(refused(define(" ", one), "name").reason()).isEqualTo("Udvalget skal have et navn");
        assertThat(refused(define(null, one), "name").reason()).isEqualTo("Udvalget skal have et navn");
        assertThat(refused(define("Udvalget", List.of()), "members").reason()).isEqualTo("Udvalget skal have mindst ét medlem");
        assertThat(refused(define("Udvalget", List.of(member(" ", "A", null))), "members[0].name").reason())
                .isEqualTo("Hvert medlem skal have et navn");
        assertThat(refused(define("Udvalget", List.of(member("Anne Holm", "A", null), member(" Anne Holm", "V", null))),
                "members[1].name").reason()).isEqualTo("Medlemmet Anne Holm står der to gange");
        assertThat(refused(define("Udvalget", List.of(member("Anne Holm", " ", null))), "members[0].party").reason())
                .startsWith("Medlemmet Anne Holm skal have et parti");
        // Every problem at once, each at its field.
        assertThat(Committee.refusals(" ", List.of(member("Anne Holm", null, null), member("Bo Vestergaard", "V", null))))
                .extracting(dk.beskplan.platform.domain.Result.Rejected::field).containsExactly("name", "members[0].party");
        assertThat(refused(define("Udvalget", List.of(member("Anne Holm", "A", Committee.Role.CHAIR),
                member("Bo Vestergaard", "V", Committee.Role.CHAIR))), "members").reason())
                .isEqualTo("Udvalget kan kun have én formand");
    }

    @Test
    void membersNamedKeepsTheCommitteesOrderAndRefusesStrangers() {
        Committee c = Fixtures.committee();
        List<Committee.Member> present = accepted(c.membersNamed(List.of("Dorte Friis", "Anne Holm", "Anne Holm")));
        assertThat(present).extracting(Committee.Member::name).containsExactly("Anne Holm", "Dorte Friis");
        assertThat(refused(c.membersNamed(List.of("Anne Holm", "Ida Krog")), "present").reason())
                .isEqualTo("Ida Krog er ikke medlem af Beskæftigelsesudvalget");
    }

    @Test
    void quorumIsHalfTheMembers() {
        Committee c = Fixtures.committee();
        assertThat(c.quorate(2)).isTrue();
        assertThat(c.quorate(1)).isFalse();
        assertThat(c.parties()).containsExactly("A", "V", "F");
    }
}
