package dk.beskplan.approval.domain;

import dk.beskplan.platform.domain.Result;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A political body that decides on plans at its meetings: the municipality's committee (udvalg) or, as a
 * second stage, its council (byråd / kommunalbestyrelse). Members are listed with party and role, as the
 * protocol names them; secretaries are the users who keep its meetings.
 */
public record Committee(UUID id, String municipality, String name, Kind kind, List<Member> members, List<String> secretaries,
                        long version) {

    /** A committee proper, or the council that makes a committee's recommendation final. */
    public enum Kind { COMMITTEE, COUNCIL }

    /** A member's role on the committee. */
    public enum Role { CHAIR, VICE_CHAIR, MEMBER }

    /** A member as the protocol names them: "Anne Hansen (A), formand". */
    public record Member(String name, String party, Role role) {
        public String display() {
            return name + (party == null || party.isBlank() ? "" : " (" + party + ")");
        }
    }

    public Committee {
        members = List.copyOf(members);
        secretaries = List.copyOf(secretaries);
    }

    /** A committee needs a name and members with unique names; at most one chair. */
    public static Result<Committee> define(UUID id, String municipality, String name, Kind kind, List<Member> members,
                                           List<String> secretaries, long version) {
        if (name == null || name.isBlank()) {
            return Result.rejected("Udvalget skal have et navn");
        }
        if (members.isEmpty()) {
            return Result.rejected("Udvalget skal have mindst ét medlem");
        }
        Set<String> names = new HashSet<>();
        List<Member> cleaned = new ArrayList<>();
        for (Member m : members) {
            if (m.name() == null || m.name().isBlank()) {
                return Result.rejected("Hvert medlem skal have et navn");
            }
            if (!names.add(m.name().strip())) {
                return Result.rejected("Medlemmet " + m.name().strip() + " står der to gange");
            }
            cleaned.add(new Member(m.name().strip(), m.party() == null ? null : m.party().strip(),
                    m.role() == null ? Role.MEMBER : m.role()));
        }
        if (cleaned.stream().filter(m -> m.role() == Role.CHAIR).count() > 1) {
            return Result.rejected("Udvalget kan kun have én formand");
        }
        return Result.accepted(new Committee(id, municipality, name.strip(), kind, cleaned, secretaries, version));
    }

    /** Members with these names, in the committee's order; refuses names that are not members. */
    public Result<List<Member>> membersNamed(List<String> present) {
        List<Member> found = new ArrayList<>();
        for (String name : present) {
            Member member = members.stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
            if (member == null) {
                return Result.rejected(name + " er ikke medlem af " + this.name);
            }
            if (!found.contains(member)) {
                found.add(member);
            }
        }
        return Result.accepted(members.stream().filter(found::contains).toList());
    }

    /** A committee can decide when at least half of its members are present (styrelsesloven § 20, § 28). */
    public boolean quorate(int present) {
        return present * 2 >= members.size();
    }

    /** The parties represented, in the order they first appear in the member list. */
    public List<String> parties() {
        return members.stream().map(Member::party).filter(p -> p != null && !p.isBlank()).distinct().toList();
    }
}
