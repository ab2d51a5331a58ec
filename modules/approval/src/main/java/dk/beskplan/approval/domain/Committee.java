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

    /**
     * A committee needs a name and members with names and parties (an independent member is written with the party
     * "Løsgænger"), names unique; at most one chair. Refuses with the first of {@link #refusals}.
     */
    public static Result<Committee> define(UUID id, String municipality, String name, Kind kind, List<Member> members,
                                           List<String> secretaries, long version) {
        List<Result.Rejected<Committee>> refusals = refusals(name, members);
        if (!refusals.isEmpty()) {
            return refusals.get(0);
        }
        List<Member> cleaned = members.stream().map(m -> new Member(m.name().strip(), m.party().strip(),
                m.role() == null ? Role.MEMBER : m.role())).toList();
        return Result.accepted(new Committee(id, municipality, name.strip(), kind, cleaned, secretaries, version));
    }

    /**
     * Everything wrong with this name and these members, each refusal at its field (the name; {@code members} for the
     * list as a whole; {@code members[i].name} and {@code members[i].party} for one member), so that a form can show
     * every problem at once.
     */
    public static List<Result.Rejected<Committee>> refusals(String name, List<Member> members) {
        List<Result.Rejected<Committee>> refusals = new ArrayList<>();
        if (name == null || name.isBlank()) {
            refusals.add(new Result.Rejected<>("name", "Udvalget skal have et navn"));
        }
        if (members == null || members.isEmpty()) {
            refusals.add(new Result.Rejected<>("members", "Udvalget skal have mindst ét medlem"));
            return refusals;
        }
        Set<String> names = new HashSet<>();
        int chairs = 0;
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            if (m.name() == null || m.name().isBlank()) {
                refusals.add(new Result.Rejected<>("members[" + i + "].name", "Hvert medlem skal have et navn"));
                continue;
            }
            if (m.party() == null || m.party().isBlank()) {
                refusals.add(new Result.Rejected<>("members[" + i + "].party", "Medlemmet " + m.name().strip()
                        + " skal have et parti (skriv Løsgænger for et medlem uden for partierne)"));
            }
            if (!names.add(m.name().strip())) {
                refusals.add(new Result.Rejected<>("members[" + i + "].name", "Medlemmet " + m.name().strip() + " står der to gange"));
            }
            chairs += m.role() == Role.CHAIR ? 1 : 0;
        }
        if (chairs > 1) {
            refusals.add(new Result.Rejected<>("members", "Udvalget kan kun have én formand"));
        }
        return refusals;
    }

    /** Members with these names, in the committee's order; refuses names that are not members. */
    public Result<List<Member>> membersNamed(List<String> present) {
        List<Member> found = new ArrayList<>();
        for (String name : present) {
            Member member = members.stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
            if (member == null) {
                return Result.rejected("present", name + " er ikke medlem af " + this.name);
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
