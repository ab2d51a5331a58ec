package dk.beskplan.approval.application;

import dk.beskplan.approval.domain.ApprovalRoute;
import dk.beskplan.approval.domain.Committee;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.web.Conflict;
import dk.beskplan.platform.web.InvalidInput;
import dk.beskplan.platform.web.ProblemException;
import dk.beskplan.platform.web.Refusals;
import dk.beskplan.platform.web.TextRules;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The municipality's committees (members, secretaries) and its approval route. */
@Singleton
public class Committees {
    /** Why a plan cannot go on an agenda yet: nobody has chosen which committee decides plans. */
    public static final String ROUTE_UNSET = "Godkendelsesforløbet er ikke fastlagt. Vælg på siden Udvalg, under Godkendelsesforløb,"
            + " hvilket udvalg der beslutter planerne, før en plan sættes på en dagsorden";
    private final CommitteeRepository committees;
    private final Clock clock;
    /** The user names of a municipality's secretaries (active users with the secretary role). */
    private final Function<String, Set<String>> secretariesOf;

    @Inject
    Committees(CommitteeRepository committees, Clock clock, UserAccounts users) {
        this(committees, clock, municipality -> users.withRole(municipality, Roles.SECRETARY).stream()
                .map(UserAccounts.User::username).collect(Collectors.toSet()));
    }

    Committees(CommitteeRepository committees, Clock clock, Function<String, Set<String>> secretariesOf) {
        this.committees = committees;
        this.clock = clock;
        this.secretariesOf = secretariesOf;
    }

    @Transactional
    public List<Committee> list(CurrentUser user) {
        return committees.ofMunicipality(user.municipality());
    }

    @Transactional
    public Committee get(UUID id, CurrentUser user) {
        return committees.load(id, user.municipality());
    }

    @Transactional
    public Committee create(String name, Committee.Kind kind, List<Committee.Member> members, List<String> secretaries,
                            boolean decidesPlans, CurrentUser user) {
        refuseIfAny(problems(name, members, secretaries, user));
        Committee committee = Committee.define(UUID.randomUUID(), user.municipality(), name,
                        kind == null ? Committee.Kind.COMMITTEE : kind, members, secretaries(secretaries, user), 0)
                .orElseRefuse(Refusals::of);
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
        refuseIfAny(problems(name, members, secretaries, user));
        Committee current = get(id, user);
        if (current.version() != expectedVersion) {
            throw new Conflict("Udvalget er ændret af en anden i mellemtiden. Hent det igen og gentag din ændring.");
        }
        Committee changed = Committee.define(id, user.municipality(), name, kind == null ? current.kind() : kind, members,
                        secretaries(secretaries, user), expectedVersion)
                .orElseRefuse(Refusals::of);
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
        ApprovalRoute route = ApprovalRoute.of(stages).orElseRefuse(Refusals::of);
        committees.saveRoute(user.municipality(), route, expectedVersion, user.username(), clock.instant());
        return committees.route(user.municipality());
    }

    /**
     * Everything wrong with a committee's name, members and secretaries, each at its field, all at once: what the
     * committee itself refuses ({@link Committee#refusals}), names and parties that are not single lines (platform
     * TextRules), and secretaries who are not secretaries of the municipality ({@code secretaries[i]}).
     */
    public List<ProblemException.FieldError> problems(String name, List<Committee.Member> members, List<String> secretaries,
                                                      CurrentUser user) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        Committee.refusals(name, members == null ? List.of() : members)
                .forEach(r -> errors.add(new ProblemException.FieldError(r.field(), r.reason())));
        TextRules.singleLine(name, "name", errors);
        for (int i = 0; members != null && i < members.size(); i++) {
            Committee.Member m = members.get(i);
            if (m != null) {
                TextRules.singleLine(m.name(), "members[" + i + "].name", errors);
                TextRules.singleLine(m.party(), "members[" + i + "].party", errors);
            }
        }
        Set<String> known = null;
        for (int i = 0; secretaries != null && i < secretaries.size(); i++) {
            String secretary = secretaries.get(i) == null ? "" : secretaries.get(i).strip();
            if (secretary.isEmpty()) {
                continue;
            }
            known = known == null ? secretariesOf.apply(user.municipality()) : known;
            if (!known.contains(secretary)) {
                errors.add(new ProblemException.FieldError("secretaries[" + i + "]",
                        "»" + secretary + "« er ikke brugernavnet på en udvalgssekretær i kommunen"));
            }
        }
        return errors;
    }

    private static void refuseIfAny(List<ProblemException.FieldError> errors) {
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
}
