package dk.beskplan.approval.application;

import dk.beskplan.approval.domain.ApprovalRoute;
import dk.beskplan.approval.domain.Committee;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.web.Conflict;
import dk.beskplan.platform.web.InvalidInput;
import dk.beskplan.platform.web.NotFound;
import dk.beskplan.platform.web.ProblemException;
import dk.beskplan.platform.web.TextRules;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The municipality's committees (members, secretaries) and its approval route. */
@Singleton
public class Committees {
    /** Why a plan cannot go on an agenda yet: nobody has chosen which committee decides plans. */
    public static final String ROUTE_UNSET = "Godkendelsesforløbet er ikke fastlagt. Vælg under Udvalg og godkendelsesforløb,"
            + " hvilket udvalg der beslutter planerne, før en plan sættes på en dagsorden";
    private final CommitteeRepository committees;
    private final Clock clock;

    Committees(CommitteeRepository committees, Clock clock) {
        this.committees = committees;
        this.clock = clock;
    }

    @Transactional
    public List<Committee> list(CurrentUser user) {
        return committees.ofMunicipality(user.municipality());
    }

    @Transactional
    public Committee get(UUID id, CurrentUser user) {
        return committees.find(id, user.municipality()).orElseThrow(() -> new NotFound("Udvalget findes ikke"));
    }

    @Transactional
    public Committee create(String name, Committee.Kind kind, List<Committee.Member> members, List<String> secretaries,
                            boolean decidesPlans, CurrentUser user) {
        refuseLineBreaks(name, members);
        Committee committee = Committee.define(UUID.randomUUID(), user.municipality(), name,
                        kind == null ? Committee.Kind.COMMITTEE : kind, members, secretaries(secretaries, user), 0)
                .orElseThrow(reason -> InvalidInput.field(fieldOf(reason), reason));
        if (committees.nameTaken(user.municipality(), committee.name(), committee.id())) {
            throw InvalidInput.field("name", "der er allerede et udvalg med dette navn");
        }
        committees.insert(committee, clock.instant());
        if (decidesPlans) {
            // The secretary's explicit choice, never a default: this committee alone decides the municipality's plans.
            if (committees.route(user.municipality()).configured()) {
                throw InvalidInput.field("decidesPlans", "godkendelsesforløbet er allerede fastlagt; ret det under Godkendelsesforløb");
            }
            committees.saveRoute(user.municipality(), ApprovalRoute.committeeOnly(committee.id()), -1, user.username(),
                    clock.instant());
        }
        return committee;
    }

    @Transactional
    public Committee update(UUID id, long expectedVersion, String name, Committee.Kind kind, List<Committee.Member> members,
                            List<String> secretaries, CurrentUser user) {
        refuseLineBreaks(name, members);
        Committee current = get(id, user);
        if (current.version() != expectedVersion) {
            throw new Conflict("Udvalget er ændret af en anden i mellemtiden. Hent det igen og gentag din ændring.");
        }
        Committee changed = Committee.define(id, user.municipality(), name, kind == null ? current.kind() : kind, members,
                        secretaries(secretaries, user), expectedVersion)
                .orElseThrow(reason -> InvalidInput.field(fieldOf(reason), reason));
        if (committees.nameTaken(user.municipality(), changed.name(), id)) {
            throw InvalidInput.field("name", "der er allerede et udvalg med dette navn");
        }
        committees.update(changed);
        return get(id, user);
    }

    /** The route new submissions follow, with its version (-1 while it is the default and never saved). */
    @Transactional
    public RouteView route(CurrentUser user) {
        return committees.route(user.municipality());
    }

    @Transactional
    public RouteView saveRoute(List<ApprovalRoute.Stage> stages, long expectedVersion, CurrentUser user) {
        for (ApprovalRoute.Stage stage : stages) {
            if (stage instanceof ApprovalRoute.Decision d && d.committeeId() != null
                    && committees.find(d.committeeId(), user.municipality()).isEmpty()) {
                throw InvalidInput.field("stages", "udvalget " + d.committeeId() + " findes ikke i kommunen");
            }
        }
        ApprovalRoute route = ApprovalRoute.of(stages).orElseThrow(reason -> InvalidInput.field("stages", reason));
        committees.saveRoute(user.municipality(), route, expectedVersion, user.username(), clock.instant());
        return committees.route(user.municipality());
    }

    /** The committee's name and its members' names and parties are single lines (platform TextRules). */
    private static void refuseLineBreaks(String name, List<Committee.Member> members) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        TextRules.singleLine(name, "name", errors);
        for (int i = 0; members != null && i < members.size(); i++) {
            Committee.Member m = members.get(i);
            if (m != null) {
                TextRules.singleLine(m.name(), "members[" + i + "].name", errors);
                TextRules.singleLine(m.party(), "members[" + i + "].party", errors);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    private static List<String> secretaries(List<String> secretaries, CurrentUser user) {
        List<String> names = new ArrayList<>(secretaries == null ? List.of() : secretaries.stream()
                .filter(s -> s != null && !s.isBlank()).map(String::strip).distinct().toList());
        if (names.isEmpty()) {
            names.add(user.username()); // the secretary who sets the committee up keeps it
        }
        return names;
    }

    private static String fieldOf(String reason) {
        return reason.contains("navn") && !reason.contains("medlem") ? "name" : "members";
    }
}
